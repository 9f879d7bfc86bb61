package dev.biasinspector.chart;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;

import java.util.List;

/**
 * Two versions of the same vector and their difference, on one shared index axis: above, both
 * as points (a bias before and after training, a model's output with the bias as stored and
 * edited); below, the change (after − before) as bars from zero. Training moves biases by a few
 * percent of their size, so the points above mostly overlap; the bars make the change readable.
 */
public final class ComparisonChartFactory {

    public static final String CHANGE_LABEL = "Change";
    /** Relative heights of the two parts: the values are what a user reads first, so they get two thirds. */
    private static final int VALUES_WEIGHT = 2;
    private static final int CHANGE_WEIGHT = 1;

    private ComparisonChartFactory() {
    }

    /**
     * @param before the first version, its label naming it ({@code simple_net.pt})
     * @param after  the second version, same length
     * @param change after − before as the caller computed it, labelled for the legend
     * @throws IllegalArgumentException if the three differ in length
     */
    public static JFreeChart create(String title, ChartSeries before, ChartSeries after, ChartSeries change,
                                    ChartTheme theme) {
        if (before.size() != after.size() || change.size() != before.size()) {
            throw new IllegalArgumentException("before, after and change differ in length: "
                    + before.size() + ", " + after.size() + ", " + change.size());
        }
        XYPlot values = BiasChartFactory.scatterPlot(BiasChartFactory.dataset(List.of(before, after)),
                BiasChartFactory.Y_LABEL);

        BiasDataset changeData = new BiasDataset(List.of(change), 0.6);
        NumberAxis changeAxis = ValueAxes.values(CHANGE_LABEL);
        changeAxis.setAutoRangeIncludesZero(true);
        XYPlot changes = changePlot(changeData, changeAxis, BiasChartFactory::toolTip);

        NumberAxis indexAxis = BiasChartFactory.indexAxis();
        // The bars already leave room at both ends; the default margins would add an index -1.
        indexAxis.setLowerMargin(0.02);
        indexAxis.setUpperMargin(0.02);
        return stacked(title, indexAxis, values, changes, theme);
    }

    /** A change view: bars from zero coloured by sign, with a zero line. */
    static XYPlot changePlot(org.jfree.data.xy.IntervalXYDataset data, NumberAxis axis,
                             org.jfree.chart.labels.XYToolTipGenerator toolTips) {
        XYBarRenderer bars = new SignedBarRenderer();
        bars.setDefaultToolTipGenerator(toolTips);
        XYPlot changes = new XYPlot(data, null, axis, bars);
        changes.addRangeMarker(BiasChartFactory.zeroLine(), Layer.FOREGROUND);
        return changes;
    }

    /** The values above (two thirds of the height) and their change below, on one shared {@code domain} axis. */
    static JFreeChart stacked(String title, NumberAxis domain, XYPlot values, XYPlot changes, ChartTheme theme) {
        CombinedDomainXYPlot plot = new CombinedDomainXYPlot(domain);
        plot.setGap(12);
        plot.add(values, VALUES_WEIGHT);
        plot.add(changes, CHANGE_WEIGHT);
        plot.setOrientation(PlotOrientation.VERTICAL);

        JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        chart.setPadding(new RectangleInsets(6, 6, 6, 14));
        chart.getLegend().setPosition(RectangleEdge.BOTTOM);
        theme.applyTo(chart);
        return chart;
    }

    /** The subplot with the two versions. */
    public static XYPlot valuesPlot(JFreeChart chart) {
        return subplot(chart, 0);
    }

    /** The subplot with the change. */
    public static XYPlot changePlot(JFreeChart chart) {
        return subplot(chart, 1);
    }

    private static XYPlot subplot(JFreeChart chart, int index) {
        if (!(chart.getXYPlot() instanceof CombinedDomainXYPlot combined)) {
            throw new IllegalArgumentException("not a comparison chart");
        }
        return combined.getSubplots().get(index);
    }
}
