package dev.biasinspector.format.onnx;

import dev.biasinspector.model.DType;

/**
 * {@code TensorProto.DataType} as numbered in onnx.proto, with how this app shows each one. Types
 * without a {@link DType} of their own are listed with their ONNX name; their values are not decoded.
 */
enum OnnxDataType {
    UNDEFINED(0, DType.UNKNOWN, 0),
    FLOAT(1, DType.FLOAT32, 4),
    UINT8(2, DType.UINT8, 1),
    INT8(3, DType.INT8, 1),
    UINT16(4, DType.UINT16, 2),
    INT16(5, DType.INT16, 2),
    INT32(6, DType.INT32, 4),
    INT64(7, DType.INT64, 8),
    STRING(8, DType.UNKNOWN, 0),
    BOOL(9, DType.BOOL, 1),
    FLOAT16(10, DType.FLOAT16, 2),
    DOUBLE(11, DType.FLOAT64, 8),
    UINT32(12, DType.UINT32, 4),
    UINT64(13, DType.UINT64, 8),
    COMPLEX64(14, DType.UNKNOWN, 8),
    COMPLEX128(15, DType.UNKNOWN, 16),
    BFLOAT16(16, DType.BFLOAT16, 2);

    private final int number;
    private final DType dtype;
    private final int itemSize;

    OnnxDataType(int number, DType dtype, int itemSize) {
        this.number = number;
        this.dtype = dtype;
        this.itemSize = itemSize;
    }

    /** The app's element type; {@link DType#UNKNOWN} when the values are not decoded. */
    DType dtype() {
        return dtype;
    }

    /** Bytes per element in {@code raw_data}; 0 for STRING and UNDEFINED. */
    int itemSize() {
        return itemSize;
    }

    boolean decoded() {
        return dtype != DType.UNKNOWN;
    }

    /** The name onnx.proto gives {@code number}, e.g. {@code FLOAT8E4M3FN (17)} for types newer than 1.12. */
    static String nameOf(int number) {
        for (OnnxDataType type : values()) {
            if (type.number == number) {
                return type.name();
            }
        }
        return switch (number) {
            case 17 -> "FLOAT8E4M3FN";
            case 18 -> "FLOAT8E4M3FNUZ";
            case 19 -> "FLOAT8E5M2";
            case 20 -> "FLOAT8E5M2FNUZ";
            case 21 -> "UINT4";
            case 22 -> "INT4";
            default -> "data type " + number;
        };
    }

    static OnnxDataType of(int number) {
        for (OnnxDataType type : values()) {
            if (type.number == number) {
                return type;
            }
        }
        return null;
    }
}
