package dev.biasinspector.format.gguf;

import dev.biasinspector.format.ElementDecoder;
import dev.biasinspector.format.ModelFormatException;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Converts GGUF tensor bytes to floats as ggml's {@code dequantize_row_*} does (ggml-quants.c), in
 * float arithmetic with the same order of operations: Q8_0 {@code y = q·d}; Q4_0
 * {@code y = (nibble − 8)·d}; Q4_1 {@code y = nibble·d + m}, where the low nibbles of a block's 16
 * bytes are elements 0–15 and the high nibbles elements 16–31.
 */
final class GgufDequantizer {

    private GgufDequantizer() {
    }

    static float[] decode(byte[] data, GgmlType type, int count) throws ModelFormatException {
        ByteBuffer in = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
        float[] out = new float[count];
        switch (type) {
            case F32 -> fill(out, i -> in.getFloat(4 * i));
            case F16 -> fill(out, i -> ElementDecoder.halfToFloat(in.getShort(2 * i)));
            case BF16 -> fill(out, i -> Float.intBitsToFloat((in.getShort(2 * i) & 0xFFFF) << 16));
            case F64 -> fill(out, i -> (float) in.getDouble(8 * i));
            case I8 -> fill(out, i -> in.get(i));
            case I16 -> fill(out, i -> in.getShort(2 * i));
            case I32 -> fill(out, i -> in.getInt(4 * i));
            case I64 -> fill(out, i -> in.getLong(8 * i));
            case Q8_0 -> q8_0(in, out);
            case Q4_0 -> q4(in, out, false);
            case Q4_1 -> q4(in, out, true);
            default -> throw new ModelFormatException("values of type " + type.name() + " are not decoded");
        }
        return out;
    }

    private interface Element {
        float at(int index);
    }

    private static void fill(float[] out, Element element) {
        for (int i = 0; i < out.length; i++) {
            out[i] = element.at(i);
        }
    }

    private static void q8_0(ByteBuffer in, float[] out) {
        for (int block = 0; block * 32 < out.length; block++) {
            int base = block * 34;
            float d = ElementDecoder.halfToFloat(in.getShort(base));
            for (int j = 0; j < 32; j++) {
                out[block * 32 + j] = in.get(base + 2 + j) * d;
            }
        }
    }

    private static void q4(ByteBuffer in, float[] out, boolean withMinimum) {
        int blockBytes = withMinimum ? 20 : 18;
        int quants = withMinimum ? 4 : 2;
        for (int block = 0; block * 32 < out.length; block++) {
            int base = block * blockBytes;
            float d = ElementDecoder.halfToFloat(in.getShort(base));
            float m = withMinimum ? ElementDecoder.halfToFloat(in.getShort(base + 2)) : 0f;
            for (int j = 0; j < 16; j++) {
                int q = in.get(base + quants + j) & 0xFF;
                if (withMinimum) {
                    out[block * 32 + j] = (q & 0x0F) * d + m;
                    out[block * 32 + j + 16] = (q >>> 4) * d + m;
                } else {
                    out[block * 32 + j] = ((q & 0x0F) - 8) * d;
                    out[block * 32 + j + 16] = ((q >>> 4) - 8) * d;
                }
            }
        }
    }
}
