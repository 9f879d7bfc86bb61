package dev.biasinspector.model;

import java.util.Locale;

/**
 * A change to one bias, made in memory only: scale it, shift it, or set it to zero.
 *
 * @param kind   what to do
 * @param amount the factor for {@link Kind#SCALE}, the offset for {@link Kind#SHIFT}; ignored for zero
 */
public record BiasEdit(Kind kind, double amount) {

    public enum Kind { SCALE, SHIFT, ZERO }

    public static BiasEdit zero() {
        return new BiasEdit(Kind.ZERO, 0);
    }

    public static BiasEdit scale(double factor) {
        return new BiasEdit(Kind.SCALE, factor);
    }

    public static BiasEdit shift(double offset) {
        return new BiasEdit(Kind.SHIFT, offset);
    }

    /** The edited values, computed in float as libtorch would. */
    public float[] apply(float[] values) {
        float[] out = new float[values.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = switch (kind) {
                case ZERO -> 0f;
                case SCALE -> values[i] * (float) amount;
                case SHIFT -> values[i] + (float) amount;
            };
        }
        return out;
    }

    @Override
    public String toString() {
        return switch (kind) {
            case ZERO -> "set to zero";
            case SCALE -> String.format(Locale.ROOT, "scaled by %s", amount);
            case SHIFT -> String.format(Locale.ROOT, "shifted by %s", amount);
        };
    }
}
