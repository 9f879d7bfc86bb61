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

    /** The {@code data/} records of a PyTorch zip; the file is opened for each read and closed again. */
    static StorageSource zipRecords(Path file, PyTorchArchive archive) {
        return new StorageSource() {
            @Override
            public long size(String key) {
                return archive.declaredSize("data/" + key);
            }

            @Override
            public byte[] read(String key, long offset, int length) throws IOException {
                try (PyTorchArchive reopened = PyTorchArchive.open(file)) {
                    return reopened.readRange("data/" + key, offset, length);
                }
            }
        };
    }
}
