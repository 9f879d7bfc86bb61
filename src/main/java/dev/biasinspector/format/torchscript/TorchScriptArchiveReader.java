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
    private static final long MAX_PICKLE_BYTES = 256L << 20;

    @Override
    public String formatName() {
        return "torchscript";
    }

    @Override
    public boolean accepts(FileSignature signature) {
        return signature.isZip();
    }

    @Override
    public LoadedModel read(Path file) throws IOException {
        try (PyTorchArchive archive = PyTorchArchive.open(file)) {
            if (archive.has("model.json")) {
                throw new ModelFormatException("TorchScript files from PyTorch before 1.3 are not supported");
            }
            if (!archive.has("constants.pkl")) {
                throw new ModelFormatException("this is a torch.save checkpoint, not a TorchScript model"
                        + " (save it with torch.jit.save(torch.jit.script(model), path))");
            }
            ByteOrder order = byteOrder(archive);
            Object root;
            try {
                root = TorchPickle.load(archive.read("data.pkl", MAX_PICKLE_BYTES));
            } catch (PickleException e) {
                throw new ModelFormatException("the model structure (data.pkl) is damaged: " + e.getMessage(), e);
            }
            ModuleNode tree = new ModuleTreeBuilder(file, archive, order).build(root);
            Map<String, String> properties = new LinkedHashMap<>();
            properties.put("archive folder", archive.prefix().isEmpty() ? "(none)" : archive.prefix());
            if (archive.has("version")) {
                properties.put("archive version", text(archive, "version"));
            }
            properties.put("byte order", order == ByteOrder.LITTLE_ENDIAN ? "little" : "big");
            return new LoadedModel(file, formatName(), SOURCE, tree, properties);
        }
    }

    private static ByteOrder byteOrder(PyTorchArchive archive) throws IOException {
        if (!archive.has("byteorder")) {
            return ByteOrder.LITTLE_ENDIAN;
        }
        String order = text(archive, "byteorder");
        return switch (order) {
            case "little" -> ByteOrder.LITTLE_ENDIAN;
            case "big" -> ByteOrder.BIG_ENDIAN;
            default -> throw new ModelFormatException("unknown byte order '" + order + "' in the archive");
        };
    }

    private static String text(PyTorchArchive archive, String record) throws IOException {
        return new String(archive.read(record, 64), StandardCharsets.US_ASCII).trim();
    }
}
