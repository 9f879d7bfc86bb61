package dev.biasinspector.chart;

import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.entity.EntityCollection;
import org.jfree.chart.plot.CrosshairState;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYItemRendererState;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.XYDataset;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Paint;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Rectangle2D;
import java.util.HashSet;
import java.util.Set;

/**
 * The scatter renderer of bias charts. Up to {@value #DENSITY_ITEMS} visible values per series it
 * draws each as a marker (from {@value #DENSE_ITEMS} on, only where no identical marker already
 * sits: the picture is the same and it paints several times faster). Beyond that a marker per value
 * is a solid block, so the visible values are drawn as a {@link DensityImage} computed for the
 * visible index range: zooming in redraws at full detail, down to single markers again.
 * NaN and ±Inf are drawn as {@link NonFiniteMarks} at the plot's edge in both modes.
 */
final class DenseScatterRenderer extends XYLineAndShapeRenderer {

    /** From this many items per series, a point is drawn only where no identical point already sits. */
    static final int DENSE_ITEMS = 2_000;
    /** Above this many visible items per series the series is drawn as a density image. */
    static final int DENSITY_ITEMS = 4_000;
    /** Charts with at most this many non-finite values name each mark ("NaN", "+Inf"). */
    static final int LABELLED_NON_FINITE = 12;
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
        if (!isItemPass(pass) || !getItemVisible(series, item)) {
            return;
        }
        if (dataset instanceof BiasDataset bias) {
            int first = state.getFirstItemIndex();
            int last = state.getLastItemIndex();
            if (last - first + 1 > DENSITY_ITEMS) {
                if (item == first) {
                    drawDensity(g2, state, dataArea, plot, domainAxis, rangeAxis, bias, series, first, last);
                }
                return;
            }
            NonFiniteMarks.Kind kind = NonFiniteMarks.Kind.of(bias.value(series, item));
            if (kind != null) {
                double x = domainAxis.valueToJava2D(item, dataArea, plot.getDomainAxisEdge());
                drawNonFinite(g2, state, dataArea, bias, series, item, x, kind);
                return;
            }
        }
        int visible = state.getLastItemIndex() - state.getFirstItemIndex() + 1;
        if (visible >= DENSE_ITEMS) {
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

    private void drawNonFinite(Graphics2D g2, XYItemRendererState state, Rectangle2D area, BiasDataset data,
                               int series, int item, double x, NonFiniteMarks.Kind kind) {
        Paint paint = lookupSeriesPaint(series);
        Shape mark = NonFiniteMarks.draw(g2, area, x, kind, paint);
        if (data.nonFiniteCount(series) <= LABELLED_NON_FINITE) {
            Font font = getDefaultItemLabelFont();
            NonFiniteMarks.label(g2, area, x, kind, paint, font);
        }
        EntityCollection entities = state.getEntityCollection();
        if (entities != null) {
            Rectangle2D b = mark.getBounds2D();
            addEntity(entities, mark, data, series, item, b.getCenterX(), b.getCenterY());
        }
    }

    private void drawDensity(Graphics2D g2, XYItemRendererState state, Rectangle2D area, XYPlot plot,
                             ValueAxis domainAxis, ValueAxis rangeAxis, BiasDataset data, int series,
                             int first, int last) {
        // Count in device pixels: an export at 2x gets twice the detail, not a stretched image.
        double s = Math.max(1, Math.min(4, Math.abs(g2.getTransform().getScaleX())));
        int width = Math.max(1, (int) Math.ceil(area.getWidth() * s));
        int height = Math.max(1, (int) Math.ceil(area.getHeight() * s));
        RectangleEdge xEdge = plot.getDomainAxisEdge();
        RectangleEdge yEdge = plot.getRangeAxisEdge();
        // Both axes are linear: a value's pixel is a + b·value, measured from the visible lower bound
        // so that a narrow window far from zero keeps its precision.
        double xl = domainAxis.getLowerBound();
        double dx = (domainAxis.valueToJava2D(xl + 1, area, xEdge) - domainAxis.valueToJava2D(xl, area, xEdge)) * s;
        double x0 = (domainAxis.valueToJava2D(xl, area, xEdge) - area.getX()) * s - dx * xl;
        double yl = rangeAxis.getLowerBound();
        double dy = (rangeAxis.valueToJava2D(yl + rangeAxis.getRange().getLength(), area, yEdge)
                - rangeAxis.valueToJava2D(yl, area, yEdge)) / rangeAxis.getRange().getLength() * s;
        double y0 = (rangeAxis.valueToJava2D(yl, area, yEdge) - area.getY()) * s - dy * yl;
        float[] values = data.values(series);
        DensityImage density = new DensityImage(values, first, last, width, height, x0, dx, y0, dy);

        Paint paint = lookupSeriesPaint(series);
        Color colour = paint instanceof Color c ? c : Color.GRAY;
        AffineTransform at = AffineTransform.getTranslateInstance(area.getX(), area.getY());
        at.scale(1 / s, 1 / s);
        Object interpolation = g2.getRenderingHint(RenderingHints.KEY_INTERPOLATION);
        g2.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
        g2.drawImage(density.paint(colour, values, (int) Math.round(2 * s)), at, null);
        if (interpolation != null) {
            g2.setRenderingHint(RenderingHints.KEY_INTERPOLATION, interpolation);
        }

        drawOverallExtremes(g2, density, values, colour, area, s, series);

        EntityCollection entities = state.getEntityCollection();
        for (int col = 0; col < width; col++) {
            double x = area.getX() + (col + 0.5) / s;
            for (NonFiniteMarks.Kind kind : NonFiniteMarks.Kind.values()) {
                int item = density.nonFinite[kind.ordinal()][col];
                if (item >= 0) {
                    drawNonFinite(g2, state, area, data, series, item, x, kind);
                }
            }
            if (entities != null) {
                // Tooltips for each column's extremes: the values a user points at.
                for (int item : new int[] {density.minItem[col], density.maxItem[col]}) {
                    if (item >= 0) {
                        double y = area.getY() + (density.row(values, item) + 0.5) / s;
                        addEntity(entities, new Rectangle2D.Double(x - 2, y - 2, 4, 4), data, series, item, x, y);
                    }
                }
            }
        }
    }

    /**
     * The visible minimum and maximum as full-size markers, as a scatter of few values draws
     * every point: in a density picture they would be 2-pixel dots, and the one spike in a
     * million values is what a user looks for.
     */
    private void drawOverallExtremes(Graphics2D g2, DensityImage density, float[] values, Color colour,
                                     Rectangle2D area, double s, int series) {
        int lowest = -1;
        int highest = -1;
        int lowestCol = -1;
        int highestCol = -1;
        for (int col = 0; col < density.width; col++) {
            int min = density.minItem[col];
            int max = density.maxItem[col];
            if (min >= 0 && (lowest < 0 || values[min] < values[lowest])) {
                lowest = min;
                lowestCol = col;
            }
            if (max >= 0 && (highest < 0 || values[max] > values[highest])) {
                highest = max;
                highestCol = col;
            }
        }
        g2.setPaint(colour);
        int[][] extremes = {{lowest, lowestCol}, {highest, highestCol}};
        for (int[] extreme : extremes) {
            if (extreme[0] < 0) {
                continue;
            }
            double x = area.getX() + (extreme[1] + 0.5) / s;
            double y = area.getY() + (density.row(values, extreme[0]) + 0.5) / s;
            g2.fill(org.jfree.chart.util.ShapeUtils.createTranslatedShape(lookupSeriesShape(series), x, y));
        }
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
