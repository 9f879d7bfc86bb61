package dev.biasinspector.model;

/**
 * The model's output for one input, with the bias as stored and with it edited.
 *
 * @param biasName   the edited bias
 * @param edit       what was done to it
 * @param inputShape shape of the input fed to the model
 * @param input      the input values (row-major)
 * @param outputShape shape of the model's (first) output
 * @param before     the first output, flattened, with the stored bias
 * @param after      the same output with the edited bias
 */
public record WhatIfResult(String biasName, BiasEdit edit, long[] inputShape, float[] input,
                           long[] outputShape, float[] before, float[] after) {

    /** For a classifier-shaped output ({@code [C]} or {@code [N, C]}), each row's top class before and after. */
    public java.util.Optional<TopClasses> topClasses() {
        return TopClasses.of(outputShape, before, after);
    }

    /** after − before, element by element. */
    public float[] change() {
        float[] d = new float[before.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = after[i] - before[i];
        }
        return d;
    }

    public double maxAbsChange() {
        double max = 0;
        for (float v : change()) {
            max = Math.max(max, Math.abs(v));
        }
        return max;
    }
}
