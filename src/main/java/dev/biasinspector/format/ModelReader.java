package dev.biasinspector.format;

import dev.biasinspector.model.LoadedModel;

import java.io.IOException;
import java.nio.file.Path;

/** Reads one kind of model file into the domain model. One implementation per format or engine. */
public interface ModelReader {

    /** Short format name as in JSON output, e.g. {@code torchscript}. */
    String formatName();

    /** Whether this reader recognises the file from its first bytes (or, for folders, its layout). */
    boolean accepts(FileSignature signature);

    /**
     * Reads the model's structure. Implementations must not execute anything stored in the file
     * unless they say so in {@link LoadedModel#source()}, and must fail with a
     * {@link ModelFormatException} carrying one plain sentence for anything wrong with the file.
     */
    LoadedModel read(Path file) throws IOException;
}
