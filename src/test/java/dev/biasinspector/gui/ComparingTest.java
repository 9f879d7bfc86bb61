package dev.biasinspector.gui;

import dev.biasinspector.session.ChartContent;

import com.google.gson.JsonObject;
import dev.biasinspector.chart.ComparisonChartFactory;
import dev.biasinspector.chart.HistogramChartFactory;
import dev.biasinspector.testing.DemoModels;
import dev.biasinspector.testing.Fixtures;
import org.assertj.swing.fixture.JOptionPaneFixture;
import org.assertj.swing.fixture.JTableFixture;
import org.assertj.swing.data.TableCell;
import org.jfree.chart.JFreeChart;
import org.jfree.data.xy.IntervalXYDataset;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.swing.JTable;
import java.awt.event.KeyEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Overlay, histogram and Compare With on the tutorial's SimpleNet, against PyTorch's numbers (models/expected.json). */
class ComparingTest extends AppWindowTestBase {

    private static final String BEFORE = "simple_net.pt";
    private static final String AFTER = "simple_net_trained.pt";

    @TempDir
    Path folder;

    @Test
    void ctrlClickOverlaysFc1AndFc2InOneChartWithALegend() {
        start(Optional.of(DemoModels.path(BEFORE)));
        tree().clickPath("SimpleNet/fc1");
        awaitChartOf("fc1.bias");

        robot.pressKey(KeyEvent.VK_CONTROL);
        try {
            tree().clickPath("SimpleNet/fc2");
        } finally {
            robot.releaseKey(KeyEvent.VK_CONTROL);
        }
        awaitTrue("two series", () -> frame.session().isIdle()
                && frame.chartView().chart().map(c -> c.getXYPlot().getDataset().getSeriesCount() == 2).orElse(false));

        XYDataset dataset = onEdt(() -> chart().getXYPlot().getDataset());
        assertThat(onEdt(() -> dataset.getSeriesKey(0))).isEqualTo("fc1.bias");
        assertThat(onEdt(() -> dataset.getSeriesKey(1))).isEqualTo("fc2.bias");
        assertThat(values(dataset, 0)).containsExactly(DemoModels.values(BEFORE, "fc1.bias"));
        assertThat(values(dataset, 1)).containsExactly(DemoModels.values(BEFORE, "fc2.bias"));
        assertThat(onEdt(() -> chart().getLegend() != null)).isTrue();
        assertThat(chartTitle()).isEqualTo("fc1.bias, fc2.bias");
        assertThat(window.label("statisticsCaption").text()).isEqualTo("Statistics of fc1");
        // and a row per series, so fc2 is summarised too
        org.assertj.swing.fixture.JTableFixture perSeries = window.table("overlayStatistics");
        assertThat(perSeries.rowCount()).isEqualTo(2);
        assertThat(perSeries.valueAt(org.assertj.swing.data.TableCell.row(1).column(0))).isEqualTo("fc2.bias");
        assertThat(perSeries.valueAt(org.assertj.swing.data.TableCell.row(1).column(1))).isEqualTo("10");
    }

    @Test
    void theHistogramToggleCountsEveryValueAndScatterComesBack() {
        start(Optional.of(DemoModels.path(BEFORE)));
        awaitChartOf("fc1.bias");

        press(window.toggleButton("histogramToggle"));

        assertThat(chartTitle()).isEqualTo("Histogram of fc1.bias");
        IntervalXYDataset bins = (IntervalXYDataset) onEdt(() -> chart().getXYPlot().getDataset());
        float[] counts = values(bins, 0);
        assertThat(counts.length).isBetween(HistogramChartFactory.MIN_BINS, HistogramChartFactory.MAX_BINS);
        double total = 0;
        for (float c : counts) {
            total += c;
        }
        assertThat(total).isEqualTo(20.0);
        // The bin count the user picks: round bins, as many as asked for within rounding, still every value.
        window.comboBox("histogramBins").requireVisible().selectItem("50 bins");
        awaitTrue("50 bins", () -> frame.session().options().bins() == 50
                && values((XYDataset) chart().getXYPlot().getDataset(), 0).length > counts.length);
        float[] finer = values((XYDataset) onEdt(() -> chart().getXYPlot().getDataset()), 0);
        assertThat(finer.length).isBetween(30, 85);
        double finerTotal = 0;
        for (float c : finer) {
            finerTotal += c;
        }
        assertThat(finerTotal).isEqualTo(20.0);
        // The toggle stays on while another layer is picked.
        tree().clickPath("SimpleNet/fc2");
        awaitChartOf("fc2.bias");
        assertThat(chartTitle()).isEqualTo("Histogram of fc2.bias");

        press(window.toggleButton("scatterToggle"));
        assertThat(chartTitle()).isEqualTo("fc2.bias");
        assertThat(onEdt(() -> robot.finder().findByName(frame, "histogramBins", javax.swing.JComboBox.class, false)
                .isShowing())).as("the bin count belongs to the histogram").isFalse();
        assertThat(chartValues()).containsExactly(DemoModels.values(BEFORE, "fc2.bias"));
    }

    @Test
    void compareWithShowsBothFilesAndTheChangeOfFc1() {
        start(Optional.of(DemoModels.path(BEFORE)));
        awaitChartOf("fc1.bias");

        window.menuItemWithPath("File", "Compare With\u2026").click();
        choose(DemoModels.path(AFTER));
        awaitComparison();

        JFreeChart chart = chart();
        assertThat(chartTitle()).isEqualTo("fc1.bias");
        assertThat(onEdt(() -> dev.biasinspector.chart.BiasChartFactory.subtitle(chart,
                dev.biasinspector.chart.BiasChartFactory.SOURCE_ID).getText()))
                .isEqualTo(BEFORE + " \u2192 " + AFTER);
        XYDataset both = onEdt(() -> ComparisonChartFactory.valuesPlot(chart).getDataset());
        assertThat(onEdt(() -> both.getSeriesKey(0))).isEqualTo(BEFORE);
        assertThat(onEdt(() -> both.getSeriesKey(1))).isEqualTo(AFTER);
        float[] before = DemoModels.values(BEFORE, "fc1.bias");
        float[] after = DemoModels.values(AFTER, "fc1.bias");
        assertThat(values(both, 0)).containsExactly(before);
        assertThat(values(both, 1)).containsExactly(after);
        float[] change = values(onEdt(() -> ComparisonChartFactory.changePlot(chart).getDataset()), 0);
        assertThat(change).hasSize(20);
        for (int i = 0; i < change.length; i++) {
            assertThat(change[i]).as("change[" + i + "]").isEqualTo(after[i] - before[i]);
        }
        assertThat(onEdt(frame::getTitle)).startsWith("simple_net.pt \u2194 simple_net_trained.pt");
        assertThat(window.label("statusText").text()).contains("compared with simple_net_trained.pt");

        // As a histogram the comparison keeps its change view: per bin, after's count minus before's.
        press(window.toggleButton("histogramToggle"));
        awaitTrue("the comparison's histogram", () -> chartTitle().equals("Histogram of fc1.bias"));
        JFreeChart histogram = chart();
        IntervalXYDataset counts = (IntervalXYDataset) onEdt(() -> ComparisonChartFactory.valuesPlot(histogram).getDataset());
        IntervalXYDataset countChange = (IntervalXYDataset) onEdt(() -> ComparisonChartFactory.changePlot(histogram).getDataset());
        float[] beforeCounts = values(counts, 0);
        float[] afterCounts = values(counts, 1);
        float[] changeCounts = values(countChange, 0);
        assertThat(changeCounts).hasSameSizeAs(beforeCounts);
        double total = 0;
        for (int k = 0; k < changeCounts.length; k++) {
            assertThat(changeCounts[k]).as("change in bin " + k).isEqualTo(afterCounts[k] - beforeCounts[k]);
            total += beforeCounts[k];
        }
        assertThat(total).isEqualTo(20.0);
    }

    @Test
    void theRankingPutsFc2FirstWithPyTorchsChangesAndARowClickShowsThatLayer() {
        start(Optional.of(DemoModels.path(BEFORE)));
        onEdt(() -> {
            frame.session().compareWith(DemoModels.path(AFTER));
            return null;
        });
        awaitComparison();

        JTableFixture table = window.table("changeTable");
        assertThat(table.valueAt(TableCell.row(0).column(0))).isEqualTo("fc2.bias");
        assertThat(table.valueAt(TableCell.row(1).column(0))).isEqualTo("fc1.bias");
        for (int row = 0; row < 2; row++) {
            String name = table.valueAt(TableCell.row(row).column(0));
            JsonObject want = DemoModels.diff(BEFORE, AFTER, name);
            int r = row;
            double maxAbs = onEdt(() -> (Double) ((JTable) table.target()).getModel().getValueAt(r, ChangeTableModel.MAX_ABS));
            double l2 = onEdt(() -> (Double) ((JTable) table.target()).getModel().getValueAt(r, ChangeTableModel.L2));
            double expectedMax = want.get("maxAbsChange").getAsDouble();
            double expectedL2 = want.get("l2Change").getAsDouble();
            assertThat(maxAbs).as(name + " max |change|").isCloseTo(expectedMax, within(expectedMax * 1e-6));
            assertThat(l2).as(name + " L2 change").isCloseTo(expectedL2, within(expectedL2 * 1e-6));
            double relative = onEdt(() -> (Double) ((JTable) table.target()).getModel().getValueAt(r, ChangeTableModel.RELATIVE));
            assertThat(relative).isCloseTo(expectedL2 / want.get("l2Before").getAsDouble(), within(1e-6));
        }
        assertThat(window.label("unmatchedBiases").text()).contains("Every bias is in both files");

        table.cell(TableCell.row(0).column(0)).click();

        awaitChartOf("fc2.bias");
        assertThat(onEdt(() -> frame.treePanel().selectedBias().orElseThrow().name())).isEqualTo("fc2.bias");
        assertThat(chartTitle()).isEqualTo("fc2.bias");
        assertThat(values(onEdt(() -> ComparisonChartFactory.valuesPlot(chart()).getDataset()), 1))
                .containsExactly(DemoModels.values(AFTER, "fc2.bias"));
    }

    @Test
    void biasesInOnlyOneFileAreListedNotAnError() {
        start(Optional.of(DemoModels.path(BEFORE)));
        awaitChartOf("fc1.bias");
        onEdt(() -> {
            frame.session().compareWith(Fixtures.path("nested_scripted.pt"));
            return null;
        });
        awaitComparison();

        assertThat(window.label("unmatchedBiases").text())
                .contains("Only in simple_net.pt: fc1.bias, fc2.bias")
                .contains("Only in nested_scripted.pt: enc.0.bias");
        assertThat(window.table("changeTable").rowCount()).isZero();
        // fc1 has nothing to compare with: its own scatter, and a sentence saying why.
        awaitChartOf("fc1.bias");
        assertThat(chartValues()).containsExactly(DemoModels.values(BEFORE, "fc1.bias"));
        assertThat(window.label("chartNotice").text()).isEqualTo("fc1.bias is only in simple_net.pt.");
    }

    @Test
    void closeComparisonGoesBackToTheModelAlone() {
        start(Optional.of(DemoModels.path(BEFORE)));
        onEdt(() -> {
            frame.session().compareWith(DemoModels.path(AFTER));
            return null;
        });
        awaitComparison();

        press(window.button("stopComparing"));
        awaitIdle();

        assertThat(onEdt(() -> frame.session().comparison().isPresent())).isFalse();
        assertThat(onEdt(() -> robot.finder().findAll(frame, new org.assertj.swing.core.NameMatcher("comparisonPanel", true))))
                .isEmpty();
        awaitChartOf("fc1.bias");
        assertThat(chartTitle()).isEqualTo("fc1.bias");
        assertThat(onEdt(frame::getTitle)).isEqualTo(BEFORE + " \u2014 Bias Inspector");
    }

    @Test
    void reloadKeepsTheComparisonAndTheLayer() {
        start(Optional.of(DemoModels.path(BEFORE)));
        onEdt(() -> {
            frame.session().compareWith(DemoModels.path(AFTER));
            return null;
        });
        awaitComparison();
        tree().clickPath("SimpleNet/fc2");
        awaitChartOf("fc2.bias");

        window.pressAndReleaseKeys(KeyEvent.VK_F5);
        awaitTrue("the comparison again", () -> frame.session().isIdle() && frame.session().comparison().isPresent()
                && frame.chartView().content().map(ChartContent.Compared.class::isInstance).orElse(false));

        assertThat(chartTitle()).isEqualTo("fc2.bias");
        assertThat(window.table("changeTable").rowCount()).isEqualTo(2);
    }

    @Test
    void switchingToTheDarkThemeWhileComparingRecoloursBothParts() {
        start(Optional.of(DemoModels.path(BEFORE)));
        window.menuItemWithPath("View", "Dark Theme").click();
        onEdt(() -> {
            frame.session().compareWith(DemoModels.path(AFTER));
            return null;
        });
        awaitComparison();

        // The ranking was off screen during the switch and still follows the dark look.
        assertThat(onEdt(() -> window.table("changeTable").target().getBackground().getRed()))
                .isLessThan(100);
        assertThat(onEdt(() -> ComparisonChartFactory.changePlot(chart()).getBackgroundPaint()))
                .isEqualTo(onEdt(() -> Themes.chartTheme().plotBackground()));
    }

    @Test
    void theExampleComparisonIsTwoClicksAway() {
        start(Optional.of(DemoModels.path("checkpoints/epoch_1.pt")));

        window.menuItemWithPath("File", "Open Example", "SimpleNet Before and After Training").click();
        awaitComparison();

        awaitChartOf("fc1.bias");
        assertThat(chartTitle()).isEqualTo("fc1.bias");
        XYDataset both = onEdt(() -> ComparisonChartFactory.valuesPlot(chart()).getDataset());
        assertThat(values(both, 0)).containsExactly(DemoModels.values(BEFORE, "fc1.bias"));
        assertThat(values(both, 1)).containsExactly(DemoModels.values(AFTER, "fc1.bias"));
    }

    @Test
    void aFileThatCannotBeReadLeavesTheModelAloneAndSaysWhy() throws IOException {
        start(Optional.of(DemoModels.path(BEFORE)));
        awaitChartOf("fc1.bias");
        Path junk = Files.writeString(folder.resolve("notes.pt"), "not a model");

        window.menuItemWithPath("File", "Compare With\u2026").click();
        choose(junk);

        JOptionPaneFixture dialog = window.optionPane(LOAD_TIMEOUT);
        assertThat(onEdt(() -> dialog.target().getParent() != null)).isTrue();
        dialog.requireTitle("Cannot Compare");
        clickAndAwaitClosed(dialog.okButton());
        assertThat(onEdt(() -> frame.session().comparison().isPresent())).isFalse();
        assertThat(chartTitle()).isEqualTo("fc1.bias");
        assertThat(chartValues()).containsExactly(DemoModels.values(BEFORE, "fc1.bias"));
    }

    private void awaitComparison() {
        awaitTrue("the comparison", () -> frame.session().isIdle() && frame.session().comparison().isPresent()
                && frame.chartView().content().isPresent());
    }
}
