package dev.biasinspector.model;

import java.io.IOException;

/**
 * The values of one stored tensor, read only when asked: opening a model reads its structure,
 * not its weights.
 */
@FunctionalInterface
public interface TensorData {

    /** Reads the tensor's elements in row-major order, converted to float. */
    float[] read() throws IOException;

    static TensorData of(float[] values) {
        float[] copy = values.clone();
        return copy::clone;
    }
}
