package dev.biasinspector.chart;

import org.jfree.chart.JFreeChart;
import org.jfree.data.xy.IntervalXYDataset;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.ClusteredXYBarRenderer;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.data.statistics.HistogramDataset;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class HistogramChartFactoryTest {

    @Test
    void freedmanDiaconisOnUniformValues() {
        // 1000 values spread evenly over [0, 1): IQR 0.5, width 2 * 0.5 / 10 = 0.1, so 10 bins.
        float[] values = new float[1000];
        for (int i = 0; i < values.length; i++) {
            values[i] = i / 1000f;
        }
        assertThat(HistogramChartFactory.binCount(values)).isEqualTo(10);
    }

    @Test
    void binCountIsClampedToFiveAndSixty() {
        assertThat(HistogramChartFactory.binCount(new float[] {1f, 2f, 3f})).isEqualTo(5);
        assertThat(HistogramChartFactory.binCount(new float[0])).isEqualTo(5);
        // Normal values with a few far outliers: the rule asks for hundreds of bins.
        Random random = new Random(7);
        float[] heavy = new float[10_000];
        for (int i = 0; i < heavy.length; i++) {
            heavy[i] = (float) random.nextGaussian();
        }
        heavy[0] = 1000f;
        assertThat(HistogramChartFactory.binCount(heavy)).isEqualTo(60);
    }

    @Test
    void constantQuartilesFallBackToSturges() {
        float[] mostlyZero = new float[64];
        mostlyZero[63] = 1f;
        // IQR 0: Sturges gives log2(64) + 1 = 7.
        assertThat(HistogramChartFactory.binCount(mostlyZero)).isEqualTo(7);
    }

    @Test
    void everyFiniteValueIsCountedOnceAndSeriesShareTheBins() {
        float[] a = {-1f, -0.5f, 0f, 0.25f, 1f, Float.NaN};
        float[] b = {0.5f, 2f, Float.POSITIVE_INFINITY};
        HistogramDataset dataset = HistogramChartFactory.dataset(List.of(new ChartSeries("a", a), new ChartSeries("b", b)));

        assertThat(dataset.getSeriesCount()).isEqualTo(2);
        assertThat(total(dataset, 0)).isEqualTo(5);
        assertThat(total(dataset, 1)).isEqualTo(2);
        assertThat(dataset.getItemCount(0)).isEqualTo(dataset.getItemCount(1));
        // Round edges: the values span [-1, 2] and the bins start and end on a multiple of their width.
        double width = dataset.getEndXValue(0, 0) - dataset.getStartXValue(0, 0);
        assertThat(width).isIn(0.5, 0.2, 0.1);
        assertThat(dataset.getStartXValue(0, 0)).isCloseTo(-1.0, within(1e-12));
        assertThat(dataset.getEndXValue(1, dataset.getItemCount(1) - 1)).isCloseTo(2.0, within(1e-12));
        for (int i = 0; i < dataset.getItemCount(0); i++) {
            assertThat(dataset.getStartXValue(0, i)).isEqualTo(dataset.getStartXValue(1, i));
            double edge = dataset.getStartXValue(0, i) / width;
            assertThat(edge).isCloseTo(Math.rint(edge), within(1e-9));
        }
    }

    @Test
    void anAllZeroBiasIsOneBarAroundZero() {
        HistogramDataset dataset = HistogramChartFactory.dataset(List.of(new ChartSeries("zeros", new float[8])));

        assertThat(total(dataset, 0)).isEqualTo(8);
        // The same window as the scatter's, [-1, 1]: one full bar starting at 0, empty bins either side.
        assertThat(dataset.getStartXValue(0, 0)).isEqualTo(-1.0);
        assertThat(dataset.getEndXValue(0, dataset.getItemCount(0) - 1)).isEqualTo(1.0);
        int full = 0;
        for (int i = 0; i < dataset.getItemCount(0); i++) {
            if (dataset.getYValue(0, i) > 0) {
                full++;
                assertThat(dataset.getYValue(0, i)).isEqualTo(8.0);
                assertThat(dataset.getStartXValue(0, i)).isEqualTo(0.0);
            }
        }
        assertThat(full).isEqualTo(1);
    }

    @Test
    void chartHasValueAndCountAxesAndOverlaysSeveralSeriesSeeThrough() {
        JFreeChart one = HistogramChartFactory.create("Histogram of fc1",
                List.of(new ChartSeries("fc1", new float[] {1, 2, 3})), ChartTheme.light());
        assertThat(one.getTitle().getText()).isEqualTo("Histogram of fc1");
        assertThat(one.getXYPlot().getDomainAxis().getLabel()).isEqualTo("Value");
        assertThat(one.getXYPlot().getRangeAxis().getLabel()).isEqualTo("Count");
        assertThat(one.getLegend()).isNull();

        JFreeChart two = HistogramChartFactory.create("Histogram of fc1", List.of(
                new ChartSeries("before", new float[] {1, 2}), new ChartSeries("after", new float[] {2, 3})),
                ChartTheme.dark());
        assertThat(two.getLegend()).isNotNull();
        XYBarRenderer bars = (XYBarRenderer) two.getXYPlot().getRenderer();
        assertThat(bars).isNotInstanceOf(ClusteredXYBarRenderer.class);
        assertThat(bars.getSeriesPaint(0)).isNotEqualTo(bars.getSeriesPaint(1));
        assertThat(((java.awt.Color) bars.getSeriesPaint(0)).getAlpha()).isLessThan(200);
        assertThat(((java.awt.Color) bars.getSeriesOutlinePaint(0)).getAlpha()).isEqualTo(255);
    }

    @Test
    void toolTipNamesTheBinAndItsCount() {
        HistogramDataset dataset = HistogramChartFactory.dataset(List.of(new ChartSeries("fc1", new float[] {0f, 0f, 1f})));
        assertThat(HistogramChartFactory.toolTip(dataset, 0, 0)).isEqualTo("2 values in [0.000000, 0.200000)");
    }

    @Test
    void aComparisonKeepsItsChangeViewAsTheChangeInCountPerBin() {
        // before: three values near 0; after: two of them moved to near 1, one value went NaN
        ChartSeries before = new ChartSeries("a.pt", new float[] {0.01f, 0.02f, 0.03f, 1.01f});
        ChartSeries after = new ChartSeries("b.pt", new float[] {0.01f, 1.02f, 1.03f, Float.NaN});
        JFreeChart chart = HistogramChartFactory.createComparison("Histogram of fc1", before, after,
                ChartTheme.light(), 2);

        XYPlot histograms = ComparisonChartFactory.valuesPlot(chart);
        XYPlot change = ComparisonChartFactory.changePlot(chart);
        HistogramDataset counts = (HistogramDataset) histograms.getDataset();
        IntervalXYDataset delta = (IntervalXYDataset) change.getDataset();
        // the same bins for both files and for the change
        assertThat(counts.getItemCount(0)).isEqualTo(counts.getItemCount(1)).isEqualTo(delta.getItemCount(0));
        int low = 0;
        int high = counts.getItemCount(0) - 1;
        assertThat(counts.getYValue(0, low)).isEqualTo(3.0);
        assertThat(counts.getYValue(1, low)).isEqualTo(1.0);
        assertThat(delta.getYValue(0, low)).isEqualTo(-2.0);
        assertThat(delta.getYValue(0, high)).isEqualTo(counts.getYValue(1, high) - counts.getYValue(0, high))
                .isEqualTo(1.0);
        for (int k = 0; k < delta.getItemCount(0); k++) {
            assertThat(delta.getStartXValue(0, k)).isEqualTo(counts.getStartXValue(0, k));
            assertThat(delta.getEndXValue(0, k)).isEqualTo(counts.getEndXValue(0, k));
        }
        // bars coloured by sign, the values axis shared, the change labelled
        assertThat(change.getRenderer().getItemPaint(0, low)).isNotEqualTo(change.getRenderer().getItemPaint(0, high));
        assertThat(change.getRangeAxis().getLabel()).isEqualTo(HistogramChartFactory.COUNT_CHANGE_LABEL);
        assertThat(chart.getXYPlot().getDomainAxis().getLabel()).isEqualTo(HistogramChartFactory.X_LABEL);
        assertThat(HistogramChartFactory.countChangeToolTip(delta, low)).startsWith("2 fewer values in [");
        assertThat(HistogramChartFactory.countChangeToolTip(delta, high)).startsWith("1 more value in [");
    }

    private static int total(HistogramDataset dataset, int series) {
        int sum = 0;
        for (int i = 0; i < dataset.getItemCount(series); i++) {
            sum += (int) dataset.getYValue(series, i);
        }
        return sum;
    }
}
