package dev.biasinspector.format;


import dev.biasinspector.format.djl.DjlModelFolderReader;
import dev.biasinspector.format.djl.DjlParamsReader;
import dev.biasinspector.format.torchscript.TorchSaveReader;
import dev.biasinspector.format.torchscript.TorchScriptArchiveReader;
import dev.biasinspector.model.LoadedModel;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * Opens a model file or folder with the reader its first bytes (or layout) call for.
 *
 * <p>Order matters: a DJL model folder packed as a zip is a zip too, so the folder reader, which
 * only accepts zips without {@code data.pkl}, is asked before the TorchScript reader.
 */
public final class ModelOpener {

    private static final List<ModelReader> CODE_FREE_READERS = List.of(
            new DjlParamsReader(),
            new DjlModelFolderReader(new TorchScriptArchiveReader()),
            new TorchScriptArchiveReader(),
            new TorchSaveReader());

    private ModelOpener() {
    }

    /** Whether some reader accepts a file with these first bytes. */
    public static boolean recognizes(FileSignature signature) {
        return !signature.directory() && signature.size() > 0
                && CODE_FREE_READERS.stream().anyMatch(r -> r.accepts(signature));
    }

    /** Opens with the default readers, which run nothing stored in the file. */
    public static LoadedModel open(Path path) throws IOException {
        return open(path, CODE_FREE_READERS);
    }

    /**
     * Opens {@code path} with {@code torchScriptEngine} in place of the archive reader for
     * TorchScript models, alone or in a DJL model folder (an engine that loads them by running
     * code stored in the file); DJL {@code .params} files and torch.save checkpoints are read as
     * by {@link #open(Path)}.
     */
    public static LoadedModel open(Path path, ModelReader torchScriptEngine) throws IOException {
        return open(path, List.of(
                new DjlParamsReader(),
                new DjlModelFolderReader(torchScriptEngine),
                torchScriptEngine,
                new TorchSaveReader()));
    }

    private static LoadedModel open(Path path, List<ModelReader> readers) throws IOException {
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
        for (ModelReader reader : readers) {
            if (reader.accepts(signature)) {
                return reader.read(path);
            }
        }
        throw new ModelFormatException(signature.directory()
                ? "the folder holds no model file this app can read"
                : "not a supported model file (expected a TorchScript archive, a torch.save checkpoint or a DJL model)");
    }
}
