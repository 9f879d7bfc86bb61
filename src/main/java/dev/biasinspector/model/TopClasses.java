package dev.biasinspector.model;

import java.util.Optional;

/**
 * The top class (arg max) of each row of a classifier-shaped output, before and after a what-if
 * change: whether editing a bias changes what the model predicts is the question a user asks first.
 * An output is classifier-shaped when it is {@code [C]} or {@code [N, C]} with at least two classes.
 * As {@code torch.argmax} does, a NaN counts as the largest value, and ties go to the first index.
 *
 * @param classes how many classes (the last dimension)
 * @param before  the top class of each row with the stored bias
 * @param after   the same with the edited bias
 */
public record TopClasses(int classes, int[] before, int[] after) {

    /** Empty unless {@code outputShape} is {@code [C]} or {@code [N, C]} with C >= 2 and matches the values. */
    public static Optional<TopClasses> of(long[] outputShape, float[] before, float[] after) {
        if (outputShape == null || outputShape.length < 1 || outputShape.length > 2) {
            return Optional.empty();
        }
        long classes = outputShape[outputShape.length - 1];
        long rows = outputShape.length == 2 ? outputShape[0] : 1;
        if (classes < 2 || rows < 1 || rows * classes != before.length || before.length != after.length) {
            return Optional.empty();
        }
        int c = (int) classes;
        int n = (int) rows;
        return Optional.of(new TopClasses(c, argMaxRows(before, n, c), argMaxRows(after, n, c)));
    }

    /** How many rows predict another class after the change. */
    public int changedRows() {
        int changed = 0;
        for (int i = 0; i < before.length; i++) {
            if (before[i] != after[i]) {
                changed++;
            }
        }
        return changed;
    }

    /**
     * "top class 3 → 7, changed", "top class 3, unchanged", or for a batch "top class changed in
     * 2 of 8 rows".
     */
    public String sentence() {
        if (before.length == 1) {
            return before[0] == after[0] ? "top class " + before[0] + ", unchanged"
                    : "top class " + before[0] + " \u2192 " + after[0] + ", changed";
        }
        return "top class changed in " + changedRows() + " of " + before.length + " rows";
    }

    private static int[] argMaxRows(float[] values, int rows, int classes) {
        int[] top = new int[rows];
        for (int r = 0; r < rows; r++) {
            int offset = r * classes;
            int best = 0;
            for (int k = 1; k < classes; k++) {
                float current = values[offset + best];
                float v = values[offset + k];
                if (Float.isNaN(current)) {
                    break;
                }
                if (Float.isNaN(v) || v > current) {
                    best = k;
                }
            }
            top[r] = best;
        }
        return top;
    }
}
