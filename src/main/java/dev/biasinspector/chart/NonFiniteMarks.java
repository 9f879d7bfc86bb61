package dev.biasinspector.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Paint;
import java.awt.Shape;
import java.awt.Stroke;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;

/**
 * How NaN and infinite values are drawn, since they have no place on a value axis: a faint
 * vertical line over the whole plot at their index, and at the plot's edge a mark that says which
 * one: a triangle pointing up at the top for +Inf, pointing down at the bottom for −Inf, a cross
 * at the bottom for NaN. Finding such values is a main reason to look at a bias, so they are
 * drawn in the series colour over the points, never left as a gap.
 */
final class NonFiniteMarks {

    /** Half the size of an edge mark in Java2D units. */
    private static final double HALF = 5.0;
    private static final Stroke CROSS = new BasicStroke(2f);
    private static final Stroke LINE = new BasicStroke(1f);

    private NonFiniteMarks() {
    }

    /** Which non-finite value, and its label in tooltips and the chart. */
    enum Kind {
        NAN("NaN"), POSITIVE_INFINITY("+Inf"), NEGATIVE_INFINITY("\u2212Inf");

        final String label;

        Kind(String label) {
            this.label = label;
        }

        static Kind of(float value) {
            if (Float.isNaN(value)) {
                return NAN;
            }
            if (Float.isInfinite(value)) {
                return value > 0 ? POSITIVE_INFINITY : NEGATIVE_INFINITY;
            }
            return null;
        }
    }

    /** Draws the mark of {@code kind} at horizontal position {@code x}; returns its outline (tooltip area). */
    static Shape draw(Graphics2D g2, Rectangle2D area, double x, Kind kind, Paint paint) {
        Paint oldPaint = g2.getPaint();
        Stroke oldStroke = g2.getStroke();
        g2.setPaint(translucent(paint));
        g2.setStroke(LINE);
        g2.draw(new Line2D.Double(x, area.getMinY(), x, area.getMaxY()));
        g2.setPaint(paint);
        Shape mark = shape(area, x, kind);
        if (kind == Kind.NAN) {
            g2.setStroke(CROSS);
            double y = area.getMaxY() - HALF - 2;
            g2.draw(new Line2D.Double(x - HALF, y - HALF, x + HALF, y + HALF));
            g2.draw(new Line2D.Double(x - HALF, y + HALF, x + HALF, y - HALF));
        } else {
            g2.fill(mark);
        }
        g2.setPaint(oldPaint);
        g2.setStroke(oldStroke);
        return mark;
    }

    /** Where the mark sits: a triangle at the top or bottom edge, or the cross's square at the bottom. */
    static Shape shape(Rectangle2D area, double x, Kind kind) {
        double top = area.getMinY();
        double bottom = area.getMaxY();
        return switch (kind) {
            case POSITIVE_INFINITY -> triangle(x, top + 1, top + 1 + 2 * HALF, HALF);
            case NEGATIVE_INFINITY -> triangle(x, bottom - 1, bottom - 1 - 2 * HALF, HALF);
            case NAN -> new Rectangle2D.Double(x - HALF, bottom - 2 * HALF - 2, 2 * HALF, 2 * HALF);
        };
    }

    /** Draws "+Inf" etc. beside a mark, for charts with only a few such values. */
    static void label(Graphics2D g2, Rectangle2D area, double x, Kind kind, Paint paint, Font font) {
        Paint oldPaint = g2.getPaint();
        Font oldFont = g2.getFont();
        g2.setPaint(paint);
        g2.setFont(font);
        float y = (float) switch (kind) {
            case POSITIVE_INFINITY -> area.getMinY() + 2 * HALF + 1;
            case NEGATIVE_INFINITY, NAN -> area.getMaxY() - 2;
        };
        g2.drawString(kind.label, (float) (x + HALF + 3), y);
        g2.setPaint(oldPaint);
        g2.setFont(oldFont);
    }

    private static Shape triangle(double x, double tipY, double baseY, double half) {
        Path2D.Double p = new Path2D.Double();
        p.moveTo(x, tipY);
        p.lineTo(x + half, baseY);
        p.lineTo(x - half, baseY);
        p.closePath();
        return p;
    }

    private static Paint translucent(Paint paint) {
        if (paint instanceof Color c) {
            return new Color(c.getRed(), c.getGreen(), c.getBlue(), 90);
        }
        return paint;
    }
}
