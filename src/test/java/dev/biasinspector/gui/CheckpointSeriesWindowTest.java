package dev.biasinspector.gui;

import dev.biasinspector.session.ChartContent;

import dev.biasinspector.chart.EvolutionChartFactory;
import dev.biasinspector.testing.DemoModels;
import org.assertj.swing.fixture.JOptionPaneFixture;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.data.xy.XYDataset;
import org.jfree.data.xy.XYZDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** File > Open Checkpoint Folder on models/checkpoints, against PyTorch's values in models/expected.json. */
class CheckpointSeriesWindowTest extends AppWindowTestBase {

    private static final String[] NATURAL_ORDER = {"epoch_1.pt", "epoch_2.pt", "epoch_5.pt", "epoch_10.pt"};

    @TempDir
    Path folder;

    @Test
    void fourCheckpointsInNaturalOrderAndTheSliderStepsThroughThem() {
        start(Optional.of(DemoModels.path("simple_net.pt")));
        awaitChartOf("fc1.bias");

        window.menuItemWithPath("File", "Open Checkpoint Folder\u2026").click();
        choose(DemoModels.path("checkpoints"));
        awaitSeries();

        SymbolAxis checkpoints = onEdt(() -> (SymbolAxis) EvolutionChartFactory.heatMapPlot(chart()).getRangeAxis());
        assertThat(onEdt(checkpoints::getSymbols)).containsExactly(NATURAL_ORDER);
        assertThat(chartTitle()).isEqualTo("fc1.bias over 4 checkpoints");
        // It starts at the last checkpoint.
        assertThat(window.slider("checkpointSlider").target().getValue()).isEqualTo(3);
        assertThat(scatterValues()).containsExactly(DemoModels.values("checkpoints/epoch_10.pt", "fc1.bias"));

        window.slider("checkpointSlider").slideTo(2);

        awaitTrue("epoch_5 in the scatter", () -> frame.chartView().options().checkpoint() == 2);
        assertThat(scatterValues()).containsExactly(DemoModels.values("checkpoints/epoch_5.pt", "fc1.bias"));
        assertThat(window.label("checkpointName").text()).isEqualTo("epoch_5.pt  (3 of 4)");
        assertThat(window.label("statisticsCaption").text()).isEqualTo("Statistics of epoch_5.pt");
        assertThat(window.label("stat.n").text()).isEqualTo("20");
        // The heat map's epoch_5 row holds the change since epoch_1, per index.
        float[] first = DemoModels.values("checkpoints/epoch_1.pt", "fc1.bias");
        float[] fifth = DemoModels.values("checkpoints/epoch_5.pt", "fc1.bias");
        XYZDataset heat = onEdt(() -> (XYZDataset) EvolutionChartFactory.heatMapPlot(chart()).getDataset());
        for (int i = 0; i < 20; i++) {
            int item = 2 * 20 + i;
            assertThat(onEdt(() -> heat.getYValue(0, item))).isEqualTo(2.0);
            assertThat((float) (double) onEdt(() -> heat.getZValue(0, item))).isEqualTo(fifth[i] - first[i]);
        }
    }

    @Test
    void anotherLayerKeepsTheCheckpointAndTheHistogramShowsIt() {
        start(Optional.of(DemoModels.path("simple_net.pt")));
        window.menuItemWithPath("File", "Open Example", "SimpleNet Training Checkpoints").click();
        awaitSeries();
        window.slider("checkpointSlider").slideTo(1);
        awaitTrue("epoch_2", () -> frame.chartView().options().checkpoint() == 1);

        tree().clickPath("SimpleNet/fc2");
        awaitChartOf("fc2.bias");

        assertThat(chartTitle()).isEqualTo("fc2.bias over 4 checkpoints");
        assertThat(scatterValues()).containsExactly(DemoModels.values("checkpoints/epoch_2.pt", "fc2.bias"));
        press(window.toggleButton("histogramToggle"));
        assertThat(chartTitle()).isEqualTo("Histogram of fc2.bias in epoch_2.pt");
        assertThat(onEdt(frame::getTitle)).startsWith("checkpoints (demo)");
        assertThat(window.label("statusText").text()).contains("4 checkpoints");
    }

    @Test
    void theHeatMapIsColouredByChangeOrByValueAndTheChoiceGivesWayToTheHistogramsBins() {
        start(Optional.of(DemoModels.path("simple_net.pt")));
        awaitChartOf("fc1.bias");
        window.menuItemWithPath("File", "Open Example", "SimpleNet Training Checkpoints").click();
        awaitSeries();

        window.comboBox("heatMapShading").requireVisible().requireSelection("Colour: change since first")
                .selectItem("Colour: value");

        awaitTrue("value shading", () -> frame.chartView().options().shading() == EvolutionChartFactory.Shading.VALUE);
        float[] tenth = DemoModels.values("checkpoints/epoch_10.pt", "fc1.bias");
        XYZDataset heat = onEdt(() -> (XYZDataset) EvolutionChartFactory.heatMapPlot(chart()).getDataset());
        for (int i = 0; i < 20; i++) {
            int item = 3 * 20 + i;
            assertThat((float) (double) onEdt(() -> heat.getZValue(0, item))).isEqualTo(tenth[i]);
        }
        press(window.toggleButton("histogramToggle"));
        assertThat(showing("heatMapShading")).as("the colour belongs to the heat map").isFalse();
        window.comboBox("histogramBins").requireVisible();
        press(window.toggleButton("scatterToggle"));
        window.comboBox("heatMapShading").requireVisible().requireSelection("Colour: value");
        assertThat(showing("histogramBins")).isFalse();
    }

    private boolean showing(String comboName) {
        return onEdt(() -> robot.finder().findByName(frame, comboName, javax.swing.JComboBox.class, false).isShowing());
    }

    @Test
    void aFolderWithoutModelsSaysSoAndTheOpenModelStays() throws IOException {
        start(Optional.of(DemoModels.path("simple_net.pt")));
        awaitChartOf("fc1.bias");
        Files.writeString(folder.resolve("readme.txt"), "no models here");

        window.menuItemWithPath("File", "Open Checkpoint Folder\u2026").click();
        choose(folder);

        JOptionPaneFixture dialog = window.optionPane(LOAD_TIMEOUT);
        assertThat(onEdt(() -> dialog.target().getMessage().toString())).isNotEmpty();
        assertThat(dialogSentence(dialog)).contains("holds no model file");
        clickAndAwaitClosed(dialog.okButton());
        assertThat(onEdt(frame::getTitle)).startsWith("simple_net.pt");
        assertThat(chartValues()).containsExactly(DemoModels.values("simple_net.pt", "fc1.bias"));
    }

    private void awaitSeries() {
        awaitTrue("the checkpoint series", () -> frame.session().isIdle()
                && frame.chartView().content().map(ChartContent.Evolution.class::isInstance).orElse(false));
    }

    /** The scatter under the heat map: the checkpoint the slider points at. */
    private float[] scatterValues() {
        XYDataset scatter = onEdt(() -> EvolutionChartFactory.scatterPlot(chart()).getDataset());
        return values(scatter, 0);
    }

    private String dialogSentence(JOptionPaneFixture dialog) {
        return onEdt(() -> ((javax.swing.JLabel) robot.finder().findByName(dialog.target(), "errorMessage", true))
                .getText().replaceAll("<[^>]+>", ""));
    }
}
