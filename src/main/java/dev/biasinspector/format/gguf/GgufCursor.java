package dev.biasinspector.format.gguf;

import dev.biasinspector.format.ModelFormatException;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Little-endian reads over the start of a GGUF file with a check before every read that the
 * bytes are there, so no count or length from the file is trusted before use.
 */
final class GgufCursor {

    static final String TRUNCATED = "the GGUF file is truncated";

    private final ByteBuffer bytes;
    private int position;

    GgufCursor(ByteBuffer littleEndian) {
        this.bytes = littleEndian;
    }

    int position() {
        return position;
    }

    long remaining() {
        return bytes.limit() - (long) position;
    }

    private void need(long n) throws ModelFormatException {
        if (n < 0 || n > remaining()) {
            throw new ModelFormatException(TRUNCATED);
        }
    }

    int u8() throws ModelFormatException {
        need(1);
        return bytes.get(position++) & 0xFF;
    }

    int i32() throws ModelFormatException {
        need(4);
        int v = bytes.getInt(position);
        position += 4;
        return v;
    }

    long u32() throws ModelFormatException {
        return i32() & 0xFFFFFFFFL;
    }

    long i64() throws ModelFormatException {
        need(8);
        long v = bytes.getLong(position);
        position += 8;
        return v;
    }

    /** A u64 that must fit a signed long (sizes, counts, offsets). */
    long u64(String what) throws ModelFormatException {
        long v = i64();
        if (v < 0) {
            throw new ModelFormatException("the GGUF file declares an impossible " + what);
        }
        return v;
    }

    float f32() throws ModelFormatException {
        return Float.intBitsToFloat(i32());
    }

    double f64() throws ModelFormatException {
        return Double.longBitsToDouble(i64());
    }

    /** A gguf_string: u64 length and UTF-8 bytes, at most {@code maxBytes}. */
    String string(long maxBytes, String what) throws ModelFormatException {
        long length = u64("length of a " + what);
        if (length > remaining()) {
            throw new ModelFormatException(TRUNCATED);
        }
        if (length > maxBytes) {
            throw new ModelFormatException("a " + what + " in the GGUF file is longer than " + maxBytes + " bytes");
        }
        byte[] text = new byte[(int) length];
        bytes.get(position, text);
        position += (int) length;
        return new String(text, StandardCharsets.UTF_8);
    }

    void skip(long n) throws ModelFormatException {
        need(n);
        position += (int) n;
    }

    void seek(long to) throws ModelFormatException {
        if (to < 0 || to > bytes.limit()) {
            throw new ModelFormatException(TRUNCATED);
        }
        position = (int) to;
    }
}
