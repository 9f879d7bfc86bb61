package dev.biasinspector.format;

import dev.biasinspector.model.LoadedModel;
import dev.biasinspector.model.ModelFormat;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Reads one kind of model file into the domain model. One implementation per format or engine;
 * which one reads a path is decided by {@link FormatDetector} and {@link ModelOpener}, never by
 * asking readers in turn.
 */
public interface ModelReader {

    /** The format this reader's models report. */
    ModelFormat format();

    /**
     * Reads the model's structure. Implementations must not execute anything stored in the file
     * unless they say so in {@link LoadedModel#source()}, and must fail with a
     * {@link ModelFormatException} carrying one plain sentence for anything wrong with the file.
     */
    LoadedModel read(Path file) throws IOException;
}
