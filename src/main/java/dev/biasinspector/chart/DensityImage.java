package dev.biasinspector.chart;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.util.Arrays;

/**
 * A long vector as a picture of how many values fall in each pixel cell, for scatters with more
 * points than pixels. Cells are coloured in the series colour, faint for one value and solid for
 * the fullest cell (logarithmic, so a lone outlier stays visible next to a column of thousands);
 * each column's smallest and largest value are drawn solid whatever their count, so no extreme
 * disappears in the averaging. NaN and ±Inf are remembered per column (first index of each) for
 * the edge marks.
 *
 * <p>Memory grows with the pixels, not with the values: a 10^6-value bias at 800x500 needs the
 * same few arrays as one of 10,000 values. One pass over the visible values.
 */
final class DensityImage {

    /** Alpha of a cell holding a single value; the fullest cell gets 255. */
    static final int FAINTEST = 140;

    final int width;
    final int height;
    private final int[] counts;
    /** Per column: the item with the smallest / largest value drawn there, or -1. */
    final int[] minItem;
    final int[] maxItem;
    /** Per column and {@link NonFiniteMarks.Kind}: the first such item, or -1. */
    final int[][] nonFinite;
    private final double y0;
    private final double dy;
    private int fullest;

    /**
     * Counts items {@code first..last} of {@code values}. Item i lands at pixel column
     * {@code (x0 + dx·i)} and row {@code (y0 + dy·value)} of a {@code width} x {@code height} grid;
     * points outside the grid (zoomed away) are not counted.
     */
    DensityImage(float[] values, int first, int last, int width, int height,
                 double x0, double dx, double y0, double dy) {
        this.width = width;
        this.height = height;
        this.y0 = y0;
        this.dy = dy;
        counts = new int[width * height];
        minItem = new int[width];
        maxItem = new int[width];
        nonFinite = new int[NonFiniteMarks.Kind.values().length][width];
        Arrays.fill(minItem, -1);
        Arrays.fill(maxItem, -1);
        for (int[] column : nonFinite) {
            Arrays.fill(column, -1);
        }
        for (int i = first; i <= last; i++) {
            double x = x0 + dx * i;
            if (!(x >= 0 && x < width)) {
                continue;
            }
            int col = (int) x;
            float v = values[i];
            if (!Float.isFinite(v)) {
                int kind = NonFiniteMarks.Kind.of(v).ordinal();
                if (nonFinite[kind][col] < 0) {
                    nonFinite[kind][col] = i;
                }
                continue;
            }
            double y = y0 + dy * v;
            if (!(y >= 0 && y < height)) {
                continue;
            }
            int cell = (int) y * width + col;
            int n = ++counts[cell];
            if (n > fullest) {
                fullest = n;
            }
            if (minItem[col] < 0 || v < values[minItem[col]]) {
                minItem[col] = i;
            }
            if (maxItem[col] < 0 || v > values[maxItem[col]]) {
                maxItem[col] = i;
            }
        }
    }

    int count(int col, int row) {
        return counts[row * width + col];
    }

    /** The largest count of any cell. */
    int fullest() {
        return fullest;
    }

    /** The pixel row of item {@code item}'s value. */
    int row(float[] values, int item) {
        return (int) (y0 + dy * values[item]);
    }

    /**
     * The cells as an image in {@code colour}, transparent where no value fell, with each column's
     * extremes as solid dots {@code dot} pixels wide.
     */
    BufferedImage paint(Color colour, float[] values, int dot) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        int[] pixels = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
        int rgb = colour.getRGB() & 0xFFFFFF;
        double scale = fullest > 1 ? (255 - FAINTEST) / Math.log(fullest) : 0;
        int[] alphaOf = new int[Math.min(fullest, 4096) + 1];
        for (int n = 1; n < alphaOf.length; n++) {
            alphaOf[n] = fullest > 1 ? FAINTEST + (int) Math.round(scale * Math.log(n)) : 255;
        }
        for (int k = 0; k < counts.length; k++) {
            int n = counts[k];
            if (n > 0) {
                int alpha = n < alphaOf.length ? alphaOf[n] : FAINTEST + (int) Math.round(scale * Math.log(n));
                pixels[k] = (alpha << 24) | rgb;
            }
        }
        int solid = 0xFF000000 | rgb;
        for (int col = 0; col < width; col++) {
            for (int item : new int[] {minItem[col], maxItem[col]}) {
                if (item >= 0) {
                    int row = row(values, item);
                    for (int r = Math.max(0, row - dot / 2); r < Math.min(height, row - dot / 2 + dot); r++) {
                        for (int c = Math.max(0, col - dot / 2); c < Math.min(width, col - dot / 2 + dot); c++) {
                            pixels[r * width + c] = solid;
                        }
                    }
                }
            }
        }
        return image;
    }
}
