package dev.biasinspector.session;

import dev.biasinspector.format.ModelFormatException;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;

/** Turns a failure into the one sentence a user reads, and the details for those who want them. */
public final class LoadFailure {

    private LoadFailure() {
    }

    /** E.g. "model.pt could not be opened: the file is truncated." */
    public static String sentence(String fileName, String whatFailed, Throwable failure) {
        return fileName + " could not be " + whatFailed + ": " + reason(failure) + ".";
    }

    /** The reason without jargon; for our own format errors, their message is written for users. */
    public static String reason(Throwable failure) {
        String message = failure.getMessage();
        String reason;
        if (failure instanceof ModelFormatException && message != null) {
            reason = message;
        } else if (failure instanceof NoSuchFileException) {
            reason = "the file does not exist";
        } else if (failure instanceof AccessDeniedException) {
            reason = "permission denied";
        } else if (failure instanceof OutOfMemoryError) {
            reason = "there is not enough memory";
        } else if (failure instanceof StackOverflowError) {
            reason = "it is nested too deeply to read";
        } else if (message != null && !message.isBlank()) {
            reason = message;
        } else {
            reason = "unexpected " + failure.getClass().getSimpleName();
        }
        return reason.endsWith(".") ? reason.substring(0, reason.length() - 1) : reason;
    }

    /** The full stack trace, for the dialog's details and bug reports. */
    public static String details(Throwable failure) {
        StringWriter out = new StringWriter();
        failure.printStackTrace(new PrintWriter(out));
        return out.toString();
    }
}
