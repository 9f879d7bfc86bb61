package dev.biasinspector.format;

/**
 * Whether a file's first bytes can start an ONNX {@code ModelProto}: protobuf fields with the
 * numbers and wire types onnx.proto gives them (ir_version = 1 varint, producer_name = 2,
 * producer_version = 3, domain = 4 strings, model_version = 5 varint, doc_string = 6,
 * graph = 7, opset_import = 8, metadata_props = 14, training_info = 20, functions = 25,
 * configuration = 26), each length within the file. A sanity check, not a parse.
 */
final class OnnxSignature {

    private static final int VARINT = 0;
    private static final int LENGTH_DELIMITED = 2;

    private OnnxSignature() {
    }

    /**
     * The first fields (as many as the head holds, at least one) have ModelProto's numbers and types.
     * Lengths are not held against the file here: a {@code .onnx} cut short still starts like one,
     * and the ONNX reader then says that it is truncated.
     */
    static boolean looksLikeModelProto(byte[] head, long fileSize) {
        return fieldsValid(head, Long.MAX_VALUE) >= 1;
    }

    /**
     * For files without the {@code .onnx} extension: starts with {@code ir_version} (1–20) and
     * the next field is valid too.
     */
    static boolean looksLikeModelProtoStrictly(byte[] head, long fileSize) {
        return head.length >= 4 && head[0] == 0x08 && head[1] >= 1 && head[1] <= 20 && fieldsValid(head, fileSize) >= 2;
    }

    /** How many fields at the start are valid ModelProto fields; 0 if the first is not. */
    private static int fieldsValid(byte[] head, long fileSize) {
        int pos = 0;
        int valid = 0;
        while (pos < head.length) {
            long[] tag = varint(head, pos);
            if (tag == null) {
                return valid;
            }
            int field = (int) (tag[0] >>> 3);
            int wireType = (int) (tag[0] & 7);
            if (!expected(field, wireType)) {
                return valid;
            }
            pos = (int) tag[1];
            long[] value = varint(head, pos);
            if (value == null) {
                return valid;
            }
            if (wireType == LENGTH_DELIMITED) {
                long end = value[1] + value[0];
                if (value[0] < 0 || end > fileSize) {
                    return 0;
                }
                if (end > head.length) {
                    return valid + 1;
                }
                pos = (int) end;
            } else {
                pos = (int) value[1];
            }
            valid++;
        }
        return valid;
    }

    private static boolean expected(int field, int wireType) {
        return switch (field) {
            case 1, 5 -> wireType == VARINT;
            case 2, 3, 4, 6, 7, 8, 14, 20, 25, 26 -> wireType == LENGTH_DELIMITED;
            default -> false;
        };
    }

    /** {value, position after it}, or null when the head ends first or it is longer than 10 bytes. */
    private static long[] varint(byte[] bytes, int start) {
        long value = 0;
        for (int i = 0; i < 10 && start + i < bytes.length; i++) {
            int b = bytes[start + i] & 0xFF;
            value |= (long) (b & 0x7F) << (7 * i);
            if ((b & 0x80) == 0) {
                return new long[]{value, start + i + 1};
            }
        }
        return null;
    }
}
