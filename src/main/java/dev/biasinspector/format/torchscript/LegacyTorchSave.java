package dev.biasinspector.format.torchscript;

import dev.biasinspector.format.ModelFormatException;
import dev.biasinspector.format.pickle.PickleException;
import dev.biasinspector.format.pickle.PickleValues;
import dev.biasinspector.format.pickle.SafeUnpickler;
import dev.biasinspector.model.ModuleNode;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * torch.save's format before PyTorch 1.6 (still written with
 * {@code _use_new_zipfile_serialization=False}): five pickles in a row — a magic number, the
 * protocol version 1001, system info (byte order), the object, the list of storage keys — then,
 * for each key in that order, an int64 element count and the storage's raw bytes.
 */
final class LegacyTorchSave {

    private static final BigInteger MAGIC = new BigInteger("1950a86a20f9469cfc6c", 16);
    private static final long PROTOCOL = 1001;
    /** The pickles come before any tensor bytes; more than this is not a real checkpoint's header. */
    private static final long MAX_HEADER_BYTES = PyTorchArchive.MAX_PICKLE_BYTES;

    private LegacyTorchSave() {
    }

    record Contents(ModuleNode root, Map<String, String> properties) {
    }

    static Contents read(Path file) throws IOException {
        long fileSize = Files.size(file);
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes((int) Math.min(fileSize, MAX_HEADER_BYTES));
        }
        Map<String, StorageRef> referenced = new LinkedHashMap<>();
        SafeUnpickler.Loaded object;
        SafeUnpickler.Loaded keys;
        ByteOrder order;
        try {
            SafeUnpickler.Loaded magic = TorchPickle.loadAt(head, 0, ref -> { });
            if (!(magic.value() instanceof BigInteger m && m.equals(MAGIC))) {
                throw new ModelFormatException("not a torch.save checkpoint (wrong magic number)");
            }
            SafeUnpickler.Loaded protocol = TorchPickle.loadAt(head, magic.end(), ref -> { });
            if (!Long.valueOf(PROTOCOL).equals(protocol.value())) {
                throw new ModelFormatException("unsupported torch.save protocol version " + PickleValues.describe(protocol.value()));
            }
            SafeUnpickler.Loaded sysInfo = TorchPickle.loadAt(head, protocol.end(), ref -> { });
            order = sysInfo.value() instanceof Map<?, ?> info && Boolean.FALSE.equals(info.get("little_endian"))
                    ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
            object = TorchPickle.loadAt(head, sysInfo.end(), ref -> referenced.putIfAbsent(ref.key(), ref));
            keys = TorchPickle.loadAt(head, object.end(), ref -> { });
        } catch (PickleException e) {
            throw new ModelFormatException("the checkpoint's structure is damaged: " + e.getMessage(), e);
        }
        if (!(keys.value() instanceof List<?> keyList)) {
            throw new ModelFormatException("the checkpoint's structure is damaged: no list of storages");
        }
        Map<String, long[]> ranges = locate(file, fileSize, keys.end(), keyList, referenced);
        TorchSaveContents contents = new TorchSaveContents(source(file, ranges), order);
        ModuleNode root = contents.build(object.value());
        Map<String, String> properties = new LinkedHashMap<>(contents.properties());
        properties.put("format", "torch.save before PyTorch 1.6 (no zip)");
        properties.put("byte order", order == ByteOrder.LITTLE_ENDIAN ? "little" : "big");
        return new Contents(root, properties);
    }

    /** Where each storage's bytes are: {start, length} in the file, checked against its size. */
    private static Map<String, long[]> locate(Path file, long fileSize, long start, List<?> keys,
                                              Map<String, StorageRef> referenced) throws IOException {
        Map<String, long[]> ranges = new LinkedHashMap<>();
        long pos = start;
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            for (Object k : keys) {
                StorageRef storage = k instanceof String key ? referenced.get(key) : null;
                if (storage == null) {
                    throw new ModelFormatException("the checkpoint's structure is damaged: storage "
                            + PickleValues.describe(k) + " is listed but never used");
                }
                if (pos + 8 > fileSize) {
                    throw new ModelFormatException("the checkpoint is truncated");
                }
                ByteBuffer count = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
                channel.read(count, pos);
                long numel = count.flip().getLong();
                long bytes;
                try {
                    bytes = Math.multiplyExact(numel, storage.dtype().itemSize());
                } catch (ArithmeticException e) {
                    throw new ModelFormatException("the checkpoint's storage " + k + " declares an impossible size");
                }
                if (numel < 0 || numel != storage.numel()) {
                    throw new ModelFormatException("the checkpoint's storage " + k + " does not match its description");
                }
                // compared as "what is left" so a count near 2^63 cannot wrap the sum negative
                if (bytes > fileSize - pos - 8) {
                    throw new ModelFormatException("the checkpoint is truncated: storage " + k + " declares "
                            + numel + " elements, more than the file holds");
                }
                ranges.put((String) k, new long[]{pos + 8, bytes});
                pos += 8 + bytes;
            }
        }
        return ranges;
    }

    private static StorageSource source(Path file, Map<String, long[]> ranges) {
        return new StorageSource() {
            @Override
            public long size(String key) {
                long[] range = ranges.get(key);
                return range == null ? -1 : range[1];
            }

            @Override
            public byte[] read(String key, long offset, int length) throws IOException {
                long[] range = ranges.get(key);
                if (range == null || offset < 0 || length < 0 || offset > range[1] - length) {
                    throw new ModelFormatException("the checkpoint has no bytes for storage " + key);
                }
                ByteBuffer buffer = ByteBuffer.allocate(length);
                try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
                    while (buffer.hasRemaining()) {
                        if (channel.read(buffer, range[0] + offset + buffer.position()) < 0) {
                            throw new ModelFormatException("the checkpoint is truncated");
                        }
                    }
                }
                return buffer.array();
            }
        };
    }
}
