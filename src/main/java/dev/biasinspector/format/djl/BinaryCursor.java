package dev.biasinspector.format.djl;

import dev.biasinspector.format.ModelFormatException;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Reads the big-endian primitives of Java's {@code DataOutputStream} from a buffer, never past
 * {@code limit}. Every read checks the remaining bytes first, so a length field taken from the
 * file can never make us read (or allocate) more than the file holds.
 */
final class BinaryCursor {

    static final String TRUNCATED = "truncated DJL parameter file";

    private final ByteBuffer buffer;
    private final long limit;
    private long position;

    BinaryCursor(ByteBuffer buffer, long position, long limit) {
        this.buffer = buffer.duplicate().order(ByteOrder.BIG_ENDIAN);
        this.position = position;
        this.limit = Math.min(limit, buffer.capacity());
    }

    /** A cursor over {@code [from, to)} of the same bytes, for reads that may be abandoned. */
    BinaryCursor window(long from, long to) {
        return new BinaryCursor(buffer, from, Math.min(to, limit));
    }

    long position() {
        return position;
    }

    void seek(long newPosition) throws ModelFormatException {
        if (newPosition < 0 || newPosition > limit) {
            throw new ModelFormatException(TRUNCATED);
        }
        position = newPosition;
    }

    long limit() {
        return limit;
    }

    long remaining() {
        return limit - position;
    }

    void require(long count) throws ModelFormatException {
        if (count < 0 || count > remaining()) {
            throw new ModelFormatException(TRUNCATED);
        }
    }

    void skip(long count) throws ModelFormatException {
        require(count);
        position += count;
    }

    int u8() throws ModelFormatException {
        require(1);
        return buffer.get(index(1)) & 0xFF;
    }

    int u16() throws ModelFormatException {
        require(2);
        return buffer.getShort(index(2)) & 0xFFFF;
    }

    int i32() throws ModelFormatException {
        require(4);
        return buffer.getInt(index(4));
    }

    long i64() throws ModelFormatException {
        require(8);
        return buffer.getLong(index(8));
    }

    /** Whether the bytes at the current position equal {@code expected} (does not move). */
    boolean lookingAt(byte[] expected) {
        if (remaining() < expected.length) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            if (buffer.get((int) position + i) != expected[i]) {
                return false;
            }
        }
        return true;
    }

    /** A {@code DataOutputStream.writeUTF} string: u16 byte length, then modified UTF-8. */
    String utf() throws ModelFormatException {
        int length = u16();
        require(length);
        byte[] encoded = new byte[2 + length];
        encoded[0] = (byte) (length >>> 8);
        encoded[1] = (byte) length;
        buffer.get((int) position, encoded, 2, length);
        position += length;
        try {
            return new DataInputStream(new ByteArrayInputStream(encoded)).readUTF();
        } catch (IOException e) {
            throw new ModelFormatException("damaged DJL parameter file: a name in it is not valid text", e);
        }
    }

    private int index(int width) {
        int at = (int) position;
        position += width;
        return at;
    }
}
