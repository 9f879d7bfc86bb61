package dev.biasinspector.model;

import java.util.Random;

/** The fixed random input a what-if run feeds the model: standard normal values from a fixed seed. */
public final class SeededInput {

    public static final long DEFAULT_SEED = 1234;

    private SeededInput() {
    }

    public static float[] normal(long[] shape, long seed) {
        long count = 1;
        for (long d : shape) {
            if (d <= 0) {
                throw new IllegalArgumentException("input dimensions must be positive");
            }
            count = Math.multiplyExact(count, d);
        }
        if (count > 50_000_000) {
            throw new IllegalArgumentException("input too large (" + count + " values)");
        }
        Random random = new Random(seed);
        float[] values = new float[(int) count];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) random.nextGaussian();
        }
        return values;
    }

    /**
     * The input shape to suggest for a model: {@code [1, in_features]} when its first layer with
     * a weight is Linear, or empty when it starts otherwise (the user types one, e.g.
     * {@code 1,3,224,224} for a conv net).
     */
    public static java.util.Optional<long[]> suggestedShape(LoadedModel model) {
        java.util.List<ModuleNode> first = new java.util.ArrayList<>();
        model.root().walk(m -> {
            if (first.isEmpty() && m.parameters().stream().anyMatch(p -> p.localName().equals("weight"))) {
                first.add(m);
            }
        });
        return first.stream().filter(ModuleNode::isLinear).findFirst().flatMap(m -> m.parameters().stream()
                .filter(p -> p.localName().equals("weight") && p.shape().length == 2)
                .findFirst().map(p -> new long[]{1, p.shape()[1]}));
    }
}
