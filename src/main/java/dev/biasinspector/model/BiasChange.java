package dev.biasinspector.model;

/**
 * How one bias differs between two files of the same architecture ("before" → "after").
 * Sums are taken in double from the stored float values.
 */
public record BiasChange(BiasVector before, BiasVector after, double maxAbsChange, double l2Change,
                         double l2Before, double l2After) {

    public static BiasChange between(BiasVector before, BiasVector after) {
        float[] a = before.values();
        float[] b = after.values();
        if (a.length != b.length) {
            throw new IllegalArgumentException(before.name() + ": " + a.length + " values before, " + b.length + " after");
        }
        double max = 0;
        double sumSquares = 0;
        for (int i = 0; i < a.length; i++) {
            double d = (double) b[i] - (double) a[i];
            max = Math.max(max, Math.abs(d));
            sumSquares += d * d;
        }
        return new BiasChange(before, after, max, Math.sqrt(sumSquares), l2(a), l2(b));
    }

    public String name() {
        return before.name();
    }

    public int size() {
        return before.size();
    }

    /** L2 of the change relative to the L2 of "before"; infinite when a zero bias moved. */
    public double relativeChange() {
        if (l2Before == 0) {
            return l2Change == 0 ? 0 : Double.POSITIVE_INFINITY;
        }
        return l2Change / l2Before;
    }

    /** after − before, element by element. */
    public BiasVector delta() {
        float[] a = before.values();
        float[] b = after.values();
        float[] d = new float[a.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = b[i] - a[i];
        }
        return new BiasVector(before.name(), before.module(), before.type(), before.shape(), DType.FLOAT32, d);
    }

    private static double l2(float[] values) {
        double sum = 0;
        for (float v : values) {
            sum += (double) v * v;
        }
        return Math.sqrt(sum);
    }
}
