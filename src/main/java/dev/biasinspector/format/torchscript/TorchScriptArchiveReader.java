package dev.biasinspector.format.torchscript;

import dev.biasinspector.format.ModelFormatException;
import dev.biasinspector.format.ModelReader;
import dev.biasinspector.format.pickle.PickleException;
import dev.biasinspector.model.LoadedModel;
import dev.biasinspector.model.ModelFormat;
import dev.biasinspector.model.ModuleNode;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipFile;

/**
 * Reads archives written by {@code torch.jit.save} in pure Java, executing nothing: the zip's
 * {@code data.pkl} gives modules, class names and tensor records; values are read from
 * {@code data/<key>} only when a bias is asked for.
 */
public final class TorchScriptArchiveReader implements ModelReader {

    public static final String SOURCE = "archive reader (no code run)";

    @Override
    public ModelFormat format() {
        return ModelFormat.TORCHSCRIPT;
    }

    @Override
    public LoadedModel read(Path file) throws IOException {
        try (PyTorchArchive archive = PyTorchArchive.open(file)) {
            return read(file, archive);
        }
    }

    /** Reads the archive in a zip the format detector already opened (and will close). */
    public LoadedModel read(Path file, ZipFile opened) throws IOException {
        try (PyTorchArchive archive = PyTorchArchive.borrow(opened)) {
            return read(file, archive);
        }
    }

    private LoadedModel read(Path file, PyTorchArchive archive) throws IOException {
        if (archive.has("model.json")) {
            throw new ModelFormatException("TorchScript files from PyTorch before 1.3 are not supported");
        }
        if (!archive.has("constants.pkl")) {
            throw new ModelFormatException("this is a torch.save checkpoint, not a TorchScript model");
        }
        ByteOrder order = archive.byteOrder();
        ModuleNode tree = new ModuleTreeBuilder(file, archive, order).build(archive.loadDataPickle());
        return new LoadedModel(file, format(), SOURCE, tree, archive.describe());
    }
}
