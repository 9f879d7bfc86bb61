package dev.biasinspector.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Where a vector holds NaN, +Inf and −Inf: each kind's count and its first {@value #LISTED}
 * indexes. Finding such values is a main reason to inspect a bias, so they are named by index
 * in the statistics, the chart and its tooltip, not only counted.
 *
 * @param nan      first indexes holding NaN, ascending
 * @param nanCount how many NaN in all
 */
public record NonFiniteValues(List<Integer> nan, int nanCount, List<Integer> positiveInfinity,
                              int positiveInfinityCount, List<Integer> negativeInfinity,
                              int negativeInfinityCount) {

    /** How many indexes of each kind are kept. */
    public static final int LISTED = 50;

    public NonFiniteValues {
        nan = List.copyOf(nan);
        positiveInfinity = List.copyOf(positiveInfinity);
        negativeInfinity = List.copyOf(negativeInfinity);
    }

    public static NonFiniteValues of(float[] values) {
        List<Integer> nan = new ArrayList<>();
        List<Integer> plus = new ArrayList<>();
        List<Integer> minus = new ArrayList<>();
        int[] counts = new int[3];
        for (int i = 0; i < values.length; i++) {
            float v = values[i];
            if (Float.isFinite(v)) {
                continue;
            }
            int kind = Float.isNaN(v) ? 0 : v > 0 ? 1 : 2;
            List<Integer> list = kind == 0 ? nan : kind == 1 ? plus : minus;
            if (counts[kind]++ < LISTED) {
                list.add(i);
            }
        }
        return new NonFiniteValues(nan, counts[0], plus, counts[1], minus, counts[2]);
    }

    public int total() {
        return nanCount + positiveInfinityCount + negativeInfinityCount;
    }

    public boolean isEmpty() {
        return total() == 0;
    }

    /**
     * "NaN at 3, 17; +Inf at 7", listing at most {@code limit} indexes per kind ("… (40 more)");
     * empty when every value is finite.
     */
    public String describe(int limit) {
        List<String> parts = new ArrayList<>();
        add(parts, "NaN", nan, nanCount, limit);
        add(parts, "+Inf", positiveInfinity, positiveInfinityCount, limit);
        add(parts, "\u2212Inf", negativeInfinity, negativeInfinityCount, limit);
        return String.join("; ", parts);
    }

    /** "2 NaN, 1 +Inf": the counts only, empty when every value is finite. */
    public String counts() {
        List<String> parts = new ArrayList<>();
        if (nanCount > 0) {
            parts.add(nanCount + " NaN");
        }
        if (positiveInfinityCount > 0) {
            parts.add(positiveInfinityCount + " +Inf");
        }
        if (negativeInfinityCount > 0) {
            parts.add(negativeInfinityCount + " \u2212Inf");
        }
        return String.join(", ", parts);
    }

    private static void add(List<String> parts, String name, List<Integer> indexes, int count, int limit) {
        if (count == 0) {
            return;
        }
        int shown = Math.min(limit, indexes.size());
        StringBuilder text = new StringBuilder(name).append(" at ");
        for (int i = 0; i < shown; i++) {
            text.append(i == 0 ? "" : ", ").append(indexes.get(i));
        }
        if (count > shown) {
            text.append(String.format(Locale.ROOT, " \u2026 (%d more)", count - shown));
        }
        parts.add(text.toString());
    }
}
