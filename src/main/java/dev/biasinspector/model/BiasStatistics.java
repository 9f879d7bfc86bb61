package dev.biasinspector.model;

/**
 * Summary numbers shown under the chart. NaN and infinite values are counted and listed by index
 * ({@link #nonFinite}), and left out of min, max, mean, std and the L2 norm so one bad value does
 * not hide the rest.
 */
public record BiasStatistics(int count, double min, double max, double mean, double std, double l2Norm,
                             int zeros, int nanCount, int infCount, NonFiniteValues nonFinite) {

    public static BiasStatistics of(float[] values) {
        int finite = 0;
        int zeros = 0;
        int nan = 0;
        int inf = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        double sum = 0;
        double sumSquares = 0;
        for (float v : values) {
            if (Float.isNaN(v)) {
                nan++;
                continue;
            }
            if (Float.isInfinite(v)) {
                inf++;
                continue;
            }
            finite++;
            if (v == 0f) {
                zeros++;
            }
            min = Math.min(min, v);
            max = Math.max(max, v);
            sum += v;
            sumSquares += (double) v * v;
        }
        if (finite == 0) {
            return new BiasStatistics(values.length, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                    zeros, nan, inf, NonFiniteValues.of(values));
        }
        double mean = sum / finite;
        double variance = 0;
        for (float v : values) {
            if (Float.isFinite(v)) {
                variance += (v - mean) * (v - mean);
            }
        }
        // Population standard deviation, as numpy's default and torch.std(unbiased=False).
        double std = Math.sqrt(variance / finite);
        return new BiasStatistics(values.length, min, max, mean, std, Math.sqrt(sumSquares), zeros, nan, inf,
                nan + inf == 0 ? NonFiniteValues.of(new float[0]) : NonFiniteValues.of(values));
    }
}
