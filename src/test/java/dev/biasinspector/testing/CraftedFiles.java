package dev.biasinspector.testing;

import dev.biasinspector.format.pickle.PickleBytes;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Builds, byte by byte, the small hostile files of issue #10: files no PyTorch or DJL writer makes,
 * each a few kilobytes to a few megabytes, that ask a reader for gigabytes, endless recursion or
 * a different answer than PyTorch's.
 */
public final class CraftedFiles {

    /** torch.save's legacy magic number pickle (FORMATS.md §2). */
    private static final byte[] LEGACY_MAGIC = {(byte) 0x80, 2, (byte) 0x8A, 0x0A, 0x6C, (byte) 0xFC, (byte) 0x9C,
            0x46, (byte) 0xF9, 0x20, 0x6A, (byte) 0xA8, 0x50, 0x19, 0x2E};

    private CraftedFiles() {
    }

    // --- pickle fragments -----------------------------------------------------------------------

    /** Pushes a tuple nested {@code depth} levels deep: {@code ((((),),),)}, one byte per level. */
    public static Consumer<PickleBytes> deepTuple(int depth) {
        return p -> {
            p.op(')');
            for (int i = 0; i < depth; i++) {
                p.op(0x85);
            }
        };
    }

    /** Pushes list a = [b], b = [a]: a cycle through the memo. */
    public static Consumer<PickleBytes> cycle() {
        return p -> p.op(']').op('q').op(0).op(']').op('q').op(1).op('h').op(0).op('a').op('a');
    }

    /** Pushes t40 where t(n+1) = (tn, tn): 2^40 leaves if printed or compared by value. */
    public static Consumer<PickleBytes> dupGraph(int levels) {
        return p -> {
            p.op(')');
            for (int i = 0; i < levels; i++) {
                p.op('2').op(0x86);
            }
        };
    }

    /** Pushes {@code torch.device(value)}. */
    public static Consumer<PickleBytes> device(Consumer<PickleBytes> value) {
        return p -> {
            p.global("torch", "device");
            value.accept(p);
            p.op(0x85).op('R');
        };
    }

    /** Pushes a tensor over storage {@code key}: {@code _rebuild_tensor_v2(storage, offset, size, stride, True, {})}. */
    public static Consumer<PickleBytes> tensor(String key, long numel, long offset, long[] size, long[] stride) {
        return p -> {
            p.global("torch._utils", "_rebuild_tensor_v2").op('(');
            p.op('(').string("storage").global("torch", "FloatStorage").string(key).string("cpu");
            long8(p, numel);
            p.op('t').op('Q');
            long8(p, offset);
            p.op('(');
            for (long s : size) {
                long8(p, s);
            }
            p.op('t').op('(');
            for (long s : stride) {
                long8(p, s);
            }
            p.op('t');
            p.op(0x88); // requires_grad: a parameter when the archive has no class source
            p.global("collections", "OrderedDict").op(')').op('R');
            p.op('t').op('R');
        };
    }

    private static void long8(PickleBytes p, long v) {
        p.op(0x8A).op(8).raw(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(v).array());
    }

    /** TorchScript-style {@code data.pkl}: module Net with {@code attribute = value} and a parameter {@code bias}. */
    public static byte[] moduleWithBias(String attribute, Consumer<PickleBytes> value, Consumer<PickleBytes> bias) {
        PickleBytes p = new PickleBytes().proto();
        p.global("__torch__", "Net").op(')').op(0x81).op('}').op('(');
        p.string("training").op(0x88);
        if (attribute != null) {
            p.string(attribute);
            value.accept(p);
        }
        p.string("bias");
        bias.accept(p);
        p.op('u').op('b');
        return p.stop().bytes();
    }

    public static byte[] floats(float... values) {
        ByteBuffer buffer = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : values) {
            buffer.putFloat(v);
        }
        return buffer.array();
    }

    // --- containers -----------------------------------------------------------------------------

    /**
     * A TorchScript-style zip (folder {@code model/}, a {@code constants.pkl}); records named in
     * {@code deflated} are compressed, the rest stored as PyTorch stores them.
     */
    public static Path torchScriptZip(Path file, Map<String, byte[]> records, Set<String> deflated) throws IOException {
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.setLevel(Deflater.BEST_SPEED);
            put(zip, "model/constants.pkl", new PickleBytes().proto().op(')').stop().bytes(), false);
            put(zip, "model/version", "3\n".getBytes(StandardCharsets.US_ASCII), false);
            for (Map.Entry<String, byte[]> record : records.entrySet()) {
                put(zip, "model/" + record.getKey(), record.getValue(), deflated.contains(record.getKey()));
            }
        }
        return file;
    }

    private static void put(ZipOutputStream zip, String name, byte[] bytes, boolean deflate) throws IOException {
        ZipEntry entry = new ZipEntry(name);
        if (!deflate) {
            CRC32 crc = new CRC32();
            crc.update(bytes);
            entry.setMethod(ZipEntry.STORED);
            entry.setSize(bytes.length);
            entry.setCompressedSize(bytes.length);
            entry.setCrc(crc.getValue());
        }
        zip.putNextEntry(entry);
        zip.write(bytes);
        zip.closeEntry();
    }

    /**
     * torch.save's format from before PyTorch 1.6: magic, protocol 1001, system info, the object
     * (given), the storage keys (given), then for each key an int64 element count and the bytes.
     */
    public static Path legacyTorchSave(Path file, byte[] objectPickle, byte[] keysPickle, long declaredNumel,
                                       byte[] storageBytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(LEGACY_MAGIC);
        out.writeBytes(new PickleBytes().proto().op('M').raw(new byte[]{(byte) 0xE9, 0x03}).stop().bytes());
        out.writeBytes(new PickleBytes().proto().op('}').string("little_endian").op(0x88).op('s').stop().bytes());
        out.writeBytes(objectPickle);
        out.writeBytes(keysPickle);
        out.writeBytes(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(declaredNumel).array());
        out.writeBytes(storageBytes);
        return Files.write(file, out.toByteArray());
    }

    /** Legacy protocol pickle replaced by {@code value}: what is printed when it is not 1001. */
    public static Path legacyWithProtocol(Path file, Consumer<PickleBytes> value) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(LEGACY_MAGIC);
        PickleBytes protocol = new PickleBytes().proto();
        value.accept(protocol);
        out.writeBytes(protocol.stop().bytes());
        return Files.write(file, out.toByteArray());
    }

    /** {@code {'bias': tensor}} as a pickle. */
    public static byte[] stateDict(Consumer<PickleBytes> tensor) {
        PickleBytes p = new PickleBytes().proto().op('}').string("bias");
        tensor.accept(p);
        return p.op('s').stop().bytes();
    }

    /** A pickle of {@code value}. */
    public static byte[] pickleOf(Consumer<PickleBytes> value) {
        PickleBytes p = new PickleBytes().proto();
        value.accept(p);
        return p.stop().bytes();
    }

    /** DJL .params header ({@code DJL@}, version 1, name, data type, no inputs, no properties). */
    public static byte[] djlHeader() {
        ByteBuffer b = ByteBuffer.allocate(64).order(ByteOrder.BIG_ENDIAN);
        b.put("DJL@".getBytes(StandardCharsets.US_ASCII)).putInt(1);
        utf(b, "crafted");
        utf(b, "float32");
        b.putInt(0).putInt(0);
        byte[] out = new byte[b.position()];
        b.flip().get(out);
        return out;
    }

    private static void utf(ByteBuffer b, String s) {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        b.putShort((short) bytes.length).put(bytes);
    }

    /**
     * A .tar.gz of a DJL model folder whose model file declares {@code declaredBytes} of zeros:
     * the zeros are one small gzip member repeated (gzip allows members back to back), so a file of
     * about {@code declaredBytes / 1000} bytes inflates to {@code declaredBytes}.
     */
    public static Path tarGzBomb(Path file, long declaredBytes) throws IOException {
        int chunk = 1 << 20;
        byte[] member = gzip(new byte[chunk]);
        try (OutputStream out = Files.newOutputStream(file)) {
            byte[] properties = "option.modelName=bomb\n".getBytes(StandardCharsets.US_ASCII);
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            head.writeBytes(tarHeader("bomb/serving.properties", properties.length));
            head.writeBytes(properties);
            head.writeBytes(new byte[512 - properties.length]);
            head.writeBytes(tarHeader("bomb/bomb-0001.params", declaredBytes));
            out.write(gzip(head.toByteArray()));
            for (long written = 0; written < declaredBytes; written += chunk) {
                out.write(member);
            }
        }
        return file;
    }

    private static byte[] gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        }
        return out.toByteArray();
    }

    private static byte[] tarHeader(String name, long size) {
        byte[] h = new byte[512];
        byte[] n = name.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(n, 0, h, 0, n.length);
        byte[] s = String.format("%011o", size).getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(s, 0, h, 124, s.length);
        h[156] = '0';
        System.arraycopy("ustar".getBytes(StandardCharsets.US_ASCII), 0, h, 257, 5);
        return h;
    }
}
