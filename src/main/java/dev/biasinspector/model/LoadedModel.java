package dev.biasinspector.model;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A model file as read by one reader: its module tree, where it came from and how it was read.
 *
 * @param file       the file or folder that was opened
 * @param format     the file format the values came from (for a model folder: its model file's)
 * @param source     how the values were obtained, shown to users, e.g. "archive reader (no code run)"
 * @param root       the root module
 * @param properties extra facts about the file (DJL header properties, serving.properties, ...)
 * @param modelFile  for a model folder or packed folder: the model file read in it, relative to
 *                   the folder ({@code /}-separated); {@code null} when {@code file} is the model
 */
public record LoadedModel(Path file, ModelFormat format, String source, ModuleNode root, Map<String, String> properties,
                          String modelFile) {

    public LoadedModel {
        properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
    }

    public LoadedModel(Path file, ModelFormat format, String source, ModuleNode root, Map<String, String> properties) {
        this(file, format, source, root, properties, null);
    }

    public LoadedModel(Path file, ModelFormat format, String source, ModuleNode root) {
        this(file, format, source, root, Map.of());
    }

    /** The model file read inside the opened folder or archive, if a folder was opened. */
    public Optional<String> modelFileInFolder() {
        return Optional.ofNullable(modelFile);
    }

    /** Every bias in file order (modules in pre-order, parameters in stored order). */
    public List<BiasEntry> allBiases() {
        List<BiasEntry> result = new ArrayList<>();
        root.walk(module -> {
            for (Parameter p : module.parameters()) {
                if (p.isBias()) {
                    result.add(new BiasEntry(p, module));
                }
            }
        });
        return result;
    }

    /** Biases of Linear layers only. */
    public List<BiasEntry> linearBiases() {
        return allBiases().stream().filter(BiasEntry::isLinear).toList();
    }

    public List<BiasEntry> biases(boolean all) {
        return all ? allBiases() : linearBiases();
    }

    /** Finds a module by dotted path ({@code ""} is the root). */
    public Optional<ModuleNode> module(String path) {
        ModuleNode[] found = {null};
        root.walk(m -> {
            if (found[0] == null && m.path().equals(path)) {
                found[0] = m;
            }
        });
        return Optional.ofNullable(found[0]);
    }

    /** Number of modules, the root included. */
    public int moduleCount() {
        int[] count = {0};
        root.walk(m -> count[0]++);
        return count[0];
    }

    public String fileName() {
        Path name = file.getFileName();
        return name == null ? file.toString() : name.toString();
    }
}
