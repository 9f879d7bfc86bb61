package dev.biasinspector.model;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.biasinspector.format.CheckpointSeries;
import dev.biasinspector.format.ModelOpener;
import dev.biasinspector.testing.DemoModels;
import dev.biasinspector.testing.Fixtures;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class BiasEvolutionTest {

    @Test
    void eachRowHoldsPyTorchsValuesOfThatCheckpoint() throws Exception {
        List<Path> files = CheckpointSeries.list(DemoModels.path("checkpoints"));
        List<LoadedModel> models = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (Path f : files) {
            models.add(ModelOpener.open(f));
            labels.add(f.getFileName().toString());
        }

        BiasEvolution evolution = BiasEvolution.of("fc2.bias", models, labels);

        assertThat(evolution.checkpoints()).containsExactly("epoch_1.pt", "epoch_2.pt", "epoch_5.pt", "epoch_10.pt");
        assertThat(evolution.size()).isEqualTo(10);
        for (int c = 0; c < files.size(); c++) {
            assertThat(evolution.rows().get(c)).containsExactly(pytorch("checkpoints/" + labels.get(c), "fc2.bias"));
        }
        assertThat(evolution.missing()).isEmpty();
    }

    @Test
    void aCheckpointWithoutTheBiasIsListedAsMissing() throws Exception {
        List<LoadedModel> models = List.of(ModelOpener.open(DemoModels.path("simple_net.pt")),
                ModelOpener.open(Fixtures.path("nested_scripted.pt")));

        BiasEvolution evolution = BiasEvolution.of("fc1.bias", models, List.of("a", "b"));

        assertThat(evolution.checkpoints()).containsExactly("a");
        assertThat(evolution.missing()).containsExactly("b");
    }

    private static float[] pytorch(String file, String parameter) {
        for (JsonElement p : DemoModels.expected().getAsJsonObject("files").getAsJsonObject(file).getAsJsonArray("parameters")) {
            JsonObject o = p.getAsJsonObject();
            if (o.get("name").getAsString().equals(parameter)) {
                return Fixtures.floats(o.getAsJsonArray("values"));
            }
        }
        throw new IllegalArgumentException(parameter);
    }
}
