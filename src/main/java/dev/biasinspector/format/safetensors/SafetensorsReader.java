package dev.biasinspector.format.safetensors;

import dev.biasinspector.format.DottedNameTree;
import dev.biasinspector.format.ModelReader;
import dev.biasinspector.model.LoadedModel;
import dev.biasinspector.model.ModelFormat;
import dev.biasinspector.model.NaturalOrder;
import dev.biasinspector.model.Parameter;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads one {@code .safetensors} file: its header only (names, dtypes, shapes, offsets, and
 * {@code __metadata__} as properties); the tree comes from the dotted names, and a tensor's bytes
 * are read when it is shown. Executes nothing: the format holds no code.
 */
public final class SafetensorsReader implements ModelReader {

    public static final String SOURCE = "safetensors reader (headers only; values read when shown)";

    @Override
    public ModelFormat format() {
        return ModelFormat.SAFETENSORS;
    }

    @Override
    public LoadedModel read(Path file) throws IOException {
        long size = Files.size(file);
        SafetensorsHeader header = SafetensorsHeader.read(file);
        List<Parameter> parameters = new ArrayList<>();
        for (SafetensorsHeader.TensorEntry entry : header.tensors()) {
            parameters.add(SafetensorsTensors.parameter(file, size, header, entry));
        }
        Map<String, String> properties = new LinkedHashMap<>(header.metadata());
        properties.put("tensors", String.valueOf(parameters.size()));
        return new LoadedModel(file, format(), SOURCE, tree(parameters), properties);
    }

    /**
     * The module tree of a state dict's names, in natural name order ({@code layers.2} before
     * {@code layers.10}): safetensors keeps no order of its own worth showing.
     */
    static dev.biasinspector.model.ModuleNode tree(List<Parameter> parameters) {
        List<Parameter> sorted = new ArrayList<>(parameters);
        sorted.sort(Comparator.comparing(Parameter::name, NaturalOrder.INSTANCE));
        return DottedNameTree.build(sorted);
    }
}
