package dev.biasinspector.session;

import dev.biasinspector.engine.DjlEngineReader;
import dev.biasinspector.format.CheckpointSeries;
import dev.biasinspector.format.DetectedModel;
import dev.biasinspector.format.FormatDetector;
import dev.biasinspector.format.ModelFormatException;
import dev.biasinspector.format.ModelKind;
import dev.biasinspector.format.ModelOpener;
import dev.biasinspector.format.ModelReader;
import dev.biasinspector.format.djl.DjlModelFolderReader;
import dev.biasinspector.model.LoadedModel;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Opens what the user names, by the kind the {@link FormatDetector} finds: one model file, a DJL
 * model folder, or a folder of checkpoints. The window and the command line both open through here, so a file gets the same
 * answer in both. Everything here reads files: call it off the EDT.
 */
public final class ModelFiles {

    private ModelFiles() {
    }

    /**
     * Reads what {@code path} holds, detected once: a folder of several model files (the
     * detector's {@link ModelKind#CHECKPOINT_FOLDER}) opens as a checkpoint series whose tree is
     * the last checkpoint; anything else is one model, read by the reader for its kind.
     */
    static OpenModel read(ModelSource source, Engine engine) throws IOException {
        Path path = source.resolve();
        if (source.isCheckpointSeries()) {
            return series(source, path);
        }
        try (DetectedModel detected = FormatDetector.detect(path)) {
            if (detected.kind() == ModelKind.CHECKPOINT_FOLDER) {
                return series(new ModelSource.CheckpointFolder(path), path);
            }
            return new OpenModel(ModelOpener.read(detected, reader(engine)), source, engine);
        }
    }

    private static OpenModel series(ModelSource source, Path folder) throws IOException {
        OpenCheckpoints series = openSeries(folder);
        return new OpenModel(series.models().get(series.size() - 1), source, Engine.ARCHIVE, series);
    }

    /** Reads one model; with {@link Engine#DJL}, TorchScript is loaded by libtorch (runs code from the file). */
    public static LoadedModel open(Path path, Engine engine) throws IOException {
        return ModelOpener.open(path, reader(engine));
    }

    /** The reader that runs TorchScript for {@code engine}, or null for the archive reader (runs nothing). */
    private static ModelReader reader(Engine engine) {
        // Created per call: DJL's classes load only when the user asks for the engine.
        return engine == Engine.DJL ? new DjlEngineReader() : null;
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
