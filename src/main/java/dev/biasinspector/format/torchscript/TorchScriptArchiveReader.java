package dev.biasinspector.format.torchscript;

import dev.biasinspector.format.FileSignature;
import dev.biasinspector.format.ModelFormatException;
import dev.biasinspector.format.ModelReader;
import dev.biasinspector.format.pickle.PickleException;
import dev.biasinspector.model.LoadedModel;
import dev.biasinspector.model.ModuleNode;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads archives written by {@code torch.jit.save} in pure Java, executing nothing: the zip's
 * {@code data.pkl} gives modules, class names and tensor records; values are read from
 * {@code data/<key>} only when a bias is asked for.
 */
public final class TorchScriptArchiveReader implements ModelReader {

    public static final String SOURCE = "archive reader (no code run)";

    @Override
    public String formatName() {
        return "torchscript";
    }

    @Override
    public boolean accepts(FileSignature signature) {
        return PyTorchArchive.kindOf(signature) == PyTorchArchive.Kind.TORCHSCRIPT;
    }

    @Override
    public LoadedModel read(Path file) throws IOException {
        try (PyTorchArchive archive = PyTorchArchive.open(file)) {
            if (archive.has("model.json")) {
                throw new ModelFormatException("TorchScript files from PyTorch before 1.3 are not supported");
            }
            if (!archive.has("constants.pkl")) {
                throw new ModelFormatException("this is a torch.save checkpoint, not a TorchScript model");
            }
            ByteOrder order = archive.byteOrder();
            ModuleNode tree = new ModuleTreeBuilder(file, archive, order).build(archive.loadDataPickle());
            return new LoadedModel(file, formatName(), SOURCE, tree, archive.describe());
        }
    }
}
