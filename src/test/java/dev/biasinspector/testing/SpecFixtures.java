package dev.biasinspector.testing;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The safetensors and GGUF fixtures written from their specifications by
 * {@code src/test/python/make_safetensors_gguf_fixtures.py}, and what the generator wrote into
 * them ({@code expected.json}: float32 bit patterns, so NaN and -0 compare exactly).
 */
public final class SpecFixtures {

    private SpecFixtures() {
    }

    /** {@code safetensors/simple_net.safetensors}, {@code gguf/tiny_llama.gguf}, ... */
    public static Path path(String relative) {
        try {
            return Path.of(Objects.requireNonNull(SpecFixtures.class.getResource("/" + relative),
                    "missing fixture " + relative).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The generator's record of one file ({@code folder} is {@code safetensors} or {@code gguf}). */
    public static JsonObject file(String folder, String name) {
        try {
            JsonObject all = JsonParser.parseString(Files.readString(path(folder + "/expected.json"))).getAsJsonObject();
            return all.getAsJsonObject("files").getAsJsonObject(name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The record of tensor {@code name} in a file's record. */
    public static JsonObject tensor(JsonObject file, String name) {
        for (JsonElement t : file.getAsJsonArray("tensors")) {
            if (t.getAsJsonObject().get("name").getAsString().equals(name)) {
                return t.getAsJsonObject();
            }
        }
        throw new IllegalArgumentException("no tensor " + name);
    }

    /** The float32 values the generator wrote, from their bit patterns. */
    public static float[] values(JsonObject tensor) {
        var bits = tensor.getAsJsonArray("bits");
        float[] out = new float[bits.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = Float.intBitsToFloat((int) bits.get(i).getAsLong());
        }
        return out;
    }
}
