package dev.biasinspector.model;

import java.util.Locale;

/** Element type of a stored tensor, named as PyTorch prints it ({@code torch.float32} → "float32"). */
public enum DType {
    FLOAT32("float32", 4, true),
    FLOAT16("float16", 2, true),
    BFLOAT16("bfloat16", 2, true),
    FLOAT64("float64", 8, true),
    INT8("int8", 1, false),
    UINT8("uint8", 1, false),
    INT16("int16", 2, false),
    INT32("int32", 4, false),
    INT64("int64", 8, false),
    UINT16("uint16", 2, false),
    UINT32("uint32", 4, false),
    UINT64("uint64", 8, false),
    /** 8-bit float, 4 exponent and 3 mantissa bits, no infinities (PyTorch's float8_e4m3fn, safetensors' F8_E4M3). */
    FLOAT8_E4M3("float8_e4m3fn", 1, true),
    /** 8-bit float, 5 exponent and 2 mantissa bits: the upper byte of a float16. */
    FLOAT8_E5M2("float8_e5m2", 1, true),
    BOOL("bool", 1, false),
    QINT8("qint8", 1, false),
    QUINT8("quint8", 1, false),
    QINT32("qint32", 4, false),
    UNKNOWN("unknown", 0, false);

    private final String pythonName;
    private final int itemSize;
    private final boolean floating;

    DType(String pythonName, int itemSize, boolean floating) {
        this.pythonName = pythonName;
        this.itemSize = itemSize;
        this.floating = floating;
    }

    /** The name PyTorch uses, e.g. {@code float32}. */
    public String pythonName() {
        return pythonName;
    }

    /** Bytes per element; 0 when unknown. */
    public int itemSize() {
        return itemSize;
    }

    public boolean isFloating() {
        return floating;
    }

    /** Maps a PyTorch storage class such as {@code FloatStorage} or {@code HalfStorage}. */
    public static DType fromStorageClass(String storageClass) {
        return switch (storageClass) {
            case "FloatStorage" -> FLOAT32;
            case "HalfStorage" -> FLOAT16;
            case "BFloat16Storage" -> BFLOAT16;
            case "DoubleStorage" -> FLOAT64;
            case "CharStorage" -> INT8;
            case "ByteStorage" -> UINT8;
            case "ShortStorage" -> INT16;
            case "IntStorage" -> INT32;
            case "LongStorage" -> INT64;
            case "BoolStorage" -> BOOL;
            case "QInt8Storage" -> QINT8;
            case "QUInt8Storage" -> QUINT8;
            case "QInt32Storage" -> QINT32;
            default -> UNKNOWN;
        };
    }

    /** Maps a DJL {@code DataType} name such as {@code FLOAT32}. */
    public static DType fromDjlName(String name) {
        return switch (name.toUpperCase(Locale.ROOT)) {
            case "FLOAT32" -> FLOAT32;
            case "FLOAT16" -> FLOAT16;
            case "BFLOAT16" -> BFLOAT16;
            case "FLOAT64" -> FLOAT64;
            case "INT8" -> INT8;
            case "UINT8" -> UINT8;
            case "INT16" -> INT16;
            case "INT32" -> INT32;
            case "INT64" -> INT64;
            case "BOOLEAN" -> BOOL;
            default -> UNKNOWN;
        };
    }
}
