package dev.biasinspector.model;

import java.util.Arrays;

/**
 * The values of one bias, flattened in row-major order and converted to float.
 *
 * @param name   parameter name, e.g. {@code fc1.bias}
 * @param module owning module's path, e.g. {@code fc1}
 * @param type   owning module's class name, e.g. {@code Linear}
 * @param shape  stored shape
 * @param dtype  stored element type (values are converted from it)
 * @param values the elements
 */
public record BiasVector(String name, String module, String type, long[] shape, DType dtype, float[] values) {

    public BiasVector {
        shape = shape.clone();
        values = values.clone();
    }

    @Override
    public long[] shape() {
        return shape.clone();
    }

    @Override
    public float[] values() {
        return values.clone();
    }

    public int size() {
        return values.length;
    }

    public float get(int index) {
        return values[index];
    }

    public BiasStatistics statistics() {
        return BiasStatistics.of(values);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BiasVector b && name.equals(b.name) && module.equals(b.module)
                && type.equals(b.type) && Arrays.equals(shape, b.shape) && dtype == b.dtype
                && Arrays.equals(values, b.values);
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return name + Arrays.toString(shape) + " " + dtype.pythonName();
    }
}
