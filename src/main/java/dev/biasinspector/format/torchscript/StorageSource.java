package dev.biasinspector.format.torchscript;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Where the bytes of a pickle's tensor storages live: records {@code data/<key>} of a zip, or,
 * in torch.save's format from before PyTorch 1.6, ranges of the file after the pickles.
 */
interface StorageSource {

    /** Size in bytes of storage {@code key}, or -1 when the file has no such storage. */
    long size(String key);

    /** Reads {@code length} bytes of storage {@code key} from byte {@code offset} on. */
    byte[] read(String key, long offset, int length) throws IOException;

    /**
     * The {@code data/} records of a PyTorch zip; the file is opened for each read and closed again.
     * A compressed record (PyTorch writes none, a crafted file may) is inflated once and kept while
     * memory allows, so reading many tensors from one storage does not inflate it again for each.
     */
    static StorageSource zipRecords(Path file, PyTorchArchive archive) {
        return new InflatingZipRecords(file, archive);
    }

    /** See {@link #zipRecords}. */
    final class InflatingZipRecords implements StorageSource {
        private final Path file;
        private final PyTorchArchive archive;
        private String inflatedKey;
        private java.lang.ref.SoftReference<byte[]> inflated = new java.lang.ref.SoftReference<>(null);
        private int inflations;

        InflatingZipRecords(Path file, PyTorchArchive archive) {
            this.file = file;
            this.archive = archive;
        }

        @Override
        public long size(String key) {
            return archive.declaredSize("data/" + key);
        }

        @Override
        public synchronized byte[] read(String key, long offset, int length) throws IOException {
            try (PyTorchArchive reopened = PyTorchArchive.open(file)) {
                String record = "data/" + key;
                if (!reopened.isCompressed(record)) {
                    return reopened.readRange(record, offset, length);
                }
                byte[] whole = key.equals(inflatedKey) ? inflated.get() : null;
                if (whole == null) {
                    whole = reopened.inflate(record);
                    inflations++;
                    inflatedKey = key;
                    inflated = new java.lang.ref.SoftReference<>(whole);
                }
                if (offset < 0 || length < 0 || offset > whole.length - (long) length) {
                    throw new dev.biasinspector.format.ModelFormatException(
                            "record " + record + " is shorter than its tensor");
                }
                return java.util.Arrays.copyOfRange(whole, (int) offset, (int) offset + length);
            }
        }

        /** How many times a compressed record was inflated (tests prove it is once per storage). */
        synchronized int inflations() {
            return inflations;
        }
    }
}
