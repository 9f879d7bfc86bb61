package dev.biasinspector.format.gguf;

import java.util.Locale;

/**
 * ggml's tensor types as GGUF stores them (ggml.h {@code enum ggml_type}; block sizes from
 * ggml-common.h): elements per block and bytes per block. Values are decoded for F32, F16, BF16,
 * F64, the integer types and the Q8_0, Q4_0 and Q4_1 blocks; for the others the size is still
 * known, so the file's layout can be checked and the tensor listed.
 */
enum GgmlType {
    F32(0, 1, 4, true),
    F16(1, 1, 2, true),
    Q4_0(2, 32, 18, true),
    Q4_1(3, 32, 20, true),
    Q5_0(6, 32, 22, false),
    Q5_1(7, 32, 24, false),
    Q8_0(8, 32, 34, true),
    Q8_1(9, 32, 36, false),
    Q2_K(10, 256, 84, false),
    Q3_K(11, 256, 110, false),
    Q4_K(12, 256, 144, false),
    Q5_K(13, 256, 176, false),
    Q6_K(14, 256, 210, false),
    Q8_K(15, 256, 292, false),
    IQ2_XXS(16, 256, 66, false),
    IQ2_XS(17, 256, 74, false),
    IQ3_XXS(18, 256, 98, false),
    IQ1_S(19, 256, 50, false),
    IQ4_NL(20, 32, 18, false),
    IQ3_S(21, 256, 110, false),
    IQ2_S(22, 256, 82, false),
    IQ4_XS(23, 256, 136, false),
    I8(24, 1, 1, true),
    I16(25, 1, 2, true),
    I32(26, 1, 4, true),
    I64(27, 1, 8, true),
    F64(28, 1, 8, true),
    IQ1_M(29, 256, 56, false),
    BF16(30, 1, 2, true),
    TQ1_0(34, 256, 54, false),
    TQ2_0(35, 256, 66, false),
    MXFP4(39, 32, 17, false);

    final int id;
    final int blockSize;
    final int blockBytes;
    final boolean decoded;

    GgmlType(int id, int blockSize, int blockBytes, boolean decoded) {
        this.id = id;
        this.blockSize = blockSize;
        this.blockBytes = blockBytes;
        this.decoded = decoded;
    }

    /** The type with ggml's number {@code id}, or null for one this app does not know. */
    static GgmlType of(long id) {
        for (GgmlType type : values()) {
            if (type.id == id) {
                return type;
            }
        }
        return null;
    }

    /** Lower-case name as shown beside a tensor, e.g. {@code q4_k}. */
    String shownName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Bytes of {@code elements} elements (a whole number of blocks); checked arithmetic. */
    long bytesFor(long elements) {
        return Math.multiplyExact(elements / blockSize, (long) blockBytes);
    }
}
