package dev.biasinspector.cli;

import dev.biasinspector.format.ModelFormatException;

import java.io.IOException;

/** The reason part of {@code error: FILE: reason} for a failure that is not already a sentence. */
final class FailureReason {

    private FailureReason() {
    }

    static String of(Throwable failure) {
        if (failure instanceof OutOfMemoryError) {
            return "there is not enough memory to read it (the Java heap is full)";
        }
        if (failure instanceof StackOverflowError) {
            return "it is nested too deeply to read";
        }
        if (failure instanceof ModelFormatException || failure instanceof IOException) {
            String message = failure.getMessage();
            return message == null || message.isBlank() ? failure.getClass().getSimpleName() : message;
        }
        // A bug in this app rather than something the file said: name it without a trace.
        return "it could not be read (internal error " + failure.getClass().getSimpleName()
                + (failure.getMessage() == null ? "" : ": " + oneLine(failure.getMessage())) + ")";
    }

    private static String oneLine(String message) {
        String line = message.lines().findFirst().orElse("");
        return line.length() > 200 ? line.substring(0, 200) + "…" : line;
    }
}
