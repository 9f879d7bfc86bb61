package dev.biasinspector.chart;

import dev.biasinspector.model.BiasBlocks;
import dev.biasinspector.model.BiasVector;
import dev.biasinspector.model.NonFiniteValues;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.xy.XYDataset;

import java.awt.BasicStroke;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

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
        JFreeChart chart = create(title(series), seriesOf(series), theme);
        List<BiasBlocks.Block> blocks = BiasBlocks.of(series.get(0));
        if (!blocks.isEmpty() && series.stream().allMatch(v -> BiasBlocks.of(v).equals(blocks))) {
            BlockBands.add(chart.getXYPlot(), blocks);
            // room above the points for the bands' labels
            chart.getXYPlot().getRangeAxis().setUpperMargin(0.12);
            theme.applyTo(chart);
        }
        return chart;
    }

    /**
     * A scatter of labelled series under an explicit title, e.g. the same bias from two files
     * ({@code "fc1.bias"}, series {@code simple_net.pt} and {@code simple_net_trained.pt}).
     * Each series gets its own colour and point shape; more than one series gets a legend.
     * Labels that repeat are made unique with " #2", " #3". When a series holds NaN or ±Inf, a
     * subtitle lists where ({@link #NON_FINITE_ID}).
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
        addNonFiniteNote(chart, series);
        theme.applyTo(chart);
        return chart;
    }

    /** {@link TextTitle#getID() ID} of the subtitle naming the file a chart comes from. */
    public static final String SOURCE_ID = "source";
    /** ID of the subtitle listing NaN and ±Inf by index. */
    public static final String NON_FINITE_ID = "nonFinite";

    /**
     * Adds (or replaces) the subtitle under the title that names where the data comes from, e.g.
     * the file {@code simple_net.pt}, so that an exported PNG says which file it shows.
     * Nothing is added for an empty {@code source}.
     */
    public static void setSource(JFreeChart chart, String source, ChartTheme theme) {
        TextTitle old = subtitle(chart, SOURCE_ID);
        if (old != null) {
            chart.removeSubtitle(old);
        }
        if (source == null || source.isBlank()) {
            return;
        }
        TextTitle title = new TextTitle(source);
        title.setID(SOURCE_ID);
        chart.addSubtitle(0, title);
        theme.applyTo(chart);
    }

    /** The subtitle with this ID, or null. */
    public static TextTitle subtitle(JFreeChart chart, String id) {
        for (int i = 0; i < chart.getSubtitleCount(); i++) {
            if (chart.getSubtitle(i) instanceof TextTitle t && id.equals(t.getID())) {
                return t;
            }
        }
        return null;
    }

    /** "3 NaN at 0, 4, 9; 1 +Inf at 7" under the title, the full list (50 per kind) as its tooltip. */
    private static void addNonFiniteNote(JFreeChart chart, List<ChartSeries> series) {
        List<String> lines = new ArrayList<>();
        List<String> full = new ArrayList<>();
        for (ChartSeries one : series) {
            NonFiniteValues bad = NonFiniteValues.of(one.shared());
            if (!bad.isEmpty()) {
                String prefix = series.size() > 1 ? one.label() + ": " : "";
                lines.add(prefix + bad.describe(6));
                full.add(prefix + bad.describe(NonFiniteValues.LISTED));
            }
        }
        if (lines.isEmpty()) {
            return;
        }
        TextTitle note = new TextTitle(String.join("  \u00b7  ", lines));
        note.setID(NON_FINITE_ID);
        note.setToolTipText(String.join("; ", full));
        chart.addSubtitle(note);
    }

    /** The X axis of every index-based chart: whole numbers, not glued to zero. */
    static NumberAxis indexAxis() {
        NumberAxis indexAxis = new NumberAxis(X_LABEL);
        indexAxis.setStandardTickUnits(NumberAxis.createIntegerTickUnits(Locale.ROOT));
        // One value: index 0 in the middle of [-0.5, 0.5], not in a window 1e-8 wide.
        indexAxis.setAutoRangeMinimumSize(1.0);
        indexAxis.setAutoRangeIncludesZero(false);
        // Without this the axis stops at exactly 0 and the first point is cut in half by the edge.
        indexAxis.setAutoRangeStickyZero(false);
        return indexAxis;
    }

    /** Points only (no lines), a zero line behind them, tooltips with index and value. */
    static XYPlot scatterPlot(XYDataset dataset, String valueLabel) {
        NumberAxis valueAxis = ValueAxes.values(valueLabel);

        XYLineAndShapeRenderer renderer = new DenseScatterRenderer();
        renderer.setDefaultToolTipGenerator(BiasChartFactory::toolTip);

        XYPlot plot = new XYPlot(dataset, null, valueAxis, renderer);
        plot.setOrientation(PlotOrientation.VERTICAL);
        plot.addRangeMarker(zeroLine(), Layer.BACKGROUND);
        return plot;
    }

    /** The line at zero every chart of this package draws on its value axis. */
    static ValueMarker zeroLine() {
        ValueMarker zero = new ValueMarker(0.0);
        zero.setStroke(new BasicStroke(1.2f));
        return zero;
    }

    /**
     * One series per vector, keyed by its full parameter name; item i is (i, value[i]). NaN and
     * infinite values read as NaN (see {@link BiasDataset}); the renderer marks them at the edge.
     */
    public static BiasDataset createDataset(List<BiasVector> vectors) {
        return dataset(seriesOf(vectors));
    }

    /** One series per chart series, item i at (i, value[i]); labels made unique; see {@link BiasDataset}. */
    public static BiasDataset dataset(List<ChartSeries> series) {
        return new BiasDataset(series);
    }

    /** Each vector as a series named by its full parameter name ({@code blocks.0.0.bias}). */
    public static List<ChartSeries> seriesOf(List<BiasVector> vectors) {
        List<ChartSeries> series = new ArrayList<>();
        for (BiasVector vector : vectors) {
            series.add(new ChartSeries(vector.name(), vector.values()));
        }
        return series;
    }

    /**
     * A short name for file names and captions: its module's path when it is that module's plain
     * {@code bias} ({@code fc1}), else its full parameter name ({@code lstm.bias_ih_l0}, or a
     * root-level {@code bias}). Titles and legends use the full name ({@link #names}): a
     * {@code Sequential}'s child is {@code 0}, which says nothing on its own.
     */
    public static String label(BiasVector vector) {
        String module = vector.module();
        if (!module.isEmpty() && vector.name().equals(module + ".bias")) {
            return module;
        }
        return vector.name();
    }

    static String title(List<BiasVector> series) {
        return names(series);
    }

    /** "fc1.bias, fc2.bias" or, for many, "a.bias, b.bias, c.bias and 2 more": full names for a title. */
    public static String names(List<BiasVector> series) {
        List<String> labels = new ArrayList<>();
        for (BiasVector vector : series) {
            labels.add(vector.name());
        }
        if (labels.size() <= MAX_NAMES_IN_TITLE) {
            return String.join(", ", labels);
        }
        return String.join(", ", labels.subList(0, MAX_NAMES_IN_TITLE))
                + " and " + (labels.size() - MAX_NAMES_IN_TITLE) + " more";
    }

    /** "index 3: 0.123456" (prefixed by the series label when the chart holds several). */
    static String toolTip(XYDataset dataset, int series, int item) {
        double value = dataset instanceof BiasDataset bias ? bias.value(series, item) : dataset.getYValue(series, item);
        String text = "index " + (long) dataset.getXValue(series, item) + ": " + formatValue(value);
        return dataset.getSeriesCount() > 1 ? dataset.getSeriesKey(series) + " " + text : text;
    }

    /** Six decimals, switching to scientific notation where six decimals would show only zeros; NaN, +Inf, -Inf. */
    public static String formatValue(double value) {
        double magnitude = Math.abs(value);
        if (Double.isNaN(value)) {
            return "NaN";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "+Inf" : "-Inf";
        }
        if (value == 0 || (magnitude >= 1e-4 && magnitude < 1e6)) {
            return String.format(Locale.ROOT, "%.6f", value);
        }
        return String.format(Locale.ROOT, "%.6e", value);
    }
}
