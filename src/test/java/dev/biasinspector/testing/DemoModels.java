package dev.biasinspector.testing;

import com.google.gson.JsonElement;
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

    /** PyTorch's values of the parameter {@code name} of the demo file {@code file} (e.g. {@code checkpoints/epoch_5.pt}). */
    public static float[] values(String file, String name) {
        for (JsonElement parameter : expected().getAsJsonObject("files").getAsJsonObject(file).getAsJsonArray("parameters")) {
            if (parameter.getAsJsonObject().get("name").getAsString().equals(name)) {
                return Fixtures.floats(parameter.getAsJsonObject().getAsJsonArray("values"));
            }
        }
        throw new IllegalArgumentException(file + " has no parameter " + name);
    }

    /** What the generator computed with PyTorch for the bias {@code name} between demo files {@code a} and {@code b}. */
    public static JsonObject diff(String a, String b, String name) {
        for (JsonElement diff : expected().getAsJsonArray("diffs")) {
            JsonObject d = diff.getAsJsonObject();
            if (d.get("a").getAsString().equals(a) && d.get("b").getAsString().equals(b)) {
                for (JsonElement bias : d.getAsJsonArray("biases")) {
                    if (bias.getAsJsonObject().get("name").getAsString().equals(name)) {
                        return bias.getAsJsonObject();
                    }
                }
            }
        }
        throw new IllegalArgumentException("no diff " + a + " -> " + b + " for " + name);
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
