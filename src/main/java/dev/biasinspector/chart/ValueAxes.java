package dev.biasinspector.chart;

import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.ValueAxisPlot;
import org.jfree.data.Range;

/**
 * The value axes of this package's charts: readable ticks for any range (see
 * {@link ReadableTickUnits}) and a sensible window around data that has no range of its own.
 */
final class ValueAxes {

    /**
     * Below this relative spread a vector counts as constant: about one float32 rounding step.
     * Padding then comes from the value's own size, not from JFreeChart's absolute 1e-8 minimum
     * (which gave an all-zero bias ticks of "0E0, 5E-10, -4.5E-9").
     */
    static final double CONSTANT_SPREAD = 1e-7;
    /** Room a vertical tick label asks for, in label heights. */
    static final double LABEL_SPACING = 2.5;
    /** Fewest labels on a value axis. */
    static final int MIN_TICKS = 3;

    private ValueAxes() {
    }

    /** A value axis with readable ticks; ranges that are one value wide are padded. */
    static NumberAxis values(String label) {
        return new Axis(label);
    }

    /**
     * The window shown for a vector whose finite values span [lower, upper], before margins; the
     * same range when it has a spread of its own. An all-zero vector gets [-1, 1], a constant c
     * gets c ± 10% of |c|.
     */
    static Range padded(double lower, double upper) {
        double magnitude = Math.max(Math.abs(lower), Math.abs(upper));
        if (upper - lower > magnitude * CONSTANT_SPREAD) {
            return new Range(lower, upper);
        }
        double centre = lower / 2 + upper / 2;
        double half = magnitude == 0 ? 1.0 : magnitude * 0.1;
        return new Range(centre - half, centre + half);
    }

    /** A value axis whose ticks fall on multiples of {@code base} (a histogram's bin edges). */
    static NumberAxis values(String label, java.math.BigDecimal base) {
        Axis axis = new Axis(label);
        axis.setStandardTickUnits(new ReadableTickUnits(axis::getRange, base));
        return axis;
    }

    private static final class Axis extends NumberAxis {

        Axis(String label) {
            super(label);
            setStandardTickUnits(new ReadableTickUnits(this::getRange));
            setAutoRangeIncludesZero(false);
            setAutoRangeMinimumSize(Double.MIN_NORMAL);
        }

        /**
         * JFreeChart packs vertical ticks a label's height apart (25 labels on a tall chart);
         * asking for more room leaves about one label per 40 pixels, as matplotlib does.
         */
        @Override
        protected double estimateMaximumTickLabelHeight(java.awt.Graphics2D g2) {
            return super.estimateMaximumTickLabelHeight(g2) * LABEL_SPACING;
        }

        /**
         * Never fewer than {@value #MIN_TICKS} labels: on a short plot (the what-if dialog's values)
         * the roomy spacing above could leave a lone "0" that says nothing about the scale.
         */
        @Override
        protected void selectAutoTickUnit(java.awt.Graphics2D g2, java.awt.geom.Rectangle2D dataArea,
                                          org.jfree.chart.ui.RectangleEdge edge) {
            super.selectAutoTickUnit(g2, dataArea, edge);
            if (getStandardTickUnits() instanceof ReadableTickUnits units) {
                for (int guard = 0; guard < 4 && calculateVisibleTickCount() < MIN_TICKS; guard++) {
                    setTickUnit((org.jfree.chart.axis.NumberTickUnit) units.getSmallerTickUnit(getTickUnit()),
                            false, false);
                }
            }
        }

        @Override
        protected void autoAdjustRange() {
            Plot plot = getPlot();
            if (!(plot instanceof ValueAxisPlot valuePlot)) {
                super.autoAdjustRange();
                return;
            }
            Range data = valuePlot.getDataRange(this);
            if (data == null || data.getLength() > Math.max(Math.abs(data.getLowerBound()),
                    Math.abs(data.getUpperBound())) * CONSTANT_SPREAD) {
                super.autoAdjustRange();
                return;
            }
            Range window = padded(data.getLowerBound(), data.getUpperBound());
            if (getAutoRangeIncludesZero()) {
                window = Range.expandToInclude(window, 0.0);
            }
            setRange(window, false, false);
        }
    }
}
