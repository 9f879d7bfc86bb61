package dev.biasinspector.cli;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Something is wrong with the model file a command was given; printed as {@code error: FILE: reason}. */
final class ModelFileException extends Exception {

    private final Path file;

    ModelFileException(Path file, String reason) {
        super(reason);
        this.file = file;
    }

    ModelFileException(Path file, IOException cause) {
        super(reasonOf(cause), cause);
        this.file = file;
    }

    Path file() {
        return file;
    }

    private static String reasonOf(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }
}
