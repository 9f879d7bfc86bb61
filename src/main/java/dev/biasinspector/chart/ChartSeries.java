package dev.biasinspector.chart;

import java.util.Arrays;
import java.util.Objects;

/**
 * One series of a chart: a name for the legend ({@code fc1}, {@code simple_net_trained.pt}) and
 * its values, plotted at indices 0, 1, 2, ...
 *
 * @param label  legend entry and tooltip prefix
 * @param values the values; copied, so later changes to the caller's array do not show
 */
public record ChartSeries(String label, float[] values) {

    public ChartSeries {
        Objects.requireNonNull(label);
        values = values.clone();
    }

    @Override
    public float[] values() {
        return values.clone();
    }

    /** The values without a copy, for this package's read-only use (a 10^6-value bias is 4 MB a copy). */
    float[] shared() {
        return values;
    }

    public int size() {
        return values.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ChartSeries s && label.equals(s.label) && Arrays.equals(values, s.values);
    }

    @Override
    public int hashCode() {
        return label.hashCode() * 31 + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return label + " (" + values.length + " values)";
    }
}
