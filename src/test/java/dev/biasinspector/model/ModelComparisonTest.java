package dev.biasinspector.model;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.biasinspector.format.ModelOpener;
import dev.biasinspector.testing.DemoModels;
import dev.biasinspector.testing.Fixtures;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

class ModelComparisonTest {

    @Test
    void changesMatchWhatPyTorchComputedForEveryCheckpointPair() throws Exception {
        int compared = 0;
        for (JsonElement element : DemoModels.expected().getAsJsonArray("diffs")) {
            JsonObject diff = element.getAsJsonObject();
            ModelComparison comparison = ModelComparison.of(
                    ModelOpener.open(DemoModels.path(diff.get("a").getAsString())),
                    ModelOpener.open(DemoModels.path(diff.get("b").getAsString())));

            Map<String, BiasChange> byName = new HashMap<>();
            comparison.changes().forEach(c -> byName.put(c.name(), c));
            for (JsonElement b : diff.getAsJsonArray("biases")) {
                JsonObject want = b.getAsJsonObject();
                BiasChange got = byName.get(want.get("name").getAsString());
                assertThat(got).as(want.get("name").getAsString()).isNotNull();
                assertThat(got.size()).isEqualTo(want.get("n").getAsInt());
                assertThat(got.maxAbsChange()).isCloseTo(want.get("maxAbsChange").getAsDouble(), withinPercentage(1e-4));
                assertThat(got.l2Change()).isCloseTo(want.get("l2Change").getAsDouble(), withinPercentage(1e-4));
                assertThat(got.l2Before()).isCloseTo(want.get("l2Before").getAsDouble(), withinPercentage(1e-4));
                compared++;
            }
            assertThat(comparison.onlyInA()).isEmpty();
            assertThat(comparison.onlyInB()).isEmpty();
        }
        assertThat(compared).isGreaterThanOrEqualTo(12);
    }

    @Test
    void biasesInOnlyOneModelAreListedNotAnError() throws Exception {
        ModelComparison comparison = ModelComparison.of(ModelOpener.open(DemoModels.path("simple_net.pt")),
                ModelOpener.open(Fixtures.path("nested_scripted.pt")));

        assertThat(comparison.changes()).isEmpty();
        assertThat(comparison.onlyInA()).containsExactly("fc1.bias", "fc2.bias");
        assertThat(comparison.onlyInB()).contains("enc.0.bias", "heads.cls.bias");
    }

    @Test
    void aModelComparedWithItselfHasNoChange() throws Exception {
        LoadedModel model = ModelOpener.open(DemoModels.path("simple_net.pt"));

        ModelComparison comparison = ModelComparison.of(model, model);

        assertThat(comparison.changes()).hasSize(2)
                .allSatisfy(c -> assertThat(c.maxAbsChange()).isZero())
                .allSatisfy(c -> assertThat(c.relativeChange()).isZero());
    }

    @Test
    void theRankingPutsTheLayerThatMovedMostFirst() throws Exception {
        ModelComparison comparison = ModelComparison.of(ModelOpener.open(DemoModels.path("simple_net.pt")),
                ModelOpener.open(DemoModels.path("simple_net_trained.pt")));

        assertThat(comparison.rankedByChange()).extracting(BiasChange::name).containsExactly("fc2.bias", "fc1.bias");
    }

    @Test
    void theDeltaIsAfterMinusBefore() throws Exception {
        ModelComparison comparison = ModelComparison.of(ModelOpener.open(DemoModels.path("simple_net.pt")),
                ModelOpener.open(DemoModels.path("simple_net_trained.pt")));
        BiasChange fc1 = comparison.changes().get(0);
        // Expected from PyTorch's values of both files, not from the comparison under test.
        float[] before = DemoModels.values("simple_net.pt", "fc1.bias");
        float[] after = DemoModels.values("simple_net_trained.pt", "fc1.bias");
        JsonObject pytorch = DemoModels.diff("simple_net.pt", "simple_net_trained.pt", "fc1.bias");

        float[] delta = fc1.delta().values();
        assertThat(delta).hasSize(before.length);
        for (int i = 0; i < delta.length; i++) {
            assertThat(delta[i]).as("index %d", i).isEqualTo(after[i] - before[i]);
        }
        double l2 = 0;
        for (float d : delta) {
            l2 += (double) d * d;
        }
        assertThat(Math.sqrt(l2)).isCloseTo(pytorch.get("l2Change").getAsDouble(), within(1e-5));
    }
}
