package dev.biasinspector.format.onnx;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.Parser;
import com.google.protobuf.WireFormat;
import dev.biasinspector.format.ModelFormatException;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;

/**
 * One protobuf {@link CodedInputStream} over a file that knows each field's absolute file offset,
 * so a tensor's {@code raw_data} can be skipped now and read at its offset later.
 *
 * <p>CodedInputStream counts bytes in an {@code int}. The cursor adds that count to a {@code long}
 * base and resets it between top-level elements ({@link #rebase}), so files over 2 GiB walk fine.
 * Message ends are kept as absolute {@code long} offsets by the caller instead of CodedInputStream
 * limits, except for small messages parsed whole ({@link #parse}). Every length read from the file
 * is checked against the bytes its enclosing message has left before it is used.
 */
final class ProtoCursor {

    /** Skips of {@code raw_data} happen in steps of this size, rebasing in between. */
    private static final int SKIP_STEP = 1 << 30;

    private final CodedInputStream in;
    private long base;

    ProtoCursor(FileChannel channel, long start, long end) {
        this.in = CodedInputStream.newInstance(new FileRegionStream(channel, start, end), 64 * 1024);
        this.base = start;
    }

    /** Absolute file offset of the next byte. */
    long position() {
        return base + in.getTotalBytesRead();
    }

    /** Moves CodedInputStream's int byte counter into the long base; only between fields, with no limit pushed. */
    void rebase() {
        base += in.getTotalBytesRead();
        in.resetSizeCounter();
    }

    int readTag() throws IOException {
        int tag = in.readTag();
        if (tag == 0 || WireFormat.getTagFieldNumber(tag) == 0) {
            throw new ModelFormatException("the file is not an ONNX model (its protobuf data is malformed)");
        }
        return tag;
    }

    static int field(int tag) {
        return WireFormat.getTagFieldNumber(tag);
    }

    static int wireType(int tag) {
        return WireFormat.getTagWireType(tag);
    }

    long readVarint(int tag, String what) throws IOException {
        expectWireType(tag, WireFormat.WIRETYPE_VARINT, what);
        return in.readRawVarint64();
    }

    /** Reads a length prefix and checks it against the bytes left before {@code end}. */
    long readLength(int tag, long end, String what) throws IOException {
        expectWireType(tag, WireFormat.WIRETYPE_LENGTH_DELIMITED, what);
        long length = in.readRawVarint64();
        long left = end - position();
        if (length < 0 || length > left) {
            throw new ModelFormatException("the ONNX file is truncated or damaged: " + what + " declares "
                    + Long.toUnsignedString(length) + " bytes, but only " + left + " are left");
        }
        return length;
    }

    /** A length-delimited UTF-8 string of at most {@code maxBytes}. */
    String readString(int tag, long end, int maxBytes, String what) throws IOException {
        long length = readLength(tag, end, what);
        if (length > maxBytes) {
            throw new ModelFormatException("the ONNX file is damaged: " + what + " is " + length
                    + " bytes long (at most " + maxBytes + " are read)");
        }
        return new String(in.readRawBytes((int) length), StandardCharsets.UTF_8);
    }

    /** Parses a small length-delimited message whole with the official parser. */
    <T> T parse(int tag, long end, Parser<T> parser, int maxBytes, String what) throws IOException {
        long length = readLength(tag, end, what);
        return parseBody(length, parser, maxBytes, what);
    }

    /** Parses a message body of {@code length} bytes (its prefix already read). */
    <T> T parseBody(long length, Parser<T> parser, int maxBytes, String what) throws IOException {
        if (length > maxBytes) {
            throw new ModelFormatException("the ONNX file is damaged: " + what + " is " + length
                    + " bytes long (at most " + maxBytes + " are read)");
        }
        long start = position();
        int oldLimit = in.pushLimit((int) length);
        T message = parser.parsePartialFrom(in);
        in.popLimit(oldLimit);
        if (position() != start + length) {
            throw new ModelFormatException("the ONNX file is damaged: " + what + " does not end where its length says");
        }
        return message;
    }

    /** Reads a packed or unpacked repeated int64 into {@code sink}, at most {@code max} values in all. */
    void readInt64s(int tag, long end, LongSink sink, String what) throws IOException {
        if (wireType(tag) == WireFormat.WIRETYPE_VARINT) {
            sink.accept(in.readInt64());
            return;
        }
        long length = readLength(tag, end, what);
        if (length > 4096) {
            throw new ModelFormatException("the ONNX file is damaged: " + what + " is " + length + " bytes long");
        }
        int oldLimit = in.pushLimit((int) length);
        while (in.getBytesUntilLimit() > 0) {
            sink.accept(in.readInt64());
        }
        in.popLimit(oldLimit);
    }

    interface LongSink {
        void accept(long value) throws ModelFormatException;
    }

    /** Skips {@code length} bytes, in steps that keep CodedInputStream's int counter small. */
    void skipBytes(long length) throws IOException {
        long left = length;
        while (left > 0) {
            int step = (int) Math.min(left, SKIP_STEP);
            in.skipRawBytes(step);
            left -= step;
            rebase();
        }
    }

    /** Skips a field of any wire type, checking a length-delimited one against {@code end}. */
    void skipField(int tag, long end, String what) throws IOException {
        if (wireType(tag) == WireFormat.WIRETYPE_LENGTH_DELIMITED) {
            skipBytes(readLength(tag, end, what));
        } else if (!in.skipField(tag)) {
            throw new ModelFormatException("the file is not an ONNX model (its protobuf data is malformed)");
        }
        checkWithin(end, what);
    }

    /** Fails when the last field ran past the end of its enclosing message. */
    void checkWithin(long end, String what) throws ModelFormatException {
        if (position() > end) {
            throw new ModelFormatException("the ONNX file is damaged: a field of " + what + " runs past its end");
        }
    }

    private static void expectWireType(int tag, int wireType, String what) throws ModelFormatException {
        if (wireType(tag) != wireType) {
            throw new ModelFormatException("the file is not an ONNX model (" + what + " has the wrong protobuf type)");
        }
    }
}
