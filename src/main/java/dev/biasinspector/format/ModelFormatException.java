package dev.biasinspector.format;

import java.io.IOException;

/**
 * A file cannot be read as a model. The message is one plain sentence for the user
 * ("not a model file: ...", "the file is truncated"); the cause, if any, is for logs.
 */
public class ModelFormatException extends IOException {

    public ModelFormatException(String message) {
        super(message);
    }

    public ModelFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
