package dev.biasinspector.format.onnx;

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
 * The ONNX fixtures written by {@code src/test/python/make_onnx_fixtures.py} with torch.onnx.export
 * and onnx.helper, and what ONNX's own reader said about each ({@code onnx/expected.json}).
 */
public final class OnnxFixtures {

    private static JsonObject expected;

    private OnnxFixtures() {
    }

    public static Path path(String relative) {
        try {
            return Path.of(Objects.requireNonNull(OnnxFixtures.class.getResource("/onnx/" + relative),
                    "missing fixture " + relative).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    public static synchronized JsonObject expected() {
        if (expected == null) {
            try (Reader reader = new InputStreamReader(
                    Objects.requireNonNull(OnnxFixtures.class.getResourceAsStream("/onnx/expected.json")),
                    StandardCharsets.UTF_8)) {
                // lenient: the oracle writes NaN and Infinity as Python's json does
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

    public static JsonObject fixture(String relative) {
        return expected().getAsJsonObject(relative);
    }

    public static List<JsonObject> biases(String relative) {
        List<JsonObject> out = new ArrayList<>();
        for (JsonElement bias : fixture(relative).getAsJsonArray("biases")) {
            out.add(bias.getAsJsonObject());
        }
        return out;
    }

    public static JsonObject bias(String relative, String name) {
        return biases(relative).stream().filter(b -> b.get("name").getAsString().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(relative + " has no bias " + name));
    }

    /** The writer's float32 values of a bias, bit for bit (NaN payloads included). */
    public static float[] values(JsonObject bias) {
        var bits = bias.getAsJsonArray("bits");
        float[] out = new float[bits.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = Float.intBitsToFloat((int) bits.get(i).getAsLong());
        }
        return out;
    }
}
