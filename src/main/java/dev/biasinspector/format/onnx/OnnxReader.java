package dev.biasinspector.format.onnx;

import dev.biasinspector.format.ModelFormatException;
import dev.biasinspector.format.ModelReader;
import dev.biasinspector.model.LoadedModel;
import dev.biasinspector.model.ModelFormat;
import dev.biasinspector.model.ModuleNode;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads an ONNX model ({@code .onnx}, as torch.onnx.export and onnx.save_model write it) in pure
 * Java: the graph's layers with a bias, shown as the PyTorch modules they came from, and the
 * model's facts (ir_version, opset, producer, metadata_props) as properties. Opening reads the
 * graph's structure only; a tensor's values are read from the file (or its external data file)
 * when it is shown. Nothing in the file is run.
 */
public final class OnnxReader implements ModelReader {

    public static final String SOURCE = "ONNX reader (no code run)";
    static final String ROOT_CLASS = "Graph";
    static final String CONTAINER_CLASS = "Module";

    @Override
    public ModelFormat format() {
        return ModelFormat.ONNX;
    }

    @Override
    public LoadedModel read(Path file) throws IOException {
        if (Files.isDirectory(file)) {
            throw new ModelFormatException("a folder is not an ONNX model file");
        }
        OnnxGraph graph;
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            graph = OnnxModelScanner.scan(channel);
        }
        ModuleNode root = buildTree(file, graph);
        return new LoadedModel(file, format(), SOURCE, root, graph.properties());
    }

    /** One module per layer (named as in PyTorch), with the containers its dotted path implies. */
    private static ModuleNode buildTree(Path file, OnnxGraph graph) throws IOException {
        List<OnnxLayer> layers = OnnxLayerFinder.find(graph);
        Map<String, OnnxLayer> byPath = new LinkedHashMap<>();
        for (OnnxLayer layer : layers) {
            String path = OnnxModulePaths.modulePath(layer);
            OnnxLayer earlier = byPath.get(path);
            if (earlier != null && sameParameters(earlier, layer)) {
                continue; // one module called twice (a tied Linear): its parameters are listed once
            }
            String unique = path;
            for (int k = 1; byPath.containsKey(unique); k++) {
                unique = path + "_" + k;
            }
            byPath.put(unique, layer);
        }
        ModuleNode root = new ModuleNode("", graph.graphName().isEmpty() ? ROOT_CLASS : graph.graphName());
        Map<String, ModuleNode> modules = new HashMap<>();
        modules.put("", root);
        for (Map.Entry<String, OnnxLayer> entry : byPath.entrySet()) {
            String path = entry.getKey();
            OnnxLayer layer = entry.getValue();
            ModuleNode module = module(path, modules, byPath);
            if (layer.weight() != null) {
                module.addParameter(InitializerValues.parameter(file, layer.weight(), path + ".weight", "weight"));
            }
            if (layer.bias() != null) {
                module.addParameter(InitializerValues.parameter(file, layer.bias(), path + ".bias", "bias"));
            }
        }
        return root;
    }

    private static boolean sameParameters(OnnxLayer a, OnnxLayer b) {
        return a.bias() == b.bias() && (a.bias() != null || a.weight() == b.weight());
    }

    /** The module at {@code path}, creating it and any missing ancestors (iteratively: names can be deep). */
    private static ModuleNode module(String path, Map<String, ModuleNode> modules, Map<String, OnnxLayer> layers) {
        ModuleNode parent = modules.get("");
        int from = 0;
        while (true) {
            int dot = path.indexOf('.', from);
            String prefix = dot < 0 ? path : path.substring(0, dot);
            ModuleNode node = modules.get(prefix);
            if (node == null) {
                OnnxLayer layer = layers.get(prefix);
                node = new ModuleNode(prefix, layer == null ? CONTAINER_CLASS : layer.className());
                parent.addChild(node);
                modules.put(prefix, node);
            }
            if (dot < 0) {
                return node;
            }
            parent = node;
            from = dot + 1;
        }
    }
}
