package dev.biasinspector.chart;

import org.jfree.data.DomainOrder;
import org.jfree.data.Range;
import org.jfree.data.xy.AbstractIntervalXYDataset;
import org.jfree.data.xy.XYDomainInfo;
import org.jfree.data.xy.XYRangeInfo;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Bias vectors as a JFreeChart dataset: item i of a series is (i, value[i]), read straight from
 * the float array. JFreeChart's XYSeries keeps an object per point (about 100 bytes each, 100 MB
 * for a 10^6-value bias); this keeps the floats the caller already holds and nothing per value.
 *
 * <p>Non-finite values read as NaN through {@link #getYValue} (a gap: an infinite value would
 * stretch the axis to infinity and hide every other point); {@link #value} gives the stored value,
 * so the renderer can mark NaN and ±Inf at the plot's edge. Bounds skip them too.
 *
 * <p>Immutable after construction (it shares the {@link ChartSeries}' own, never changed arrays), so a
 * copy drawn on another thread shares nothing that changes.
 */
public final class BiasDataset extends AbstractIntervalXYDataset implements XYDomainInfo, XYRangeInfo {

    private final List<String> keys = new ArrayList<>();
    private final List<float[]> values = new ArrayList<>();
    private final List<Boolean> references = new ArrayList<>();
    private final List<Integer> nonFinite = new ArrayList<>();
    /** Each series' finite minimum and maximum (NaN when it has no finite value), found once. */
    private final List<double[]> bounds = new ArrayList<>();
    private final double intervalWidth;

    /** Series with unique keys (repeats get " #2", " #3"); bars (if any) {@code intervalWidth} wide. */
    public BiasDataset(List<ChartSeries> series, double intervalWidth) {
        Set<String> used = new HashSet<>();
        for (ChartSeries one : series) {
            String key = one.label();
            for (int n = 2; !used.add(key); n++) {
                key = one.label() + " #" + n;
            }
            keys.add(key);
            float[] v = one.shared();
            values.add(v);
            references.add(false);
            scan(v);
        }
        this.intervalWidth = intervalWidth;
    }

    public BiasDataset(List<ChartSeries> series) {
        this(series, 1.0);
    }

    /** The same data with series {@code index} marked as a faint reference (drawn as grey rings). */
    public BiasDataset withReference(int index) {
        BiasDataset copy = new BiasDataset(List.of(), intervalWidth);
        copy.keys.addAll(keys);
        copy.values.addAll(values);
        copy.references.addAll(references);
        copy.nonFinite.addAll(nonFinite);
        copy.bounds.addAll(bounds);
        copy.references.set(index, true);
        return copy;
    }

    public boolean isReference(int series) {
        return references.get(series);
    }

    /** The stored value, NaN and infinities included. */
    public float value(int series, int item) {
        return values.get(series)[item];
    }

    /** How many NaN and infinite values series {@code series} holds. */
    public int nonFiniteCount(int series) {
        return nonFinite.get(series);
    }

    /**
     * One pass for what JFreeChart asks again and again: building and styling a chart configures
     * its axes a dozen times, each asking for the data's range.
     */
    private void scan(float[] values) {
        int bad = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (float v : values) {
            if (!Float.isFinite(v)) {
                bad++;
            } else {
                if (v < min) {
                    min = v;
                }
                if (v > max) {
                    max = v;
                }
            }
        }
        nonFinite.add(bad);
        bounds.add(min > max ? new double[] {Double.NaN, Double.NaN} : new double[] {min, max});
    }

    /** The stored values of a series; the array itself, not to be changed. */
    float[] values(int series) {
        return values.get(series);
    }

    @Override
    public int getSeriesCount() {
        return keys.size();
    }

    @Override
    public Comparable<?> getSeriesKey(int series) {
        return keys.get(series);
    }

    @Override
    public DomainOrder getDomainOrder() {
        // Lets the plot find the visible items by binary search instead of a scan.
        return DomainOrder.ASCENDING;
    }

    @Override
    public int getItemCount(int series) {
        return values.get(series).length;
    }

    @Override
    public Number getX(int series, int item) {
        return item;
    }

    @Override
    public double getXValue(int series, int item) {
        return item;
    }

    @Override
    public Number getY(int series, int item) {
        return getYValue(series, item);
    }

    @Override
    public double getYValue(int series, int item) {
        float v = values.get(series)[item];
        return Float.isFinite(v) ? v : Double.NaN;
    }

    @Override
    public Number getStartX(int series, int item) {
        return item - intervalWidth / 2;
    }

    @Override
    public Number getEndX(int series, int item) {
        return item + intervalWidth / 2;
    }

    @Override
    public Number getStartY(int series, int item) {
        return getY(series, item);
    }

    @Override
    public Number getEndY(int series, int item) {
        return getY(series, item);
    }

    @Override
    public Range getDomainBounds(List visibleSeriesKeys, boolean includeInterval) {
        int longest = 0;
        for (Object key : visibleSeriesKeys) {
            int series = keys.indexOf(key);
            if (series >= 0) {
                longest = Math.max(longest, values.get(series).length);
            }
        }
        if (longest == 0) {
            return null;
        }
        double half = includeInterval ? intervalWidth / 2 : 0;
        return new Range(-half, longest - 1 + half);
    }

    @Override
    public Range getRangeBounds(List visibleSeriesKeys, Range xRange, boolean includeInterval) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (Object key : visibleSeriesKeys) {
            int series = keys.indexOf(key);
            if (series < 0) {
                continue;
            }
            float[] v = values.get(series);
            if (xRange.getLowerBound() <= 0 && xRange.getUpperBound() >= v.length - 1) {
                double[] b = bounds.get(series);
                if (!Double.isNaN(b[0])) {
                    min = Math.min(min, b[0]);
                    max = Math.max(max, b[1]);
                }
                continue;
            }
            int from = (int) Math.max(0, Math.ceil(xRange.getLowerBound()));
            int to = (int) Math.min(v.length - 1L, (long) Math.floor(Math.min(xRange.getUpperBound(), Integer.MAX_VALUE)));
            for (int i = from; i <= to; i++) {
                float f = v[i];
                // NaN fails both comparisons; infinities are drawn as edge marks, not on the axis
                if (f < min && f != Float.NEGATIVE_INFINITY) {
                    min = f;
                }
                if (f > max && f != Float.POSITIVE_INFINITY) {
                    max = f;
                }
            }
        }
        return min > max ? null : new Range(min, max);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof BiasDataset other) || other.intervalWidth != intervalWidth
                || !other.keys.equals(keys) || !other.references.equals(references)) {
            return false;
        }
        for (int i = 0; i < values.size(); i++) {
            if (!java.util.Arrays.equals(values.get(i), other.values.get(i))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        return keys.hashCode();
    }
}
