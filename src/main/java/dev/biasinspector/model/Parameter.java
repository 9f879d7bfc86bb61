package dev.biasinspector.model;

import java.util.Arrays;

/**
 * One named tensor of a module, e.g. {@code fc1.bias}.
 *
 * @param name      full dotted name as PyTorch's {@code named_parameters()} gives it
 * @param localName last part of the name ({@code bias}, {@code bias_ih_l0}, {@code in_proj_bias})
 * @param shape     dimensions, outermost first
 * @param dtype     element type as stored in the file
 * @param data      lazy access to the values
 * @param typeName  the element type as the file names it, shown where {@code dtype} is
 *                  {@link DType#UNKNOWN} (GGUF's {@code q4_k}, safetensors' {@code c64}); may be null
 */
public record Parameter(String name, String localName, long[] shape, DType dtype, TensorData data, String typeName) {

    public Parameter {
        shape = shape.clone();
    }

    public Parameter(String name, String localName, long[] shape, DType dtype, TensorData data) {
        this(name, localName, shape, dtype, data, null);
    }

    /** The element type to show: PyTorch's name, or the file's own for types without one. */
    public String dtypeName() {
        return dtype == DType.UNKNOWN && typeName != null ? typeName : dtype.pythonName();
    }

    /** A bias is any parameter whose last name part starts with {@code bias} or ends with {@code _bias}. */
    public boolean isBias() {
        return isBiasName(localName);
    }

    public static boolean isBiasName(String localName) {
        return localName.startsWith("bias") || localName.endsWith("_bias");
    }

    @Override
    public long[] shape() {
        return shape.clone();
    }

    public long elementCount() {
        long n = 1;
        for (long d : shape) {
            n = Math.multiplyExact(n, d);
        }
        return n;
    }

    @Override
    public String toString() {
        return name + " " + Arrays.toString(shape) + " " + dtypeName();
    }
}
