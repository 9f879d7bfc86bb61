package dev.biasinspector.format;

import java.io.IOException;

/**
 * A file cannot be read as a model. The message is one plain sentence for the user
 * ("not a model file: ...", "the file is truncated"); the cause, if any, is for logs.
 *
 * <p>Messages quote names taken from the file (tensor names, header fields), and a file can put
 * anything in those: line breaks and other control characters are shown as escapes ({@code \n},
 * {@code \u0007}) and a message longer than {@value #MAX_LENGTH} characters is cut, so the sentence
 * stays one line of readable size whatever the file holds.
 */
public class ModelFormatException extends IOException {

    static final int MAX_LENGTH = 400;

    public ModelFormatException(String message) {
        super(oneLine(message));
    }

    public ModelFormatException(String message, Throwable cause) {
        super(oneLine(message), cause);
    }

    /** {@code message} with control characters escaped and at most {@value #MAX_LENGTH} characters. */
    static String oneLine(String message) {
        if (message == null) {
            return null;
        }
        StringBuilder line = new StringBuilder(Math.min(message.length(), MAX_LENGTH) + 8);
        int i = 0;
        for (; i < message.length() && line.length() <= MAX_LENGTH; i++) {
            char c = message.charAt(i);
            switch (c) {
                case '\n' -> line.append("\\n");
                case '\r' -> line.append("\\r");
                case '\t' -> line.append("\\t");
                default -> {
                    if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                        line.append(String.format("\\u%04x", (int) c));
                    } else {
                        line.append(c);
                    }
                }
            }
        }
        if (line.length() > MAX_LENGTH || i < message.length()) {
            line.setLength(MAX_LENGTH - 1);
            line.append('\u2026');
        }
        return line.toString();
    }
}
