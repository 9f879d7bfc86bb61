package dev.biasinspector.chart;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.xy.DefaultXYZDataset;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One bias across a series of checkpoints, on one shared index axis. Above, a heat map: a row
 * per checkpoint (first at the top), a cell per index, coloured by value or by the change since
 * the first checkpoint, with a frame around the current checkpoint's row. Below, the scatter of
 * the current checkpoint, with the first checkpoint as grey rings for reference.
 *
 * <p>Training moves a bias by a few percent of its size, so coloured by value the rows look
 * alike; {@link Shading#CHANGE} shows where and when it moved.
 */
public final class EvolutionChartFactory {

    /** What the heat map's colour shows. */
    public enum Shading {
        /** The value itself. */
        VALUE,
        /** The value minus the same index's value in the first checkpoint. */
        CHANGE
    }

    public static final String CHECKPOINT_LABEL = "Checkpoint";

    private EvolutionChartFactory() {
    }

    /**
     * @param checkpoints labels of the checkpoints in series order ({@code epoch_1.pt}, ...)
     * @param rows        the bias in each checkpoint, all of one length
     * @param current     the checkpoint shown in the scatter and framed in the heat map
     * @throws IllegalArgumentException if there are no rows, labels and rows differ in number, rows
     *                                  differ in length or {@code current} is out of range
     */
    public static JFreeChart create(String title, List<String> checkpoints, List<float[]> rows, int current,
                                    Shading shading, ChartTheme theme) {
        if (rows.isEmpty() || rows.size() != checkpoints.size()) {
            throw new IllegalArgumentException("one label per checkpoint, at least one checkpoint");
        }
        int size = rows.get(0).length;
        if (rows.stream().anyMatch(r -> r.length != size)) {
            throw new IllegalArgumentException("the checkpoints hold the bias with different sizes");
        }
        if (current < 0 || current >= rows.size()) {
            throw new IllegalArgumentException("no checkpoint " + current);
        }
        List<float[]> shaded = shading == Shading.CHANGE ? changeSinceFirst(rows) : rows;

        NumberAxis indexAxis = BiasChartFactory.indexAxis();
        // The heat map's cells run from -0.5 to n-0.5: edge to edge, no margins.
        indexAxis.setLowerMargin(0);
        indexAxis.setUpperMargin(0);
        CombinedDomainXYPlot plot = new CombinedDomainXYPlot(indexAxis);
        plot.setGap(12);
        plot.setOrientation(PlotOrientation.VERTICAL);
        DivergingPaintScale scale = DivergingPaintScale.forValues(shaded, Color.BLUE, Color.WHITE, Color.RED);
        plot.add(heatMap(checkpoints, shaded, current, scale), 1);
        plot.add(scatter(checkpoints, rows, current), 1);

        JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        chart.setPadding(new RectangleInsets(6, 6, 6, 14));
        chart.getLegend().setPosition(RectangleEdge.BOTTOM);
        chart.addSubtitle(scaleLegend(scale, shading == Shading.CHANGE
                ? "Change since " + checkpoints.get(0) : "Value"));
        theme.applyTo(chart);
        return chart;
    }

    /** Each row minus the first row (the first becomes all zero). */
    public static List<float[]> changeSinceFirst(List<float[]> rows) {
        float[] first = rows.get(0);
        List<float[]> result = new ArrayList<>();
        for (float[] row : rows) {
            float[] d = new float[row.length];
            for (int i = 0; i < d.length; i++) {
                d[i] = row[i] - first[i];
            }
            result.add(d);
        }
        return result;
    }

    /** The heat map's plot. */
    public static XYPlot heatMapPlot(JFreeChart chart) {
        return ((CombinedDomainXYPlot) chart.getXYPlot()).getSubplots().get(0);
    }

    /** The current checkpoint's scatter (series 0; series 1 is the first checkpoint, if another is current). */
    public static XYPlot scatterPlot(JFreeChart chart) {
        return ((CombinedDomainXYPlot) chart.getXYPlot()).getSubplots().get(1);
    }

    private static XYPlot heatMap(List<String> checkpoints, List<float[]> shaded, int current,
                                  DivergingPaintScale scale) {
        int size = shaded.get(0).length;
        double[][] xyz = new double[3][size * shaded.size()];
        int k = 0;
        for (int c = 0; c < shaded.size(); c++) {
            float[] row = shaded.get(c);
            for (int i = 0; i < size; i++) {
                xyz[0][k] = i;
                xyz[1][k] = c;
                xyz[2][k] = Float.isFinite(row[i]) ? row[i] : Double.NaN;
                k++;
            }
        }
        DefaultXYZDataset dataset = new DefaultXYZDataset();
        dataset.addSeries("heat map", xyz);

        SymbolAxis checkpointAxis = new SymbolAxis(CHECKPOINT_LABEL, checkpoints.toArray(String[]::new));
        checkpointAxis.setGridBandsVisible(false);
        checkpointAxis.setInverted(true);
        checkpointAxis.setAutoRangeIncludesZero(false);

        XYBlockRenderer blocks = new XYBlockRenderer();
        blocks.setPaintScale(scale);
        blocks.setDefaultSeriesVisibleInLegend(false);
        blocks.setDefaultToolTipGenerator((data, series, item) -> String.format(Locale.ROOT, "%s, index %d: %s",
                checkpoints.get((int) data.getYValue(series, item)), (int) data.getXValue(series, item),
                BiasChartFactory.formatValue(((DefaultXYZDataset) data).getZValue(series, item))));
        XYPlot plot = new XYPlot(dataset, null, checkpointAxis, blocks);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);
        IntervalMarker frame = new IntervalMarker(current - 0.5, current + 0.5);
        frame.setPaint(new Color(0, 0, 0, 0));
        frame.setOutlineStroke(new BasicStroke(2f));
        plot.addRangeMarker(frame, Layer.FOREGROUND);
        return plot;
    }

    private static XYPlot scatter(List<String> checkpoints, List<float[]> rows, int current) {
        List<ChartSeries> series = new ArrayList<>();
        series.add(new ChartSeries(checkpoints.get(current), rows.get(current)));
        if (current != 0) {
            series.add(new ChartSeries(checkpoints.get(0) + " (first)", rows.get(0)));
        }
        BiasDataset dataset = BiasChartFactory.dataset(series);
        if (current != 0) {
            dataset = dataset.withReference(1);
        }
        XYPlot plot = BiasChartFactory.scatterPlot(dataset, BiasChartFactory.Y_LABEL);
        // The reference rings are drawn first, under the current checkpoint's points.
        plot.setSeriesRenderingOrder(org.jfree.chart.plot.SeriesRenderingOrder.REVERSE);
        return plot;
    }

    private static PaintScaleLegend scaleLegend(DivergingPaintScale scale, String label) {
        NumberAxis axis = ValueAxes.values(label);
        axis.setRange(scale.getLowerBound(), scale.getUpperBound());
        PaintScaleLegend legend = new PaintScaleLegend(scale, axis);
        legend.setPosition(RectangleEdge.RIGHT);
        legend.setAxisLocation(org.jfree.chart.axis.AxisLocation.TOP_OR_RIGHT);
        legend.setMargin(new RectangleInsets(40, 8, 40, 0));
        legend.setStripWidth(12);
        return legend;
    }
}
