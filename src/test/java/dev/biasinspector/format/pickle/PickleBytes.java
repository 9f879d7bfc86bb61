package dev.biasinspector.format.pickle;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/** Writes pickle opcodes by hand, to build the malformed and hostile inputs a real pickler never makes. */
public final class PickleBytes {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    public PickleBytes proto() {
        return op(0x80).op(2);
    }

    public PickleBytes op(int opcode) {
        out.write(opcode);
        return this;
    }

    public PickleBytes global(String module, String name) {
        op('c');
        raw((module + "\n" + name + "\n").getBytes(StandardCharsets.UTF_8));
        return this;
    }

    public PickleBytes string(String s) {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        op('X').int32(bytes.length);
        return raw(bytes);
    }

    public PickleBytes int1(int v) {
        return op('K').op(v);
    }

    public PickleBytes int32(int v) {
        raw(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(v).array());
        return this;
    }

    public PickleBytes raw(byte[] bytes) {
        out.writeBytes(bytes);
        return this;
    }

    public PickleBytes stop() {
        return op('.');
    }

    public byte[] bytes() {
        return out.toByteArray();
    }
}
