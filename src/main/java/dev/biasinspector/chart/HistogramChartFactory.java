package dev.biasinspector.chart;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.statistics.HistogramDataset;
import org.jfree.data.xy.IntervalXYDataset;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Histogram of bias values: how many values fall in each bin. Bins have a round width (1, 2 or 5
 * times a power of ten) and start on a multiple of it, so bar edges meet the value axis's ticks.
 * Several series share the same bins (before and after training are binned alike) and are drawn
 * over each other, see-through and outlined, so each keeps its own shape. Unless a bin count is
 * asked for, it follows the Freedman–Diaconis rule, clamped to [{@value #MIN_BINS}, {@value #MAX_BINS}].
 */
public final class HistogramChartFactory {

    public static final String X_LABEL = "Value";
    public static final String Y_LABEL = "Count";
    public static final int MIN_BINS = 5;
    public static final int MAX_BINS = 60;
    /** Largest bin count a user may ask for. */
    public static final int MAX_REQUESTED_BINS = 500;
    /** Ask for the bin count of {@link #binCount}. */
    public static final int AUTOMATIC = 0;

    private HistogramChartFactory() {
    }

    /**
     * @throws IllegalArgumentException if {@code series} is empty
     */
    public static JFreeChart create(String title, List<ChartSeries> series, ChartTheme theme) {
        return create(title, series, theme, AUTOMATIC);
    }

    /**
     * @param bins about how many bins ({@link #AUTOMATIC} for the Freedman–Diaconis rule); the
     *             result has at most this many, of a round width
     * @throws IllegalArgumentException if {@code series} is empty or {@code bins} is negative or
     *                                  above {@value #MAX_REQUESTED_BINS}
     */
    public static JFreeChart create(String title, List<ChartSeries> series, ChartTheme theme, int bins) {
        if (series.isEmpty()) {
            throw new IllegalArgumentException("no bias to chart");
        }
        Bins edges = bins(series, bins);
        XYPlot plot = histogramPlot(dataset(series, edges), edges);

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
     * A comparison as histograms, keeping its change view: above, both versions overlaid over the
     * same bins; below, on the same value axis, how many more (or fewer) values each bin holds in
     * {@code after} than in {@code before}, as bars coloured by sign. Training that moves values
     * from one range to another shows as a red bar where they left and a green one where they went.
     *
     * @throws IllegalArgumentException if {@code bins} is out of range
     */
    public static JFreeChart createComparison(String title, ChartSeries before, ChartSeries after, ChartTheme theme,
                                              int bins) {
        List<ChartSeries> both = List.of(before, after);
        Bins edges = bins(both, bins);
        HistogramDataset counts = dataset(both, edges);
        XYPlot histograms = histogramPlot(counts, edges);
        NumberAxis valueAxis = (NumberAxis) histograms.getDomainAxis();

        XYIntervalSeries change = new XYIntervalSeries(COUNT_CHANGE_LABEL);
        for (int k = 0; k < counts.getItemCount(0); k++) {
            double delta = counts.getYValue(1, k) - counts.getYValue(0, k);
            change.add(counts.getXValue(0, k), counts.getStartXValue(0, k), counts.getEndXValue(0, k),
                    delta, delta, delta);
        }
        XYIntervalSeriesCollection changeData = new XYIntervalSeriesCollection();
        changeData.addSeries(change);
        NumberAxis changeAxis = new NumberAxis(COUNT_CHANGE_LABEL);
        changeAxis.setStandardTickUnits(NumberAxis.createIntegerTickUnits(Locale.ROOT));
        changeAxis.setAutoRangeIncludesZero(true);
        XYPlot changes = ComparisonChartFactory.changePlot(changeData, changeAxis,
                (data, series, item) -> countChangeToolTip((IntervalXYDataset) data, item));
        return ComparisonChartFactory.stacked(title, valueAxis, histograms, changes, theme);
    }

    /** Label of a comparison histogram's change view. */
    public static final String COUNT_CHANGE_LABEL = "Change in count";

    private static XYPlot histogramPlot(HistogramDataset dataset, Bins edges) {
        NumberAxis valueAxis = ValueAxes.values(X_LABEL, edges.width());
        valueAxis.setLowerMargin(0.02);
        valueAxis.setUpperMargin(0.02);
        NumberAxis countAxis = new NumberAxis(Y_LABEL);
        countAxis.setStandardTickUnits(NumberAxis.createIntegerTickUnits(Locale.ROOT));

        XYBarRenderer renderer = new XYBarRenderer(0.0);
        renderer.setDefaultToolTipGenerator((data, s, item) -> toolTip((IntervalXYDataset) data, s, item));
        XYPlot plot = new XYPlot(dataset, valueAxis, countAxis, renderer);
        plot.setOrientation(PlotOrientation.VERTICAL);
        plot.addDomainMarker(BiasChartFactory.zeroLine(), Layer.BACKGROUND);
        return plot;
    }

    /**
     * Bins of a round {@code width} from {@code lower}: bin k is [lower + k·width, lower + (k+1)·width).
     */
    public record Bins(BigDecimal width, double lower, int count) {

        public double upper() {
            return lower + count * width.doubleValue();
        }

        public double edge(int k) {
            return lower + k * width.doubleValue();
        }
    }

    /** The bins for these series: one set over every finite value of all of them. */
    public static Bins bins(List<ChartSeries> series, int requested) {
        if (requested < 0 || requested > MAX_REQUESTED_BINS) {
            throw new IllegalArgumentException("bin count must be between 1 and " + MAX_REQUESTED_BINS
                    + " (or automatic), got " + requested);
        }
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
            min = 0;
            max = 0;
        }
        int target = requested == AUTOMATIC ? binCount(Arrays.copyOf(pooled, total)) : requested;
        // A constant vector (a bias initialised to zero) gets a window around its value, as its scatter does.
        org.jfree.data.Range window = ValueAxes.padded(min, max);
        BigDecimal width = roundWidth(window.getLength() / target);
        double w = width.doubleValue();
        double lower = Math.floor(window.getLowerBound() / w) * w;
        // The last bin holds its upper edge too (HistogramDataset), so a maximum on an edge needs no extra bin.
        int count = (int) Math.max(1, Math.ceil((window.getUpperBound() - lower) / w - 1e-9));
        return new Bins(width, lower, count);
    }

    /** The 1-2-5 step nearest {@code exact} on a log scale: the bin count stays within ~1.6x of the one asked for. */
    static BigDecimal roundWidth(double exact) {
        ReadableTickUnits.Step above = ReadableTickUnits.Step.ceiling(exact);
        ReadableTickUnits.Step below = above;
        while (below.size() > exact) {
            below = below.previous();
        }
        return above.size() / exact <= exact / below.size() ? above.decimal() : below.decimal();
    }

    /** One histogram series per chart series over {@link #bins(List, int) automatic bins}. */
    public static HistogramDataset dataset(List<ChartSeries> series) {
        return dataset(series, bins(series, AUTOMATIC));
    }

    /**
     * One histogram series per chart series, all over the same bins. NaN and infinities are left
     * out (the statistics under the chart count them).
     */
    public static HistogramDataset dataset(List<ChartSeries> series, Bins bins) {
        HistogramDataset dataset = new HistogramDataset();
        Set<String> keys = new HashSet<>();
        for (ChartSeries one : series) {
            String key = one.label();
            for (int n = 2; !keys.add(key); n++) {
                key = one.label() + " #" + n;
            }
            dataset.addSeries(key, finite(one.values()), bins.count(), bins.lower(), bins.upper());
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

    /** "3 more values in [-0.100000, 0.050000) after than before". */
    static String countChangeToolTip(IntervalXYDataset dataset, int item) {
        int delta = (int) Math.round(dataset.getYValue(0, item));
        String range = "[" + BiasChartFactory.formatValue(dataset.getStartXValue(0, item)) + ", "
                + BiasChartFactory.formatValue(dataset.getEndXValue(0, item)) + ")";
        if (delta == 0) {
            return "as many values in " + range + " after as before";
        }
        return String.format(Locale.ROOT, "%d %s value%s in %s after than before", Math.abs(delta),
                delta > 0 ? "more" : "fewer", Math.abs(delta) == 1 ? "" : "s", range);
    }
}
