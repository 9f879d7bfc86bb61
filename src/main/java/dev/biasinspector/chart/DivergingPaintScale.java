package dev.biasinspector.chart;

import org.jfree.chart.renderer.PaintScale;

import java.awt.Color;
import java.awt.Paint;
import java.io.Serializable;

/**
 * Colours for a heat map of signed values: zero in a neutral colour, negative values shading
 * towards one colour and positive values towards another, symmetric around zero so that equal
 * magnitudes look equally strong. NaN is drawn transparent.
 */
public final class DivergingPaintScale implements PaintScale, Serializable {

    private static final Color TRANSPARENT = new Color(0, 0, 0, 0);

    private final double limit;
    private final Color negative;
    private final Color zero;
    private final Color positive;

    /**
     * @param limit the magnitude drawn in full colour; larger magnitudes are clamped. Zero or less
     *              (all values zero) is treated as 1, so an all-zero map is evenly neutral.
     */
    public DivergingPaintScale(double limit, Color negative, Color zero, Color positive) {
        this.limit = limit > 0 && Double.isFinite(limit) ? limit : 1.0;
        this.negative = negative;
        this.zero = zero;
        this.positive = positive;
    }

    /** A scale whose full colour is reached at the largest magnitude among {@code values}. */
    public static DivergingPaintScale forValues(Iterable<float[]> rows, Color negative, Color zero, Color positive) {
        double max = 0;
        for (float[] row : rows) {
            for (float v : row) {
                if (Float.isFinite(v)) {
                    max = Math.max(max, Math.abs(v));
                }
            }
        }
        return new DivergingPaintScale(max, negative, zero, positive);
    }

    public DivergingPaintScale withColours(Color newNegative, Color newZero, Color newPositive) {
        return new DivergingPaintScale(limit, newNegative, newZero, newPositive);
    }

    public double limit() {
        return limit;
    }

    @Override
    public double getLowerBound() {
        return -limit;
    }

    @Override
    public double getUpperBound() {
        return limit;
    }

    @Override
    public Paint getPaint(double value) {
        if (Double.isNaN(value)) {
            return TRANSPARENT;
        }
        double t = Math.min(1.0, Math.abs(value) / limit);
        return mix(zero, value < 0 ? negative : positive, t);
    }

    private static Color mix(Color from, Color to, double t) {
        return new Color(
                (int) Math.round(from.getRed() + (to.getRed() - from.getRed()) * t),
                (int) Math.round(from.getGreen() + (to.getGreen() - from.getGreen()) * t),
                (int) Math.round(from.getBlue() + (to.getBlue() - from.getBlue()) * t));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DivergingPaintScale s && s.limit == limit && s.negative.equals(negative)
                && s.zero.equals(zero) && s.positive.equals(positive);
    }

    @Override
    public int hashCode() {
        return Double.hashCode(limit) * 31 + negative.hashCode();
    }
}
