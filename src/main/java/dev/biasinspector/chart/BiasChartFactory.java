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
     * A scatter of the given vectors in this theme; several vectors share the axes and get a legend.
     *
     * @throws IllegalArgumentException if {@code series} is empty
     */
    public static JFreeChart create(List<BiasVector> series, ChartTheme theme) {
        if (series.isEmpty()) {
            throw new IllegalArgumentException("no bias to chart");
        }
        XYSeriesCollection dataset = createDataset(series);

        NumberAxis indexAxis = new NumberAxis(X_LABEL);
        indexAxis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        indexAxis.setAutoRangeIncludesZero(false);
        // Without this the axis stops at exactly 0 and the first point is cut in half by the edge.
        indexAxis.setAutoRangeStickyZero(false);
        NumberAxis valueAxis = new NumberAxis(Y_LABEL);
        valueAxis.setAutoRangeIncludesZero(false);

        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(false, true);
        renderer.setDefaultToolTipGenerator(BiasChartFactory::toolTip);

        XYPlot plot = new XYPlot(dataset, indexAxis, valueAxis, renderer);
        plot.setOrientation(PlotOrientation.VERTICAL);
        ValueMarker zero = new ValueMarker(0.0);
        zero.setStroke(new BasicStroke(1.2f));
        plot.addRangeMarker(zero, Layer.BACKGROUND);

        boolean legend = series.size() > 1;
        JFreeChart chart = new JFreeChart(title(series), JFreeChart.DEFAULT_TITLE_FONT, plot, legend);
        chart.setPadding(new RectangleInsets(6, 6, 6, 14));
        if (legend) {
            LegendTitle legendTitle = chart.getLegend();
            legendTitle.setPosition(RectangleEdge.BOTTOM);
        }
        theme.applyTo(chart);
        return chart;
    }

    /**
     * One series per vector, keyed by its {@link #label(BiasVector) label}; item i is (i, value[i]).
     * NaN and infinite values are stored as NaN (a gap): an infinite value would stretch the value
     * axis to infinity and hide every other point. The statistics under the chart count them.
     */
    public static XYSeriesCollection createDataset(List<BiasVector> vectors) {
        XYSeriesCollection dataset = new XYSeriesCollection();
        Set<String> keys = new HashSet<>();
        for (BiasVector vector : vectors) {
            String key = label(vector);
            for (int n = 2; !keys.add(key); n++) {
                key = label(vector) + " #" + n;
            }
            // autoSort: each add finds its place by binary search. Without it XYSeries checks for a
            // duplicate x by scanning every earlier item, which made a 65,536-value bias take seconds.
            XYSeries xy = new XYSeries(key, true, false);
            float[] values = vector.values();
            for (int i = 0; i < values.length; i++) {
                float v = values[i];
                xy.add(i, Float.isFinite(v) ? Double.valueOf(v) : null, false);
            }
            dataset.addSeries(xy);
        }
        return dataset;
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
        List<String> labels = new ArrayList<>();
        for (BiasVector vector : series) {
            labels.add(label(vector));
        }
        if (labels.size() <= MAX_NAMES_IN_TITLE) {
            return "Bias of " + String.join(", ", labels);
        }
        return "Bias of " + String.join(", ", labels.subList(0, MAX_NAMES_IN_TITLE))
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
