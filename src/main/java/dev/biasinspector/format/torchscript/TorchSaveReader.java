package dev.biasinspector.format.torchscript;

import dev.biasinspector.format.FileSignature;
import dev.biasinspector.format.ModelReader;
import dev.biasinspector.model.LoadedModel;
import dev.biasinspector.model.ModelFormat;
import dev.biasinspector.model.ModuleNode;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipFile;

/**
 * Reads checkpoints written by {@code torch.save}: state dicts, training checkpoints holding one,
 * and whole pickled models; the zip format of PyTorch 1.6 and later and the older one
 * ({@link LegacyTorchSave}). Pure Java, executing nothing,
 * with the same safe pickle reader and lazy tensor reads as {@link TorchScriptArchiveReader}.
 */
public final class TorchSaveReader implements ModelReader {

    public static final String SOURCE = "archive reader (no code run)";

    /** The magic number that starts the pre-1.6 format (a pickled long after the protocol). */
    private static final byte[] LEGACY_MAGIC = {(byte) 0x8A, 0x0A, 0x6C, (byte) 0xFC, (byte) 0x9C, 0x46, (byte) 0xF9, 0x20};

    @Override
    public ModelFormat format() {
        return ModelFormat.TORCH_SAVE;
    }

    @Override
    public LoadedModel read(Path file) throws IOException {
        if (isLegacy(FileSignature.of(file))) {
            return readLegacy(file);
        }
        try (PyTorchArchive archive = PyTorchArchive.open(file)) {
            return read(file, archive, SOURCE);
        }
    }

    /** torch.save's format from before PyTorch 1.6 (no zip). */
    public LoadedModel readLegacy(Path file) throws IOException {
        LegacyTorchSave.Contents legacy = LegacyTorchSave.read(file);
        return new LoadedModel(file, format(), SOURCE, legacy.root(), legacy.properties());
    }

    /**
     * Reads the checkpoint in a zip the format detector already opened (and will close).
     *
     * @param source how the values were read, as shown to the user
     */
    public LoadedModel read(Path file, ZipFile opened, String source) throws IOException {
        try (PyTorchArchive archive = PyTorchArchive.borrow(opened)) {
            return read(file, archive, source);
        }
    }

    private LoadedModel read(Path file, PyTorchArchive archive, String source) throws IOException {
        ByteOrder order = archive.byteOrder();
        TorchSaveContents contents = new TorchSaveContents(StorageSource.zipRecords(file, archive), order);
        ModuleNode tree = contents.build(archive.loadDataPickle());
        Map<String, String> properties = new LinkedHashMap<>(contents.properties());
        properties.putAll(archive.describe());
        return new LoadedModel(file, format(), source, tree, properties);
    }

    /** Whether the first bytes are those of torch.save's format before PyTorch 1.6. */
    public static boolean isLegacy(FileSignature signature) {
        byte[] head = signature.head();
        if (head.length < 2 + LEGACY_MAGIC.length || (head[0] & 0xFF) != 0x80) {
            return false;
        }
        return java.util.Arrays.equals(head, 2, 2 + LEGACY_MAGIC.length, LEGACY_MAGIC, 0, LEGACY_MAGIC.length);
    }
}
