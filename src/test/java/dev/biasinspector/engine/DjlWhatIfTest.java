package dev.biasinspector.engine;

import com.google.gson.JsonObject;
import dev.biasinspector.format.ModelFormatException;
import dev.biasinspector.format.ModelOpener;
import dev.biasinspector.model.BiasEdit;
import dev.biasinspector.model.SeededInput;
import dev.biasinspector.model.WhatIfResult;
import dev.biasinspector.testing.DemoModels;
import dev.biasinspector.testing.Fixtures;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** What-if runs against PyTorch's own outputs for the same input and the same change (models/generate.py). */
class DjlWhatIfTest {

    private static final JsonObject WHATIF = DemoModels.expected().getAsJsonObject("whatif");
    private static final float[] X = Fixtures.floats(WHATIF.getAsJsonObject("input").getAsJsonArray("values"));
    private static final long[] SHAPE = Fixtures.longs(WHATIF.getAsJsonObject("input").getAsJsonArray("shape"));

    @Test
    void zeroingFc1BiasGivesPyTorchsOutput() throws Exception {
        for (String file : new String[]{"simple_net.pt", "simple_net_trained.pt"}) {
            JsonObject want = WHATIF.getAsJsonObject("models").getAsJsonObject(file);

            WhatIfResult result = DjlWhatIf.run(DemoModels.path(file), "fc1.bias", BiasEdit.zero(), SHAPE, X);

            assertClose(result.before(), Fixtures.floats(want.getAsJsonArray("output")));
            assertClose(result.after(), Fixtures.floats(want.getAsJsonArray("output_fc1_bias_zero")));
            // the output's shape as libtorch returns it, so a [1, 10] output counts as 10 classes
            assertThat(result.outputShape()).containsExactly(1, 10);
            assertThat(result.topClasses().orElseThrow().before())
                    .containsExactly(Fixtures.argMax(Fixtures.floats(want.getAsJsonArray("output"))));
            assertThat(result.topClasses().orElseThrow().after())
                    .containsExactly(Fixtures.argMax(Fixtures.floats(want.getAsJsonArray("output_fc1_bias_zero"))));
        }
    }

    @Test
    void zeroingFc2BiasGivesPyTorchsOutput() throws Exception {
        JsonObject want = WHATIF.getAsJsonObject("models").getAsJsonObject("simple_net.pt");

        WhatIfResult result = DjlWhatIf.run(DemoModels.path("simple_net.pt"), "fc2.bias", BiasEdit.zero(), SHAPE, X);

        assertClose(result.after(), Fixtures.floats(want.getAsJsonArray("output_fc2_bias_zero")));
    }

    @Test
    void shiftingTheLastBiasShiftsEveryOutputByTheSameAmount() throws Exception {
        WhatIfResult result = DjlWhatIf.run(DemoModels.path("simple_net.pt"), "fc2.bias", BiasEdit.shift(0.5), SHAPE, X);

        for (float change : result.change()) {
            assertThat(change).isCloseTo(0.5f, within(1e-6f));
        }
    }

    @Test
    void theFileIsNeverWritten() throws Exception {
        byte[] before = Files.readAllBytes(DemoModels.path("simple_net.pt"));

        DjlWhatIf.run(DemoModels.path("simple_net.pt"), "fc1.bias", BiasEdit.scale(3), SHAPE, X);

        assertThat(Files.readAllBytes(DemoModels.path("simple_net.pt"))).isEqualTo(before);
    }

    @Test
    void aWrongInputShapeIsOnePlainSentence() {
        long[] wrong = {1, 7};

        assertThatThrownBy(() -> DjlWhatIf.run(DemoModels.path("simple_net.pt"), "fc1.bias", BiasEdit.zero(), wrong,
                SeededInput.normal(wrong, 1)))
                .isInstanceOf(ModelFormatException.class)
                .hasMessage("the model could not run on this input: mat1 and mat2 shapes cannot be multiplied (1x7 and 10x20)")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void theSuggestedInputShapeComesFromTheFirstLinearLayer() throws Exception {
        assertThat(SeededInput.suggestedShape(ModelOpener.open(DemoModels.path("simple_net.pt")))).contains(new long[]{1, 10});
        assertThat(SeededInput.suggestedShape(ModelOpener.open(Fixtures.path("conv_scripted.pt")))).isEmpty();
    }

    private static void assertClose(float[] actual, float[] expected) {
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < actual.length; i++) {
            // Same libtorch kernels, but a different version (2.7.1 vs 1.13): allow float rounding.
            assertThat(actual[i]).as("output[" + i + "]").isCloseTo(expected[i], within(2e-6f));
        }
    }
}
