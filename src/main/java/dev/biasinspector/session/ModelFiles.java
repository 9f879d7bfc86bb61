package dev.biasinspector.session;

import dev.biasinspector.engine.DjlEngineReader;
import dev.biasinspector.format.CheckpointSeries;
import dev.biasinspector.format.ModelFormatException;
import dev.biasinspector.format.ModelOpener;
import dev.biasinspector.format.djl.DjlModelFolderReader;
import dev.biasinspector.model.LoadedModel;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Opens what the user names, by kind: one model file, a DJL model folder, or a folder of
 * checkpoints. The window and the command line both open through here, so a file gets the same
 * answer in both. Everything here reads files: call it off the EDT.
 */
public final class ModelFiles {

    /** What a path holds, decided before anything is read. */
    public enum Kind { ONE_MODEL, CHECKPOINT_SERIES }

    private ModelFiles() {
    }

    /**
     * A folder is one model when it is a DJL model folder (a {@code serving.properties}, or a model
     * file DJL would pick); otherwise a folder with two or more model files is a series of
     * checkpoints. A file, or a folder with fewer model files, is one model (its reader says why
     * not, if it is not).
     */
    public static Kind kindOf(Path path) throws IOException {
        if (!Files.isDirectory(path) || DjlModelFolderReader.isOneModel(path)) {
            return Kind.ONE_MODEL;
        }
        return CheckpointSeries.modelFiles(path).size() >= 2 ? Kind.CHECKPOINT_SERIES : Kind.ONE_MODEL;
    }

    /** Reads one model; with {@link Engine#DJL}, TorchScript is loaded by libtorch (runs code from the file). */
    public static LoadedModel open(Path path, Engine engine) throws IOException {
        return switch (engine) {
            case ARCHIVE -> ModelOpener.open(path);
            // Created per call: DJL's classes load only when the user asks for the engine.
            case DJL -> ModelOpener.open(path, new DjlEngineReader());
        };
    }

    /** Reads every checkpoint of {@code folder}, in natural order; stops early when the thread is interrupted. */
    public static OpenCheckpoints openSeries(Path folder) throws IOException {
        List<Path> files = CheckpointSeries.list(folder);
        List<LoadedModel> models = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (Path file : files) {
            if (Thread.currentThread().isInterrupted()) {
                throw new InterruptedIOException("cancelled");
            }
            try {
                models.add(ModelOpener.open(file));
            } catch (IOException e) {
                throw new ModelFormatException("the checkpoint " + file.getFileName()
                        + " could not be read (" + LoadFailure.reason(e) + ")", e);
            }
            labels.add(file.getFileName().toString());
        }
        return new OpenCheckpoints(folder, labels, models);
    }

    /** The model files of a DJL model folder, relative to it (for the properties dialog). */
    public static List<String> modelFilesOfFolder(Path folder) throws IOException {
        return DjlModelFolderReader.modelFiles(folder);
    }
}
