package dev.biasinspector.session;

import dev.biasinspector.chart.BiasChartFactory;
import dev.biasinspector.chart.ChartSeries;
import dev.biasinspector.chart.ChartTheme;
import dev.biasinspector.chart.ComparisonChartFactory;
import dev.biasinspector.chart.EvolutionChartFactory;
import dev.biasinspector.chart.HistogramChartFactory;
import dev.biasinspector.model.BiasChange;
import dev.biasinspector.model.BiasEntry;
import dev.biasinspector.model.BiasEvolution;
import dev.biasinspector.model.BiasVector;
import org.jfree.chart.JFreeChart;

import java.util.List;

/**
 * What the chart area shows, with every value already read (contents are made on a worker, then
 * drawn on the EDT): one or several biases of the open model, one bias in two files, or one bias
 * across a checkpoint series. Each draws itself as a scatter or a histogram.
 */
public sealed interface ChartContent {

    /** The chart for these options, in this theme. */
    JFreeChart chart(ChartOptions options, ChartTheme theme);

    /** The vector whose statistics are shown and whose values Export Values writes. */
    BiasVector primary(ChartOptions options);

    /** Which vector {@link #primary} is, for the caption above the statistics. */
    String primaryCaption(ChartOptions options);

    /** A short name for file names, e.g. {@code fc1} or {@code fc1-compare}. */
    String fileStem();

    /**
     * What Export Values writes: the series of the chart, side by side (one column for a single
     * bias).
     */
    List<ChartSeries> columns(ChartOptions options);

    /** One sentence about something left out, shown above the chart; empty when all is shown. */
    default String notice() {
        return "";
    }

    /**
     * One bias, or several overlaid in one chart with a legend (selected with Ctrl/Shift-click).
     *
     * @param source the file they come from, a subtitle of the chart (and so of every PNG); may be empty
     */
    record Biases(List<BiasVector> vectors, String notice, String source) implements ChartContent {

        public Biases {
            if (vectors.isEmpty()) {
                throw new IllegalArgumentException("no bias to show");
            }
            vectors = List.copyOf(vectors);
        }

        public Biases(List<BiasVector> vectors) {
            this(vectors, "", "");
        }

        public Biases(List<BiasVector> vectors, String notice) {
            this(vectors, notice, "");
        }

        @Override
        public JFreeChart chart(ChartOptions options, ChartTheme theme) {
            JFreeChart chart = options.histogram()
                    ? HistogramChartFactory.create("Histogram of " + BiasChartFactory.names(vectors),
                            BiasChartFactory.seriesOf(vectors), theme, options.bins())
                    : BiasChartFactory.create(vectors, theme);
            BiasChartFactory.setSource(chart, source, theme);
            return chart;
        }

        @Override
        public BiasVector primary(ChartOptions options) {
            return vectors.get(0);
        }

        @Override
        public String primaryCaption(ChartOptions options) {
            return vectors.size() == 1 ? "" : BiasChartFactory.label(vectors.get(0));
        }

        @Override
        public String fileStem() {
            return String.join("+", vectors.stream().map(BiasChartFactory::label).limit(3).toList());
        }

        @Override
        public List<ChartSeries> columns(ChartOptions options) {
            return BiasChartFactory.seriesOf(vectors);
        }
    }

    /**
     * One bias in two files ("before" and "after"), each series named by its file.
     *
     * @param change the bias in both files and their difference
     * @param before name of the first file, e.g. {@code simple_net.pt}
     * @param after  name of the second file
     * @param notice a sentence about what is not shown, or empty
     */
    record Compared(BiasChange change, String before, String after, String notice) implements ChartContent {

        public Compared(BiasChange change, String before, String after) {
            this(change, before, after, "");
        }

        @Override
        public JFreeChart chart(ChartOptions options, ChartTheme theme) {
            String name = change.before().name();
            List<ChartSeries> both = List.of(new ChartSeries(before, change.before().values()),
                    new ChartSeries(after, change.after().values()));
            JFreeChart chart = options.histogram()
                    ? HistogramChartFactory.createComparison("Histogram of " + name, both.get(0), both.get(1), theme,
                            options.bins())
                    : ComparisonChartFactory.create(name, both.get(0), both.get(1),
                            new ChartSeries("change (after \u2212 before)", change.delta().values()), theme);
            BiasChartFactory.setSource(chart, before + " \u2192 " + after, theme);
            return chart;
        }

        @Override
        public BiasVector primary(ChartOptions options) {
            return change.after();
        }

        @Override
        public String primaryCaption(ChartOptions options) {
            return after;
        }

        @Override
        public String fileStem() {
            return BiasChartFactory.label(change.before()) + "-compare";
        }

        @Override
        public List<ChartSeries> columns(ChartOptions options) {
            return List.of(new ChartSeries(before, change.before().values()), new ChartSeries(after, change.after().values()),
                    new ChartSeries("change", change.delta().values()));
        }
    }

    /**
     * One bias across a checkpoint series.
     *
     * @param evolution the bias in each checkpoint that holds it
     * @param entry     the bias in the model shown in the tree (its module and type)
     * @param note      a sentence about what is not shown, or empty
     */
    record Evolution(BiasEvolution evolution, BiasEntry entry, String note, String source) implements ChartContent {

        public Evolution {
            if (evolution.rows().isEmpty()) {
                throw new IllegalArgumentException("no checkpoint holds " + evolution.name());
            }
        }

        public Evolution(BiasEvolution evolution, BiasEntry entry) {
            this(evolution, entry, "", "");
        }

        public Evolution(BiasEvolution evolution, BiasEntry entry, String note) {
            this(evolution, entry, note, "");
        }

        @Override
        public JFreeChart chart(ChartOptions options, ChartTheme theme) {
            int current = clamp(options.checkpoint());
            String label = primary(options).name();
            JFreeChart chart = options.histogram()
                    ? HistogramChartFactory.create("Histogram of " + label + " in " + evolution.checkpoints().get(current),
                            List.of(new ChartSeries(evolution.checkpoints().get(current), evolution.rows().get(current))), theme,
                            options.bins())
                    : EvolutionChartFactory.create(label + " over " + evolution.checkpoints().size() + " checkpoints",
                            evolution.checkpoints(), evolution.rows(), current, options.shading(), theme);
            BiasChartFactory.setSource(chart, source, theme);
            return chart;
        }

        @Override
        public BiasVector primary(ChartOptions options) {
            return evolution.at(clamp(options.checkpoint()), entry);
        }

        @Override
        public String primaryCaption(ChartOptions options) {
            return evolution.checkpoints().get(clamp(options.checkpoint()));
        }

        @Override
        public String fileStem() {
            return BiasChartFactory.label(evolution.at(0, entry)) + "-checkpoints";
        }

        @Override
        public List<ChartSeries> columns(ChartOptions options) {
            List<ChartSeries> columns = new java.util.ArrayList<>();
            for (int c = 0; c < evolution.checkpoints().size(); c++) {
                columns.add(new ChartSeries(evolution.checkpoints().get(c), evolution.rows().get(c)));
            }
            return columns;
        }

        @Override
        public String notice() {
            String missing = evolution.missing().isEmpty() ? ""
                    : "Not in " + String.join(", ", evolution.missing()) + " (missing or another size).";
            return (note + " " + missing).strip();
        }

        /** Number of checkpoints shown. */
        public int size() {
            return evolution.checkpoints().size();
        }

        private int clamp(int index) {
            return Math.max(0, Math.min(index, evolution.checkpoints().size() - 1));
        }
    }

    /**
     * The model's output with a bias as stored and edited (what-if): both outputs and their change.
     *
     * @param result    the two runs
     * @param modelName the model's file name, for the title
     */
    record WhatIf(dev.biasinspector.model.WhatIfResult result, String modelName) implements ChartContent {

        @Override
        public JFreeChart chart(ChartOptions options, ChartTheme theme) {
            String edited = result.biasName() + " " + result.edit();
            List<ChartSeries> columns = columns(options);
            JFreeChart chart = ComparisonChartFactory.create("Output of " + modelName + " with " + edited,
                    columns.get(0), columns.get(1), columns.get(2), theme);
            chart.getXYPlot().getDomainAxis().setLabel("Output index");
            BiasChartFactory.setSource(chart, modelName + result.topClasses().map(t -> " \u00b7 " + t.sentence()).orElse(""),
                    theme);
            return chart;
        }

        @Override
        public BiasVector primary(ChartOptions options) {
            float[] after = result.after();
            return new BiasVector("output", "", "output", new long[] {after.length},
                    dev.biasinspector.model.DType.FLOAT32, after);
        }

        @Override
        public String primaryCaption(ChartOptions options) {
            return "the edited output";
        }

        @Override
        public String fileStem() {
            String name = result.biasName();
            return (name.endsWith(".bias") ? name.substring(0, name.length() - 5) : name) + "-whatif";
        }

        @Override
        public List<ChartSeries> columns(ChartOptions options) {
            String edited = result.biasName() + " " + result.edit();
            return List.of(new ChartSeries("bias as stored", result.before()), new ChartSeries(edited, result.after()),
                    new ChartSeries("change (after \u2212 before)", result.change()));
        }
    }
}
