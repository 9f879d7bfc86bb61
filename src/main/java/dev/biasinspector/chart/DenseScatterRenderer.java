package dev.biasinspector.chart;

import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CrosshairState;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYItemRendererState;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYDataset;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.util.HashSet;
import java.util.Set;

/**
 * Points only, drawing a point only when no earlier point of the same series landed on the same
 * pixel cell. A 50,000-value output bias puts dozens of indexes on each pixel column; drawing each
 * anti-aliased marker cost about 6 µs, so such a chart took half a second to paint, and again on
 * every zoom or resize. A hidden point lies under an identical marker, so the picture is the same;
 * its tooltip is the one drawn on top.
 */
final class DenseScatterRenderer extends XYLineAndShapeRenderer {

    /** Below this many items per series every point is drawn (and gets its own tooltip area). */
    static final int DENSE_ITEMS = 2_000;
    /** Cell size in Java2D units: a third of the default 6-unit marker. */
    private static final double CELL = 2.0;

    private transient Set<Long> drawnCells = new HashSet<>();

    DenseScatterRenderer() {
        super(false, true);
    }

    @Override
    public XYItemRendererState initialise(Graphics2D g2, Rectangle2D dataArea, XYPlot plot, XYDataset data,
                                          PlotRenderingInfo info) {
        drawnCells = new HashSet<>();
        return super.initialise(g2, dataArea, plot, data, info);
    }

    @Override
    public void drawItem(Graphics2D g2, XYItemRendererState state, Rectangle2D dataArea, PlotRenderingInfo info,
                         XYPlot plot, ValueAxis domainAxis, ValueAxis rangeAxis, XYDataset dataset, int series,
                         int item, CrosshairState crosshairState, int pass) {
        if (dataset.getItemCount(series) >= DENSE_ITEMS && isItemPass(pass)) {
            double x = dataset.getXValue(series, item);
            double y = dataset.getYValue(series, item);
            if (Double.isNaN(y)) {
                return;
            }
            double px = domainAxis.valueToJava2D(x, dataArea, plot.getDomainAxisEdge());
            double py = rangeAxis.valueToJava2D(y, dataArea, plot.getRangeAxisEdge());
            long cell = ((series * 1_000_003L) + (long) Math.floor(px / CELL)) * 1_000_003L + (long) Math.floor(py / CELL);
            if (!drawnCells.add(cell)) {
                return;
            }
        }
        super.drawItem(g2, state, dataArea, info, plot, domainAxis, rangeAxis, dataset, series, item,
                crosshairState, pass);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DenseScatterRenderer && super.equals(o);
    }

    @Override
    public int hashCode() {
        return super.hashCode();
    }
}
