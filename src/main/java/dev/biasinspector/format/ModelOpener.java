package dev.biasinspector.format;

import dev.biasinspector.format.torchscript.TorchScriptArchiveReader;
import dev.biasinspector.model.LoadedModel;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/** Opens a model file with the reader its first bytes call for. */
public final class ModelOpener {

    private static final List<ModelReader> READERS = List.of(new TorchScriptArchiveReader());

    private ModelOpener() {
    }

    /** Whether some reader accepts a file with these first bytes. */
    public static boolean recognizes(FileSignature signature) {
        return !signature.directory() && signature.size() > 0
                && READERS.stream().anyMatch(r -> r.accepts(signature));
    }

    /** Opens with the default, code-free readers. */
    public static LoadedModel open(Path path) throws IOException {
        return open(path, Engine.ARCHIVE);
    }

    public static LoadedModel open(Path path, Engine engine) throws IOException {
        if (!Files.exists(path)) {
            throw new NoSuchFileException(path.toString(), null, "no such file");
        }
        if (!Files.isReadable(path)) {
            throw new ModelFormatException("the file cannot be read (permission denied)");
        }
        FileSignature signature = FileSignature.of(path);
        if (!signature.directory() && signature.size() == 0) {
            throw new ModelFormatException("the file is empty");
        }
        if (engine == Engine.DJL) {
            throw new ModelFormatException("the DJL engine is not available in this build");
        }
        for (ModelReader reader : READERS) {
            if (reader.accepts(signature)) {
                return reader.read(path);
            }
        }
        throw new ModelFormatException(signature.directory()
                ? "the folder holds no model file this app can read"
                : "not a supported model file (expected a TorchScript archive written by torch.jit.save)");
    }
}
