package dev.biasinspector.chart;

import dev.biasinspector.model.BiasVector;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.xy.XYDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import java.awt.BasicStroke;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Builds the scatter chart of one or more bias vectors: index on X, value on Y, a zero line.
 * Needs no window, so the command line and tests draw exactly what the desktop app shows.
 */
public final class BiasChartFactory {

    public static final String X_LABEL = "Index";
    public static final String Y_LABEL = "Value";
    private static final int MAX_NAMES_IN_TITLE = 3;

    private BiasChartFactory() {
    }

    public static JFreeChart create(BiasVector vector, ChartTheme theme) {
        return create(List.of(vector), theme);
    }

    /**
     * A scatter of the given vectors in this theme; several vectors share the axes and get a legend
     * naming each by its {@link #label(BiasVector) label}.
     *
     * @throws IllegalArgumentException if {@code series} is empty
     */
    public static JFreeChart create(List<BiasVector> series, ChartTheme theme) {
        if (series.isEmpty()) {
            throw new IllegalArgumentException("no bias to chart");
        }
        return create(title(series), seriesOf(series), theme);
    }

    /**
     * A scatter of labelled series under an explicit title, e.g. the same bias from two files
     * ({@code "Bias of fc1"}, series {@code simple_net.pt} and {@code simple_net_trained.pt}).
     * Each series gets its own colour and point shape; more than one series gets a legend.
     * Labels that repeat are made unique with " #2", " #3".
     *
     * @throws IllegalArgumentException if {@code series} is empty
     */
    public static JFreeChart create(String title, List<ChartSeries> series, ChartTheme theme) {
        if (series.isEmpty()) {
            throw new IllegalArgumentException("no bias to chart");
        }
        XYPlot plot = scatterPlot(dataset(series), Y_LABEL);
        NumberAxis indexAxis = indexAxis();
        plot.setDomainAxis(indexAxis);

        boolean legend = series.size() > 1;
        JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, legend);
        chart.setPadding(new RectangleInsets(6, 6, 6, 14));
        if (legend) {
            LegendTitle legendTitle = chart.getLegend();
            legendTitle.setPosition(RectangleEdge.BOTTOM);
        }
        theme.applyTo(chart);
        return chart;
    }

    /** The X axis of every index-based chart: whole numbers, not glued to zero. */
    static NumberAxis indexAxis() {
        NumberAxis indexAxis = new NumberAxis(X_LABEL);
        indexAxis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        indexAxis.setAutoRangeIncludesZero(false);
        // Without this the axis stops at exactly 0 and the first point is cut in half by the edge.
        indexAxis.setAutoRangeStickyZero(false);
        return indexAxis;
    }

    /** Points only (no lines), a zero line behind them, tooltips with index and value. */
    static XYPlot scatterPlot(XYDataset dataset, String valueLabel) {
        NumberAxis valueAxis = new NumberAxis(valueLabel);
        valueAxis.setAutoRangeIncludesZero(false);

        XYLineAndShapeRenderer renderer = new DenseScatterRenderer();
        renderer.setDefaultToolTipGenerator(BiasChartFactory::toolTip);

        XYPlot plot = new XYPlot(dataset, null, valueAxis, renderer);
        plot.setOrientation(PlotOrientation.VERTICAL);
        ValueMarker zero = new ValueMarker(0.0);
        zero.setStroke(new BasicStroke(1.2f));
        plot.addRangeMarker(zero, Layer.BACKGROUND);
        return plot;
    }

    /**
     * One series per vector, keyed by its {@link #label(BiasVector) label}; item i is (i, value[i]).
     * NaN and infinite values are stored as NaN (a gap): an infinite value would stretch the value
     * axis to infinity and hide every other point. The statistics under the chart count them.
     */
    public static XYSeriesCollection createDataset(List<BiasVector> vectors) {
        return dataset(seriesOf(vectors));
    }

    /** One XY series per chart series, item i at (i, value[i]); labels made unique; see {@link #createDataset}. */
    public static XYSeriesCollection dataset(List<ChartSeries> series) {
        XYSeriesCollection dataset = new XYSeriesCollection();
        Set<String> keys = new HashSet<>();
        for (ChartSeries one : series) {
            String key = one.label();
            for (int n = 2; !keys.add(key); n++) {
                key = one.label() + " #" + n;
            }
            // autoSort: each add finds its place by binary search. Without it XYSeries checks for a
            // duplicate x by scanning every earlier item, which made a 65,536-value bias take seconds.
            XYSeries xy = new XYSeries(key, true, false);
            float[] values = one.values();
            for (int i = 0; i < values.length; i++) {
                float v = values[i];
                xy.add(i, Float.isFinite(v) ? Double.valueOf(v) : null, false);
            }
            dataset.addSeries(xy);
        }
        return dataset;
    }

    /** Each vector as a series named by its {@link #label(BiasVector) label}. */
    public static List<ChartSeries> seriesOf(List<BiasVector> vectors) {
        List<ChartSeries> series = new ArrayList<>();
        for (BiasVector vector : vectors) {
            series.add(new ChartSeries(label(vector), vector.values()));
        }
        return series;
    }

    /**
     * How a bias is named in titles and legends: its module's path when it is that module's plain
     * {@code bias} ({@code fc1}), else its full parameter name ({@code lstm.bias_ih_l0}, or a
     * root-level {@code bias}).
     */
    public static String label(BiasVector vector) {
        String module = vector.module();
        if (!module.isEmpty() && vector.name().equals(module + ".bias")) {
            return module;
        }
        return vector.name();
    }

    static String title(List<BiasVector> series) {
        return "Bias of " + names(series);
    }

    /** "fc1, fc2" or, for many, "a, b, c and 2 more": the vectors' labels for a title. */
    public static String names(List<BiasVector> series) {
        List<String> labels = new ArrayList<>();
        for (BiasVector vector : series) {
            labels.add(label(vector));
        }
        if (labels.size() <= MAX_NAMES_IN_TITLE) {
            return String.join(", ", labels);
        }
        return String.join(", ", labels.subList(0, MAX_NAMES_IN_TITLE))
                + " and " + (labels.size() - MAX_NAMES_IN_TITLE) + " more";
    }

    /** "index 3: 0.123456" (prefixed by the series label when the chart holds several). */
    static String toolTip(XYDataset dataset, int series, int item) {
        String text = "index " + (long) dataset.getXValue(series, item) + ": "
                + formatValue(dataset.getYValue(series, item));
        return dataset.getSeriesCount() > 1 ? dataset.getSeriesKey(series) + " " + text : text;
    }

    /** Six decimals, switching to scientific notation where six decimals would show only zeros. */
    public static String formatValue(double value) {
        double magnitude = Math.abs(value);
        if (value == 0 || !Double.isFinite(value) || (magnitude >= 1e-4 && magnitude < 1e6)) {
            return String.format(Locale.ROOT, "%.6f", value);
        }
        return String.format(Locale.ROOT, "%.6e", value);
    }
}
