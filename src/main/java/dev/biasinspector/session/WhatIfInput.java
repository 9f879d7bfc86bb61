package dev.biasinspector.session;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Reads what the user typed in the what-if dialog: an input shape ({@code 1, 3, 224, 224},
 * {@code 1x10}, {@code [1, 10]}), an amount, a seed or the input values themselves. Mistakes
 * become one sentence saying what to type instead ({@link IllegalArgumentException#getMessage()}).
 */
public final class WhatIfInput {

    /** Above this many input values the typed or generated input is refused (200 MB of floats). */
    static final long MAX_VALUES = 50_000_000;

    private WhatIfInput() {
    }

    public static long[] parseShape(String text) {
        List<String> parts = tokens(text.replaceAll("[\\[\\]()]", " ").replaceAll("[x\u00d7X]", " "));
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("Type the input shape as whole numbers separated by commas, e.g. 1, 10.");
        }
        long[] shape = new long[parts.size()];
        long count = 1;
        for (int i = 0; i < shape.length; i++) {
            try {
                shape[i] = Long.parseLong(parts.get(i));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("\u201c" + parts.get(i) + "\u201d is not a whole number; type the "
                        + "input shape like 1, 10 or 1, 3, 224, 224.");
            }
            if (shape[i] <= 0) {
                throw new IllegalArgumentException("Every dimension of the input shape must be at least 1.");
            }
            if (count > MAX_VALUES / shape[i]) {
                throw new IllegalArgumentException("An input of shape " + describe(shape, i + 1)
                        + " is too large for a what-if run.");
            }
            count *= shape[i];
        }
        return shape;
    }

    /** The values of an input of {@code shape}, typed row by row. */
    public static float[] parseValues(String text, long[] shape) {
        List<String> parts = tokens(text.replaceAll("[\\[\\]()]", " "));
        long needed = count(shape);
        if (parts.size() != needed) {
            throw new IllegalArgumentException("The shape " + describe(shape, shape.length) + " needs " + needed
                    + (needed == 1 ? " value" : " values") + "; " + parts.size() + " typed.");
        }
        float[] values = new float[parts.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = number(parts.get(i), "input value " + (i + 1));
        }
        return values;
    }

    public static double parseAmount(String text) {
        List<String> parts = tokens(text);
        if (parts.size() != 1) {
            throw new IllegalArgumentException("Type the amount as one number, e.g. 0.5.");
        }
        return number(parts.get(0), "the amount");
    }

    public static long parseSeed(String text) {
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Type the seed as a whole number, e.g. 1234.");
        }
    }

    /** "1 × 3 × 224 × 224" */
    public static String describe(long[] shape) {
        return describe(shape, shape.length);
    }

    public static String format(long[] shape) {
        return Arrays.stream(shape).mapToObj(Long::toString).collect(Collectors.joining(", "));
    }

    private static String describe(long[] shape, int length) {
        return Arrays.stream(shape, 0, length).mapToObj(Long::toString).collect(Collectors.joining(" \u00d7 "));
    }

    private static long count(long[] shape) {
        long count = 1;
        for (long d : shape) {
            count *= d;
        }
        return count;
    }

    private static float number(String token, String what) {
        try {
            float value = Float.parseFloat(token);
            if (!Float.isFinite(value)) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("\u201c" + token + "\u201d is not a number (" + what + ").");
        }
    }

    private static List<String> tokens(String text) {
        List<String> parts = new ArrayList<>();
        for (String part : text.strip().split("[,;\\s]+")) {
            if (!part.isEmpty()) {
                parts.add(part);
            }
        }
        return parts;
    }
}
