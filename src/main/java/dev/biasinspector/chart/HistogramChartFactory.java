package dev.biasinspector.chart;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.ClusteredXYBarRenderer;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.statistics.HistogramDataset;
import org.jfree.data.xy.IntervalXYDataset;

import java.awt.BasicStroke;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Histogram of bias values: how many values fall in each bin. Several series share the bins and
 * are drawn side by side in each bin (before/after training, say). The bin count follows
 * the Freedman–Diaconis rule, clamped to [{@value #MIN_BINS}, {@value #MAX_BINS}].
 */
public final class HistogramChartFactory {

    public static final String X_LABEL = "Value";
    public static final String Y_LABEL = "Count";
    public static final int MIN_BINS = 5;
    public static final int MAX_BINS = 60;

    private HistogramChartFactory() {
    }

    /**
     * @throws IllegalArgumentException if {@code series} is empty
     */
    public static JFreeChart create(String title, List<ChartSeries> series, ChartTheme theme) {
        if (series.isEmpty()) {
            throw new IllegalArgumentException("no bias to chart");
        }
        HistogramDataset dataset = dataset(series);
        NumberAxis valueAxis = new NumberAxis(X_LABEL);
        valueAxis.setAutoRangeIncludesZero(false);
        NumberAxis countAxis = new NumberAxis(Y_LABEL);
        countAxis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());

        // Several series side by side within each bin: drawn over each other, even see-through,
        // their colours mix into a third that belongs to neither.
        XYBarRenderer renderer = series.size() > 1 ? new ClusteredXYBarRenderer(0.08, false) : new XYBarRenderer(0.04);
        renderer.setDefaultToolTipGenerator((data, s, item) -> toolTip((IntervalXYDataset) data, s, item));
        XYPlot plot = new XYPlot(dataset, valueAxis, countAxis, renderer);
        plot.setOrientation(PlotOrientation.VERTICAL);
        ValueMarker zero = new ValueMarker(0.0);
        zero.setStroke(new BasicStroke(1.2f));
        plot.addDomainMarker(zero, Layer.BACKGROUND);

        boolean legend = series.size() > 1;
        JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, legend);
        chart.setPadding(new RectangleInsets(6, 6, 6, 14));
        if (legend) {
            chart.getLegend().setPosition(RectangleEdge.BOTTOM);
        }
        theme.applyTo(chart);
        return chart;
    }

    /**
     * One histogram series per chart series, all over the same bins spanning every finite value.
     * NaN and infinities are left out (the statistics under the chart count them).
     */
    public static HistogramDataset dataset(List<ChartSeries> series) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        int total = 0;
        float[] pooled = new float[series.stream().mapToInt(ChartSeries::size).sum()];
        for (ChartSeries one : series) {
            for (float v : one.values()) {
                if (Float.isFinite(v)) {
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                    pooled[total++] = v;
                }
            }
        }
        if (total == 0) {
            min = -0.5;
            max = 0.5;
        } else if (min == max) {
            // All values equal (a bias initialised to zero): one bar in the middle, not a zero-width range.
            double half = Math.max(Math.abs(min) * 0.05, 0.5);
            min -= half;
            max += half;
        }
        int bins = binCount(Arrays.copyOf(pooled, total));
        HistogramDataset dataset = new HistogramDataset();
        Set<String> keys = new HashSet<>();
        for (ChartSeries one : series) {
            String key = one.label();
            for (int n = 2; !keys.add(key); n++) {
                key = one.label() + " #" + n;
            }
            dataset.addSeries(key, finite(one.values()), bins, min, max);
        }
        return dataset;
    }

    /**
     * Freedman–Diaconis: bin width 2·IQR·n^(−1/3) over the range of the values; Sturges
     * (log2 n + 1) when the interquartile range is zero. Clamped to [MIN_BINS, MAX_BINS].
     */
    public static int binCount(float[] values) {
        int n = values.length;
        if (n < 2) {
            return MIN_BINS;
        }
        double[] sorted = new double[n];
        for (int i = 0; i < n; i++) {
            sorted[i] = values[i];
        }
        Arrays.sort(sorted);
        double range = sorted[n - 1] - sorted[0];
        double iqr = quantile(sorted, 0.75) - quantile(sorted, 0.25);
        double bins;
        if (range == 0) {
            bins = MIN_BINS;
        } else if (iqr > 0) {
            bins = Math.ceil(range / (2 * iqr / Math.cbrt(n)));
        } else {
            bins = Math.ceil(Math.log(n) / Math.log(2)) + 1;
        }
        return (int) Math.max(MIN_BINS, Math.min(MAX_BINS, bins));
    }

    /** Linear interpolation between closest ranks (numpy's default). */
    private static double quantile(double[] sorted, double q) {
        double position = q * (sorted.length - 1);
        int below = (int) Math.floor(position);
        int above = Math.min(sorted.length - 1, below + 1);
        return sorted[below] + (sorted[above] - sorted[below]) * (position - below);
    }

    private static double[] finite(float[] values) {
        return java.util.stream.IntStream.range(0, values.length).filter(i -> Float.isFinite(values[i]))
                .mapToDouble(i -> values[i]).toArray();
    }

    /** "fc1: 4 values in [-0.100000, 0.050000)". */
    static String toolTip(IntervalXYDataset dataset, int series, int item) {
        int count = (int) Math.round(dataset.getYValue(series, item));
        String text = String.format(Locale.ROOT, "%d value%s in [%s, %s)", count, count == 1 ? "" : "s",
                BiasChartFactory.formatValue(dataset.getStartXValue(series, item)),
                BiasChartFactory.formatValue(dataset.getEndXValue(series, item)));
        return dataset.getSeriesCount() > 1 ? dataset.getSeriesKey(series) + ": " + text : text;
    }
}
