package dev.biasinspector.chart;

import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.data.xy.XYDataset;

import java.awt.Color;
import java.awt.Paint;
import java.awt.geom.Rectangle2D;

/**
 * Bars coloured by sign: an increase in one colour, a decrease in another, so the change view of
 * a comparison reads at a glance which way each value moved. The legend shows both.
 *
 * <p>With more visible bars than {@link DenseScatterRenderer#DENSITY_ITEMS}, each pixel column
 * gets one bar up to its largest increase and one down to its largest decrease, instead of a
 * million overlapping rectangles: the same picture, drawn in milliseconds.
 */
final class SignedBarRenderer extends XYBarRenderer {

    private Paint increase = new Color(0x2CA02C);
    private Paint decrease = new Color(0xD62728);

    void setColours(Paint newIncrease, Paint newDecrease) {
        increase = newIncrease;
        decrease = newDecrease;
        fireChangeEvent();
    }

    Paint increase() {
        return increase;
    }

    Paint decrease() {
        return decrease;
    }

    @Override
    public void drawItem(java.awt.Graphics2D g2, org.jfree.chart.renderer.xy.XYItemRendererState state,
                         Rectangle2D dataArea, org.jfree.chart.plot.PlotRenderingInfo info,
                         org.jfree.chart.plot.XYPlot plot, org.jfree.chart.axis.ValueAxis domainAxis,
                         org.jfree.chart.axis.ValueAxis rangeAxis, XYDataset dataset, int series, int item,
                         org.jfree.chart.plot.CrosshairState crosshairState, int pass) {
        int first = state.getFirstItemIndex();
        int last = state.getLastItemIndex();
        if (!(dataset instanceof BiasDataset data) || last - first + 1 <= DenseScatterRenderer.DENSITY_ITEMS) {
            super.drawItem(g2, state, dataArea, info, plot, domainAxis, rangeAxis, dataset, series, item,
                    crosshairState, pass);
            return;
        }
        if (item != first) {
            return;
        }
        org.jfree.chart.ui.RectangleEdge xEdge = plot.getDomainAxisEdge();
        org.jfree.chart.ui.RectangleEdge yEdge = plot.getRangeAxisEdge();
        int columns = Math.max(1, (int) Math.ceil(dataArea.getWidth()));
        double[] up = new double[columns];
        double[] down = new double[columns];
        int[] upItem = new int[columns];
        int[] downItem = new int[columns];
        java.util.Arrays.fill(upItem, -1);
        java.util.Arrays.fill(downItem, -1);
        double xl = domainAxis.getLowerBound();
        double x0 = domainAxis.valueToJava2D(xl, dataArea, xEdge);
        double dx = domainAxis.valueToJava2D(xl + 1, dataArea, xEdge) - x0;
        float[] values = data.values(series);
        for (int i = first; i <= last; i++) {
            double x = x0 + dx * (i - xl) - dataArea.getX();
            float v = values[i];
            if (!(x >= 0 && x < columns) || !Float.isFinite(v)) {
                continue;
            }
            int col = (int) x;
            if (v > up[col]) {
                up[col] = v;
                upItem[col] = i;
            } else if (v < down[col]) {
                down[col] = v;
                downItem[col] = i;
            }
        }
        double zero = rangeAxis.valueToJava2D(0, dataArea, yEdge);
        org.jfree.chart.entity.EntityCollection entities = state.getEntityCollection();
        for (int col = 0; col < columns; col++) {
            for (int side = 0; side < 2; side++) {
                int i = side == 0 ? upItem[col] : downItem[col];
                if (i < 0) {
                    continue;
                }
                double y = rangeAxis.valueToJava2D(values[i], dataArea, yEdge);
                Rectangle2D bar = new Rectangle2D.Double(dataArea.getX() + col, Math.min(y, zero), 1,
                        Math.abs(zero - y));
                g2.setPaint(side == 0 ? increase : decrease);
                g2.fill(bar);
                if (entities != null) {
                    addEntity(entities, bar, dataset, series, i, bar.getCenterX(), y);
                }
            }
        }
    }

    @Override
    public Paint getItemPaint(int series, int item) {
        XYDataset data = getPlot() == null ? null : getPlot().getDataset(getPlot().getIndexOf(this));
        if (data == null) {
            return increase;
        }
        return data.getYValue(series, item) < 0 ? decrease : increase;
    }

    /** Two legend entries, "increase" and "decrease", in their colours (set on the plot as fixed items). */
    LegendItemCollection legendItems() {
        LegendItemCollection items = new LegendItemCollection();
        Rectangle2D square = new Rectangle2D.Double(-4, -4, 8, 8);
        items.add(new LegendItem("increase", null, null, null, square, increase));
        items.add(new LegendItem("decrease", null, null, null, square, decrease));
        return items;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SignedBarRenderer && super.equals(o);
    }

    @Override
    public int hashCode() {
        return super.hashCode();
    }
}
