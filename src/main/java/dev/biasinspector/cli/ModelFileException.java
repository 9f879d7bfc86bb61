package dev.biasinspector.cli;

import dev.biasinspector.session.LoadFailure;

import java.nio.file.Path;

/** Something is wrong with the model file a command was given; printed as {@code error: FILE: reason}. */
final class ModelFileException extends Exception {

    private final Path file;

    ModelFileException(Path file, String reason) {
        super(reason);
        this.file = file;
    }

    /** The reason is worded as the window words it ({@link LoadFailure#reason}). */
    ModelFileException(Path file, Throwable cause) {
        super(LoadFailure.reason(cause), cause);
        this.file = file;
    }

    Path file() {
        return file;
    }
}
