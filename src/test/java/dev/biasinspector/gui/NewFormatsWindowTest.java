package dev.biasinspector.gui;

import dev.biasinspector.testing.DemoModels;
import dev.biasinspector.testing.SpecFixtures;
import org.assertj.swing.fixture.JOptionPaneFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.swing.JLabel;
import javax.swing.TransferHandler;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Dropping a Hugging Face folder, a .gguf and a Keras file on the window, as a new user would. */
class NewFormatsWindowTest extends AppWindowTestBase {

    @TempDir
    Path folder;

    @Test
    void droppingAHuggingFaceFolderShowsItsBiasesWithTheWritersValues() {
        start(Optional.of(DemoModels.path("simple_net.pt")));
        awaitChartOf("fc1.bias");

        drop(SpecFixtures.path("safetensors/hf_sharded"));

        awaitChartOf("transformer.fc1.bias");
        assertThat(onEdt(frame::getTitle)).startsWith("hf_sharded");
        assertThat(window.label("statusText").text()).contains("safetensors", "2 biases (2 Linear)");
        assertThat(chartValues()).containsExactly(SpecFixtures.values(SpecFixtures.tensor(
                SpecFixtures.file("safetensors", "hf_sharded"), "transformer.fc1.bias")));
    }

    @Test
    void droppingAGgufShowsItsBiasesAndSaysWhichTypesAreNotDecoded() {
        start(Optional.of(DemoModels.path("simple_net.pt")));
        awaitChartOf("fc1.bias");

        drop(SpecFixtures.path("gguf/tiny_llama.gguf"));

        awaitChartOf("blk.0.attn_q.bias");
        assertThat(window.label("statusText").text()).contains("gguf");
        var written = SpecFixtures.file("gguf", "tiny_llama.gguf");
        assertThat(chartValues()).containsExactly(SpecFixtures.values(SpecFixtures.tensor(written, "blk.0.attn_q.bias")));

        onEdt(() -> frame.treePanel().selectBias("blk.0.ffn_down.bias"));
        awaitChartOf("blk.0.ffn_down.bias");
        assertThat(chartValues()).containsExactly(SpecFixtures.values(SpecFixtures.tensor(written, "blk.0.ffn_down.bias")));

        onEdt(() -> frame.treePanel().selectBias("blk.0.ffn_gate.bias"));
        awaitTrue("the chart's message about Q4_K", () -> onEdt(() -> {
            JLabel message = (JLabel) robot.finder().findByName(frame, "chartMessage", false);
            return message.isShowing() && message.getText().contains("values of type Q4_K are not decoded");
        }));
    }

    @Test
    void droppingAKerasFileSaysWhatItIsAndKeepsTheOpenModel() throws Exception {
        start(Optional.of(DemoModels.path("simple_net.pt")));
        awaitChartOf("fc1.bias");
        Path h5 = Files.write(folder.resolve("model.h5"), new byte[]{(byte) 0x89, 'H', 'D', 'F', '\r', '\n', 0x1A, '\n', 0, 0});

        drop(h5);

        JOptionPaneFixture dialog = window.optionPane(LOAD_TIMEOUT);
        assertThat(onEdt(() -> ((JLabel) robot.finder().findByName(dialog.target(), "errorMessage", true)).getText()))
                .contains("model.h5 could not be opened: a Keras HDF5 file: not supported yet.");
        clickAndAwaitClosed(dialog.okButton());
        assertThat(onEdt(frame::getTitle)).startsWith("simple_net.pt");
        awaitChartOf("fc1.bias");
    }

    @Test
    void aFolderOfSafetensorsAndGgufCheckpointsOpensAsASeries() throws Exception {
        Path series = Files.createDirectories(folder.resolve("run"));
        Files.copy(SpecFixtures.path("safetensors/simple_net.safetensors"), series.resolve("step_2.safetensors"));
        Files.copy(SpecFixtures.path("gguf/simple_net_v2.gguf"), series.resolve("step_10.gguf"));
        start(Optional.of(DemoModels.path("simple_net.pt")));
        awaitChartOf("fc1.bias");

        drop(series);

        awaitTrue("the checkpoint series", () -> frame.session().isIdle()
                && frame.session().content().map(dev.biasinspector.session.ChartContent.Evolution.class::isInstance).orElse(false));
        assertThat(window.label("checkpointName").text()).isEqualTo("step_10.gguf  (2 of 2)");
        org.jfree.data.xy.XYDataset scatter = onEdt(() -> dev.biasinspector.chart.EvolutionChartFactory.scatterPlot(chart()).getDataset());
        assertThat(values(scatter, 0)).containsExactly(SpecFixtures.values(SpecFixtures.tensor(
                SpecFixtures.file("gguf", "simple_net_v2.gguf"), "fc1.bias")));
    }

    @Test
    void comparingTorchScriptWithAHuggingFaceFolderPairsTheNamesByDroppingItsPrefix() {
        start(Optional.of(DemoModels.path("simple_net.pt")));
        awaitChartOf("fc1.bias");

        onEdt(() -> {
            frame.session().compareWith(SpecFixtures.path("safetensors/hf_sharded"));
            return null;
        });

        awaitTrue("the comparison", () -> frame.session().isIdle() && frame.session().comparison().isPresent()
                && frame.chartView().content().isPresent());
        var compared = onEdt(() -> frame.session().comparison().orElseThrow());
        assertThat(compared.comparison().changes()).extracting(c -> c.name()).containsExactlyInAnyOrder("fc1.bias", "fc2.bias");
        double want = DemoModels.diff("simple_net.pt", "simple_net_trained.pt", "fc1.bias").get("maxAbsChange").getAsDouble();
        assertThat(compared.change("fc1.bias").orElseThrow().maxAbsChange())
                .isCloseTo(want, org.assertj.core.api.Assertions.withinPercentage(1e-4));
        assertThat(window.label("unmatchedBiases").text()).contains("Paired after dropping the prefix transformer. from hf_sharded");
    }

    private void drop(Path path) {
        boolean accepted = onEdt(() -> {
            TransferHandler handler = frame.getRootPane().getTransferHandler();
            return handler.importData(new TransferHandler.TransferSupport(frame.getRootPane(), files(path)));
        });
        assertThat(accepted).isTrue();
    }
}
