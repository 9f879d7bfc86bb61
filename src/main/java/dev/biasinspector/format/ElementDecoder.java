package dev.biasinspector.format;

import dev.biasinspector.model.DType;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Converts stored tensor elements of any supported dtype to float. */
public final class ElementDecoder {

    private ElementDecoder() {
    }

    /** Decodes the element at {@code byteOffset} of {@code buffer} (whose byte order is already set). */
    public static float decode(ByteBuffer buffer, int byteOffset, DType dtype) {
        return switch (dtype) {
            case FLOAT32 -> buffer.getFloat(byteOffset);
            case FLOAT64 -> (float) buffer.getDouble(byteOffset);
            case FLOAT16 -> halfToFloat(buffer.getShort(byteOffset));
            case BFLOAT16 -> Float.intBitsToFloat((buffer.getShort(byteOffset) & 0xFFFF) << 16);
            case INT8, QINT8 -> buffer.get(byteOffset);
            case UINT8, QUINT8, BOOL -> buffer.get(byteOffset) & 0xFF;
            case INT16 -> buffer.getShort(byteOffset);
            case INT32, QINT32 -> buffer.getInt(byteOffset);
            case INT64 -> buffer.getLong(byteOffset);
            case UINT16 -> buffer.getShort(byteOffset) & 0xFFFF;
            case UINT32 -> buffer.getInt(byteOffset) & 0xFFFFFFFFL;
            case UINT64 -> unsignedToFloat(buffer.getLong(byteOffset));
            case FLOAT8_E4M3 -> e4m3ToFloat(buffer.get(byteOffset));
            case FLOAT8_E5M2 -> halfToFloat((short) ((buffer.get(byteOffset) & 0xFF) << 8));
            case UNKNOWN -> throw new IllegalArgumentException("unknown element type");
        };
    }

    /** Decodes {@code count} contiguous elements. */
    public static float[] decodeAll(byte[] bytes, DType dtype, ByteOrder order, int count) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes).order(order);
        float[] out = new float[count];
        for (int i = 0; i < count; i++) {
            out[i] = decode(buffer, i * dtype.itemSize(), dtype);
        }
        return out;
    }

    private static float unsignedToFloat(long value) {
        return value >= 0 ? value : Float.parseFloat(Long.toUnsignedString(value));
    }

    /**
     * float8 e4m3fn (OCP FP8, PyTorch's {@code float8_e4m3fn}): exponent bias 7, no infinities,
     * only S.1111.111 is NaN; exponent 0 is subnormal (mantissa / 8 × 2^-6). Exact in float.
     */
    public static float e4m3ToFloat(byte value) {
        int b = value & 0xFF;
        boolean negative = (b & 0x80) != 0;
        int exponent = (b >>> 3) & 0xF;
        int mantissa = b & 0x7;
        float magnitude;
        if (exponent == 0xF && mantissa == 0x7) {
            return Float.NaN;
        } else if (exponent == 0) {
            magnitude = mantissa * 0x1p-9f;
        } else {
            magnitude = Math.scalb(1 + mantissa / 8f, exponent - 7);
        }
        return negative ? -magnitude : magnitude;
    }

    /** IEEE 754 binary16 → binary32, exact for every value including subnormals, infinities and NaN. */
    public static float halfToFloat(short half) {
        int h = half & 0xFFFF;
        int sign = (h >>> 15) << 31;
        int exponent = (h >>> 10) & 0x1F;
        int mantissa = h & 0x3FF;
        if (exponent == 0x1F) {
            return Float.intBitsToFloat(sign | 0x7F800000 | (mantissa << 13));
        }
        if (exponent == 0) {
            if (mantissa == 0) {
                return Float.intBitsToFloat(sign);
            }
            // Subnormal half: value = mantissa * 2^-24, exactly representable as a float.
            float magnitude = mantissa * 0x1p-24f;
            return sign == 0 ? magnitude : -magnitude;
        }
        return Float.intBitsToFloat(sign | ((exponent + 112) << 23) | (mantissa << 13));
    }
}
