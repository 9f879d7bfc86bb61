package dev.biasinspector.chart;

import dev.biasinspector.model.BiasVector;
import dev.biasinspector.model.DType;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.Layer;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BiasChartFactoryTest {

    private static final float[] FC1 = {0.1234567f, -0.5f, 0f, 3.25e-7f, -1.5e-3f};

    static BiasVector vector(String name, String module, float... values) {
        return new BiasVector(name, module, "Linear", new long[] {values.length}, DType.FLOAT32, values);
    }

    @Test
    void datasetHoldsExactlyTheVectorsValuesAtTheirIndices() {
        JFreeChart chart = BiasChartFactory.create(vector("fc1.bias", "fc1", FC1), ChartTheme.light());

        XYDataset dataset = chart.getXYPlot().getDataset();
        assertThat(dataset.getSeriesCount()).isEqualTo(1);
        assertThat(dataset.getItemCount(0)).isEqualTo(FC1.length);
        for (int i = 0; i < FC1.length; i++) {
            assertThat(dataset.getXValue(0, i)).isEqualTo(i);
            // float -> double is exact, so the plotted number is the stored float itself.
            assertThat((float) dataset.getYValue(0, i)).isEqualTo(FC1[i]);
            assertThat(dataset.getYValue(0, i)).isEqualTo((double) FC1[i]);
        }
    }

    @Test
    void titleAndAxisLabelsNameTheModule() {
        JFreeChart chart = BiasChartFactory.create(vector("fc1.bias", "fc1", FC1), ChartTheme.light());

        assertThat(chart.getTitle().getText()).isEqualTo("fc1.bias");
        XYPlot plot = chart.getXYPlot();
        assertThat(plot.getDomainAxis().getLabel()).isEqualTo("Index");
        assertThat(plot.getRangeAxis().getLabel()).isEqualTo("Value");
        assertThat(chart.getLegend()).isNull();
    }

    @Test
    void biasThatIsNotTheModulesPlainBiasIsNamedInFull() {
        assertThat(BiasChartFactory.label(vector("lstm.bias_ih_l0", "lstm", 1f))).isEqualTo("lstm.bias_ih_l0");
        assertThat(BiasChartFactory.label(vector("bias", "", 1f))).isEqualTo("bias");
        assertThat(BiasChartFactory.label(vector("enc.2.0.bias", "enc.2.0", 1f))).isEqualTo("enc.2.0");
    }

    @Test
    void severalVectorsGiveOneSeriesEachAndALegend() {
        JFreeChart chart = BiasChartFactory.create(
                List.of(vector("fc1.bias", "fc1", FC1), vector("fc2.bias", "fc2", 1f, 2f)), ChartTheme.dark());

        assertThat(chart.getTitle().getText()).isEqualTo("fc1.bias, fc2.bias");
        assertThat(chart.getLegend()).isNotNull();
        XYDataset dataset = chart.getXYPlot().getDataset();
        assertThat(dataset.getSeriesCount()).isEqualTo(2);
        assertThat(dataset.getSeriesKey(1)).isEqualTo("fc2.bias");
        assertThat(dataset.getItemCount(1)).isEqualTo(2);
        assertThat(dataset.getYValue(1, 1)).isEqualTo(2.0);
    }

    @Test
    void labelledSeriesGetTheGivenTitleLegendAndDistinctColoursAndShapes() {
        float[] before = {0.25f, -0.5f, 0.125f};
        float[] after = {0.5f, -0.25f, 0.0f};
        JFreeChart chart = BiasChartFactory.create("Bias of fc1", List.of(
                new ChartSeries("simple_net.pt", before), new ChartSeries("simple_net_trained.pt", after)),
                ChartTheme.light());

        assertThat(chart.getTitle().getText()).isEqualTo("Bias of fc1");
        assertThat(chart.getLegend()).isNotNull();
        XYPlot plot = chart.getXYPlot();
        XYDataset dataset = plot.getDataset();
        assertThat(dataset.getSeriesCount()).isEqualTo(2);
        assertThat(dataset.getSeriesKey(0)).isEqualTo("simple_net.pt");
        assertThat(dataset.getSeriesKey(1)).isEqualTo("simple_net_trained.pt");
        for (int i = 0; i < before.length; i++) {
            assertThat(dataset.getYValue(0, i)).isEqualTo((double) before[i]);
            assertThat(dataset.getYValue(1, i)).isEqualTo((double) after[i]);
        }
        assertThat(plot.getRenderer().getSeriesPaint(0)).isNotEqualTo(plot.getRenderer().getSeriesPaint(1));
        assertThat(plot.getRenderer().getSeriesShape(0).getClass())
                .isNotEqualTo(plot.getRenderer().getSeriesShape(1).getClass());
        assertThat(plot.getDomainAxis().getLabel()).isEqualTo("Index");
    }

    @Test
    void oneLabelledSeriesHasNoLegend() {
        JFreeChart chart = BiasChartFactory.create("Change", List.of(new ChartSeries("delta", FC1)), ChartTheme.dark());

        assertThat(chart.getLegend()).isNull();
        assertThat(chart.getTitle().getText()).isEqualTo("Change");
    }

    @Test
    void aSeriesKeepsItsOwnCopyOfTheValues() {
        float[] values = {1f, 2f};
        ChartSeries series = new ChartSeries("a", values);
        values[0] = 99f;
        series.values()[1] = 99f;

        assertThat(series.values()).containsExactly(1f, 2f);
    }

    @Test
    void longListsAreShortenedInTheTitle() {
        List<BiasVector> four = List.of(vector("a.bias", "a", 1f), vector("b.bias", "b", 1f),
                vector("c.bias", "c", 1f), vector("d.bias", "d", 1f));
        assertThat(BiasChartFactory.title(four)).isEqualTo("a.bias, b.bias, c.bias and 1 more");
    }

    @Test
    void theSameBiasTwiceStillGivesTwoSeries() {
        JFreeChart chart = BiasChartFactory.create(
                List.of(vector("fc1.bias", "fc1", FC1), vector("fc1.bias", "fc1", FC1)), ChartTheme.light());
        assertThat(chart.getXYPlot().getDataset().getSeriesCount()).isEqualTo(2);
    }

    @Test
    void nonFiniteValuesAreGapsSoTheAxisStaysFinite() {
        JFreeChart chart = BiasChartFactory.create(
                vector("fc1.bias", "fc1", 1f, Float.NaN, Float.POSITIVE_INFINITY, -2f), ChartTheme.light());

        XYDataset dataset = chart.getXYPlot().getDataset();
        assertThat(dataset.getItemCount(0)).isEqualTo(4);
        assertThat(dataset.getYValue(0, 1)).isNaN();
        assertThat(dataset.getYValue(0, 2)).isNaN();
        assertThat(dataset.getYValue(0, 3)).isEqualTo(-2.0);
        assertThat(chart.getXYPlot().getRangeAxis().getRange().getUpperBound()).isFinite();
    }

    @Test
    void toolTipShowsIndexAndValue() {
        JFreeChart chart = BiasChartFactory.create(vector("fc1.bias", "fc1", FC1), ChartTheme.light());
        XYDataset dataset = chart.getXYPlot().getDataset();

        assertThat(BiasChartFactory.toolTip(dataset, 0, 0)).isEqualTo("index 0: 0.123457");
        assertThat(BiasChartFactory.toolTip(dataset, 0, 3)).isEqualTo("index 3: 3.250000e-07");
        assertThat(chart.getXYPlot().getRenderer().getToolTipGenerator(0, 4).generateToolTip(dataset, 0, 4))
                .isEqualTo("index 4: -0.001500");
    }

    @Test
    void zeroLineAndThemeColoursAreApplied() {
        ChartTheme theme = ChartTheme.dark();
        JFreeChart chart = BiasChartFactory.create(vector("fc1.bias", "fc1", FC1), theme);
        XYPlot plot = chart.getXYPlot();

        assertThat(plot.getRangeMarkers(Layer.BACKGROUND)).singleElement()
                .satisfies(m -> {
                    assertThat(((ValueMarker) m).getValue()).isZero();
                    assertThat(((ValueMarker) m).getPaint()).isEqualTo(theme.zeroLine());
                });
        assertThat(chart.getBackgroundPaint()).isEqualTo(theme.background());
        assertThat(plot.getBackgroundPaint()).isEqualTo(theme.plotBackground());
        assertThat(plot.getRenderer().getSeriesPaint(0)).isEqualTo(theme.seriesColor(0));
        assertThat(chart.getTitle().getPaint()).isEqualTo(theme.text());
        assertThat(chart.getAntiAlias()).isTrue();
    }

    @Test
    void anExportCopyKeepsTheZoomOfTheChartOnScreen() {
        BiasVector fc1 = vector("fc1.bias", "fc1", FC1);
        JFreeChart shown = BiasChartFactory.create(fc1, ChartTheme.light());
        shown.getXYPlot().getDomainAxis().setRange(1.0, 3.0);

        // What the window's export does: a fresh chart of the same content, the zoom copied over.
        JFreeChart copy = BiasChartFactory.create(List.of(fc1), ChartTheme.dark());
        ChartZoom.copy(shown, copy);

        assertThat(copy).isNotSameAs(shown);
        assertThat(copy.getXYPlot().getDomainAxis().getRange()).isEqualTo(shown.getXYPlot().getDomainAxis().getRange());
        assertThat(copy.getXYPlot().getRangeAxis().isAutoRange()).isTrue();
        assertThat(copy.getXYPlot().getDataset()).isNotSameAs(shown.getXYPlot().getDataset());
        assertThat(copy.getBackgroundPaint()).isEqualTo(ChartTheme.dark().background());
    }

    @Test
    void anEmptyListIsRejected() {
        assertThatThrownBy(() -> BiasChartFactory.create(List.of(), ChartTheme.light()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BiasChartFactory.create("t", List.<ChartSeries>of(), ChartTheme.light()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aZoomedValueRangeLeavesOutNanAndInfinities() {
        BiasDataset data = new BiasDataset(List.of(new ChartSeries("b",
                new float[] {9f, Float.NEGATIVE_INFINITY, 0.5f, Float.NaN, -0.25f, Float.POSITIVE_INFINITY, -9f})), 0.6);
        // indexes 1..5: the finite values there are 0.5 and -0.25
        org.jfree.data.Range zoomed = data.getRangeBounds(List.of("b"), new org.jfree.data.Range(0.5, 5.5), false);
        assertThat(zoomed.getLowerBound()).isEqualTo(-0.25);
        assertThat(zoomed.getUpperBound()).isEqualTo(0.5);
        // the whole vector: its finite extremes
        org.jfree.data.Range all = data.getRangeBounds(List.of("b"), new org.jfree.data.Range(-1, 7), false);
        assertThat(all.getLowerBound()).isEqualTo(-9.0);
        assertThat(all.getUpperBound()).isEqualTo(9.0);
    }
}
