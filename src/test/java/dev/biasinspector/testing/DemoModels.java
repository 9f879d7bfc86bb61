package dev.biasinspector.testing;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The demo models under {@code models/} and PyTorch's numbers for them ({@code models/expected.json}). */
public final class DemoModels {

    public static final Path FOLDER = Path.of("models");
    private static JsonObject expected;

    private DemoModels() {
    }

    public static Path path(String relative) {
        return FOLDER.resolve(relative);
    }

    public static synchronized JsonObject expected() {
        if (expected == null) {
            try {
                expected = JsonParser.parseString(Files.readString(FOLDER.resolve("expected.json"))).getAsJsonObject();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return expected;
    }
}
