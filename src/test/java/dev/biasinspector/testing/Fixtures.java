package dev.biasinspector.testing;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The TorchScript fixtures made by {@code src/test/python/make_fixtures.py} with real PyTorch, and
 * what PyTorch itself said about each ({@code expected.json}).
 */
public final class Fixtures {

    private static JsonObject expected;

    private Fixtures() {
    }

    public static Path path(String fileName) {
        try {
            return Path.of(Objects.requireNonNull(Fixtures.class.getResource("/fixtures/" + fileName),
                    "missing fixture " + fileName).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    public static synchronized JsonObject expected() {
        if (expected == null) {
            try (Reader reader = new InputStreamReader(
                    Objects.requireNonNull(Fixtures.class.getResourceAsStream("/fixtures/expected.json")),
                    StandardCharsets.UTF_8)) {
                expected = JsonParser.parseReader(reader).getAsJsonObject().getAsJsonObject("fixtures");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return expected;
    }

    public static List<String> names() {
        return new ArrayList<>(expected().keySet());
    }

    public static JsonObject fixture(String fileName) {
        return expected().getAsJsonObject(fileName);
    }

    /** PyTorch's values of one bias of one fixture, as float32. */
    public static float[] biasValues(String fileName, String biasName) {
        for (JsonElement bias : fixture(fileName).getAsJsonArray("biases")) {
            JsonObject b = bias.getAsJsonObject();
            if (b.get("name").getAsString().equals(biasName)) {
                return floats(b.getAsJsonArray("values"));
            }
        }
        throw new IllegalArgumentException(fileName + " has no bias " + biasName);
    }

    public static float[] floats(JsonArray array) {
        float[] out = new float[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) array.get(i).getAsDouble();
        }
        return out;
    }

    /** numpy's argmax of a writer's output: the first index of the largest value. */
    public static int argMax(float[] values) {
        int best = 0;
        for (int i = 1; i < values.length; i++) {
            if (values[i] > values[best]) {
                best = i;
            }
        }
        return best;
    }

    public static long[] longs(JsonArray array) {
        long[] out = new long[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).getAsLong();
        }
        return out;
    }
}
