package dev.biasinspector.format.djl;

import dev.biasinspector.format.ModelFormatException;
import dev.biasinspector.model.DType;

import java.nio.ByteBuffer;

/** Converts raw tensor bytes of any supported element type to float, exactly where float can hold the value. */
final class TensorDecoder {

    private TensorDecoder() {
    }

    /**
     * Decodes {@code count} elements starting at the buffer's position; the buffer's byte order is
     * the order of the stored data.
     */
    static float[] decode(ByteBuffer bytes, DType dtype, int count) throws ModelFormatException {
        if (dtype.itemSize() == 0 || dtype == DType.QINT8 || dtype == DType.QUINT8 || dtype == DType.QINT32) {
            throw new ModelFormatException("values of type " + dtype.pythonName() + " cannot be shown");
        }
        if ((long) count * dtype.itemSize() > bytes.remaining()) {
            throw new ModelFormatException(BinaryCursor.TRUNCATED);
        }
        float[] out = new float[count];
        int p = bytes.position();
        for (int i = 0; i < count; i++) {
            out[i] = switch (dtype) {
                case FLOAT32 -> bytes.getFloat(p + 4 * i);
                case FLOAT64 -> (float) bytes.getDouble(p + 8 * i);
                case FLOAT16 -> halfToFloat(bytes.getShort(p + 2 * i));
                // bfloat16 is the upper half of a float32.
                case BFLOAT16 -> Float.intBitsToFloat((bytes.getShort(p + 2 * i) & 0xFFFF) << 16);
                case INT8 -> bytes.get(p + i);
                case UINT8 -> bytes.get(p + i) & 0xFF;
                case BOOL -> bytes.get(p + i) != 0 ? 1f : 0f;
                case INT16 -> bytes.getShort(p + 2 * i);
                case INT32 -> bytes.getInt(p + 4 * i);
                case INT64 -> (float) bytes.getLong(p + 8 * i);
                default -> throw new ModelFormatException("values of type " + dtype.pythonName() + " cannot be shown");
            };
        }
        return out;
    }

    /** IEEE 754 binary16 to binary32; every half value is exactly representable as a float. */
    static float halfToFloat(short half) {
        int bits = half & 0xFFFF;
        int sign = (bits & 0x8000) << 16;
        int exponent = (bits >>> 10) & 0x1F;
        int mantissa = bits & 0x3FF;
        if (exponent == 0x1F) {
            return Float.intBitsToFloat(sign | 0x7F80_0000 | (mantissa << 13));
        }
        if (exponent == 0) {
            // zero or subnormal: mantissa × 2^-24, exact in float
            float magnitude = mantissa * 0x1p-24f;
            return sign == 0 ? magnitude : -magnitude;
        }
        return Float.intBitsToFloat(sign | ((exponent + 112) << 23) | (mantissa << 13));
    }
}
