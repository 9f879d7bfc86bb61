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
