package dev.biasinspector.format.safetensors;

import dev.biasinspector.model.DType;

import java.util.Locale;

/**
 * The dtypes of the safetensors specification with their width in bits; {@code decodedAs} is the
 * element type the app converts from, or {@code UNKNOWN} for types whose values are not decoded
 * (complex, the micro-scaling and FNUZ float8s, 4- and 6-bit floats).
 */
enum SafetensorsDType {
    BOOL(8, DType.BOOL),
    U8(8, DType.UINT8),
    I8(8, DType.INT8),
    I16(16, DType.INT16),
    U16(16, DType.UINT16),
    F16(16, DType.FLOAT16),
    BF16(16, DType.BFLOAT16),
    I32(32, DType.INT32),
    U32(32, DType.UINT32),
    F32(32, DType.FLOAT32),
    F64(64, DType.FLOAT64),
    I64(64, DType.INT64),
    U64(64, DType.UINT64),
    C64(64, DType.UNKNOWN),
    F8_E5M2(8, DType.FLOAT8_E5M2),
    F8_E4M3(8, DType.FLOAT8_E4M3),
    F8_E8M0(8, DType.UNKNOWN),
    F8_E4M3FNUZ(8, DType.UNKNOWN),
    F8_E5M2FNUZ(8, DType.UNKNOWN),
    F4(4, DType.UNKNOWN),
    F6_E2M3(6, DType.UNKNOWN),
    F6_E3M2(6, DType.UNKNOWN);

    final int bits;
    final DType decodedAs;

    SafetensorsDType(int bits, DType decodedAs) {
        this.bits = bits;
        this.decodedAs = decodedAs;
    }

    /** The dtype named {@code name}, or null for a name the specification does not have. */
    static SafetensorsDType named(String name) {
        for (SafetensorsDType type : values()) {
            if (type.name().equals(name)) {
                return type;
            }
        }
        return null;
    }

    /** The name shown for types without a PyTorch name, e.g. {@code c64}. */
    String shownName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
