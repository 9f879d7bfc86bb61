package dev.biasinspector.format.safetensors;

import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import dev.biasinspector.format.FormatDetector;
import dev.biasinspector.format.ModelFormatException;
import dev.biasinspector.format.ModelReader;
import dev.biasinspector.model.LoadedModel;
import dev.biasinspector.model.ModelFormat;
import dev.biasinspector.model.NaturalOrder;
import dev.biasinspector.model.Parameter;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Opens a Hugging Face model folder as one model: {@code model.safetensors.index.json} names the
 * shard of every tensor (shards are files of the folder itself: names with {@code ..}, absolute
 * paths or links leading out of the folder are refused), or the folder holds one
 * {@code model.safetensors} (or one other {@code .safetensors}). Only headers are read, so a
 * 70 GiB model opens like a small one. {@code config.json}'s {@code model_type} and
 * {@code architectures} become properties.
 */
public final class HuggingFaceFolderReader implements ModelReader {

    /** index.json and config.json are small; more than this is not a real one. */
    static final long MAX_JSON_BYTES = 64L << 20;
    static final int MAX_SHARDS = 100_000;

    @Override
    public ModelFormat format() {
        return ModelFormat.SAFETENSORS;
    }

    @Override
    public LoadedModel read(Path folder) throws IOException {
        Path index = folder.resolve(FormatDetector.INDEX_JSON);
        Map<String, String> properties = new LinkedHashMap<>();
        Map<String, String> weightMap;
        List<String> shards;
        if (Files.isRegularFile(index)) {
            weightMap = readIndex(index, properties);
            shards = new ArrayList<>(new LinkedHashSet<>(weightMap.values()));
            shards.sort(NaturalOrder.INSTANCE);
        } else {
            weightMap = Map.of();
            shards = List.of(singleFile(folder));
        }
        if (shards.size() > MAX_SHARDS) {
            throw new ModelFormatException("the index names more than " + MAX_SHARDS + " shards");
        }
        Path realFolder = folder.toRealPath();
        List<Parameter> parameters = new ArrayList<>();
        Map<String, String> foundIn = new HashMap<>();
        Map<String, String> firstMetadata = null;
        for (String shard : shards) {
            Path file = shardPath(folder, realFolder, shard);
            long size = Files.size(file);
            SafetensorsHeader header;
            try {
                header = SafetensorsHeader.read(file);
            } catch (ModelFormatException e) {
                throw new ModelFormatException("the shard " + shard + " is damaged: " + e.getMessage(), e);
            }
            if (firstMetadata == null) {
                firstMetadata = header.metadata();
            }
            for (SafetensorsHeader.TensorEntry entry : header.tensors()) {
                String other = foundIn.putIfAbsent(entry.name(), shard);
                if (other != null) {
                    throw new ModelFormatException("the tensor " + entry.name() + " is in both " + other + " and " + shard);
                }
                parameters.add(SafetensorsTensors.parameter(file, size, header, entry));
            }
        }
        for (Map.Entry<String, String> e : weightMap.entrySet()) {
            if (!e.getValue().equals(foundIn.get(e.getKey()))) {
                throw new ModelFormatException("the index puts " + e.getKey() + " in " + e.getValue()
                        + ", but that shard does not hold it");
            }
        }
        if (firstMetadata != null) {
            firstMetadata.forEach(properties::putIfAbsent);
        }
        properties.put("shards", String.valueOf(shards.size()));
        properties.put("tensors", String.valueOf(parameters.size()));
        readConfig(folder.resolve("config.json"), properties);
        return new LoadedModel(folder, format(), SafetensorsReader.SOURCE, SafetensorsReader.tree(parameters),
                properties);
    }

    /** model.safetensors, else the folder's only .safetensors file. */
    private static String singleFile(Path folder) throws IOException {
        if (Files.isRegularFile(folder.resolve(FormatDetector.SINGLE_SAFETENSORS))) {
            return FormatDetector.SINGLE_SAFETENSORS;
        }
        List<String> found;
        try (Stream<Path> files = Files.list(folder)) {
            found = files.limit(10_000).map(p -> p.getFileName().toString())
                    .filter(n -> n.toLowerCase(Locale.ROOT).endsWith(".safetensors")).sorted().toList();
        }
        if (found.size() != 1) {
            throw new ModelFormatException(found.isEmpty() ? "the folder holds no .safetensors file"
                    : "the folder holds several .safetensors files but no " + FormatDetector.INDEX_JSON);
        }
        return found.get(0);
    }

    /** A shard of the folder itself: never a path that leads out of it. */
    static Path shardPath(Path folder, Path realFolder, String shard) throws IOException {
        if (shard.isEmpty() || shard.contains("..") || shard.startsWith("/") || shard.startsWith("\\")
                || shard.contains(":") || Path.of(shard).isAbsolute()) {
            throw new ModelFormatException("the index names the shard '" + shard + "', which is outside the model folder");
        }
        Path file = folder.resolve(shard).normalize();
        if (!Files.exists(file)) {
            throw new ModelFormatException("the shard " + shard + " named in " + FormatDetector.INDEX_JSON + " is missing");
        }
        if (!file.toRealPath().startsWith(realFolder)) {
            throw new ModelFormatException("the index names the shard '" + shard + "', which is outside the model folder");
        }
        if (!Files.isRegularFile(file)) {
            throw new ModelFormatException("the shard " + shard + " is not a regular file");
        }
        return file;
    }

    /** {@code {"metadata": {...}, "weight_map": {tensor: shard}}}; metadata scalars become properties. */
    private static Map<String, String> readIndex(Path index, Map<String, String> properties) throws IOException {
        Map<String, String> weightMap = new LinkedHashMap<>();
        try (JsonReader json = new JsonReader(new StringReader(readSmall(index)))) {
            json.beginObject();
            while (json.hasNext()) {
                String key = json.nextName();
                if (key.equals("weight_map")) {
                    json.beginObject();
                    while (json.hasNext()) {
                        String tensor = json.nextName();
                        if (weightMap.put(tensor, json.nextString()) != null) {
                            throw new ModelFormatException("the index names the tensor " + tensor + " twice");
                        }
                    }
                    json.endObject();
                } else if (key.equals("metadata") && json.peek() == JsonToken.BEGIN_OBJECT) {
                    json.beginObject();
                    while (json.hasNext()) {
                        String name = json.nextName();
                        JsonToken token = json.peek();
                        if (token == JsonToken.STRING || token == JsonToken.NUMBER || token == JsonToken.BOOLEAN) {
                            properties.put(name, json.nextString());
                        } else {
                            skipShallow(json, name);
                        }
                    }
                    json.endObject();
                } else {
                    skipShallow(json, key);
                }
            }
            json.endObject();
        } catch (ModelFormatException e) {
            throw e;
        } catch (IOException | IllegalStateException | NumberFormatException e) {
            throw new ModelFormatException(FormatDetector.INDEX_JSON + " is not valid JSON (" + SafetensorsHeader.firstLine(e) + ")", e);
        }
        if (weightMap.isEmpty()) {
            throw new ModelFormatException(FormatDetector.INDEX_JSON + " names no tensors (no weight_map)");
        }
        return weightMap;
    }

    /** config.json: the architecture's name; a missing or odd config is not an error. */
    private static void readConfig(Path config, Map<String, String> properties) {
        if (!Files.isRegularFile(config)) {
            return;
        }
        try (JsonReader json = new JsonReader(new StringReader(readSmall(config)))) {
            json.beginObject();
            while (json.hasNext()) {
                String key = json.nextName();
                if (key.equals("model_type") && json.peek() == JsonToken.STRING) {
                    properties.put("model_type", json.nextString());
                } else if (key.equals("architectures") && json.peek() == JsonToken.BEGIN_ARRAY) {
                    List<String> names = new ArrayList<>();
                    json.beginArray();
                    while (json.hasNext()) {
                        if (json.peek() == JsonToken.STRING) {
                            names.add(json.nextString());
                        } else {
                            skipShallow(json, key);
                        }
                    }
                    json.endArray();
                    properties.put("architectures", String.join(", ", names));
                } else {
                    skipShallow(json, key);
                }
            }
        } catch (IOException | RuntimeException e) {
            properties.put("config.json", "not read (" + e.getMessage() + ")");
        }
    }

    /**
     * Skips a value, refusing deep nesting: Gson's skipValue keeps a stack as deep as the input,
     * so a crafted file of brackets would cost memory.
     */
    private static void skipShallow(JsonReader json, String key) throws IOException {
        int depth = 0;
        do {
            switch (json.peek()) {
                case BEGIN_ARRAY -> {
                    json.beginArray();
                    depth++;
                }
                case BEGIN_OBJECT -> {
                    json.beginObject();
                    depth++;
                }
                case END_ARRAY -> {
                    json.endArray();
                    depth--;
                }
                case END_OBJECT -> {
                    json.endObject();
                    depth--;
                }
                case NAME -> json.nextName();
                default -> json.skipValue();
            }
            if (depth > 32) {
                throw new ModelFormatException("the JSON value of " + key + " is nested too deeply");
            }
        } while (depth > 0);
    }

    private static String readSmall(Path file) throws IOException {
        if (Files.size(file) > MAX_JSON_BYTES) {
            throw new ModelFormatException(file.getFileName() + " is larger than " + (MAX_JSON_BYTES >> 20) + " MiB");
        }
        return Files.readString(file, StandardCharsets.UTF_8);
    }
}
