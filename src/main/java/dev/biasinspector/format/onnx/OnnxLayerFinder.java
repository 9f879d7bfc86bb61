package dev.biasinspector.format.onnx;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds the layers of an ONNX graph, which has no Linear or Conv layers as such, only operators:
 * a bias is the 1-D initializer in input C of {@code Gemm}, input B of {@code Conv} or
 * {@code ConvTranspose}, or the constant operand of an {@code Add} whose other operand a
 * {@code MatMul} computes (how torch.onnx exports a Linear on 3-D input). torch.onnx passes shared
 * initializers on through {@code Identity} nodes, which are followed back to the initializer.
 *
 * <p>torch.onnx also stores equal tensors once (ResNet's folded BatchNorm biases right after
 * initialisation) and gives the other users an Identity whose output keeps their own name, so each
 * layer keeps the name it sees ({@link OnnxLayer#biasName()}) and the values it resolves to.
 */
final class OnnxLayerFinder {

    private final Map<String, InitializerRecord> initializers;
    private final Map<String, String> identityInput = new HashMap<>();
    private final Map<String, GraphNode> producer = new HashMap<>();

    private OnnxLayerFinder(OnnxGraph graph) {
        this.initializers = graph.initializers();
        for (GraphNode node : graph.nodes()) {
            for (String output : node.outputs()) {
                producer.putIfAbsent(output, node);
            }
            if (node.opType().equals("Identity") && node.inputs().size() == 1 && node.outputs().size() == 1) {
                identityInput.putIfAbsent(node.outputs().get(0), node.input(0));
            }
        }
    }

    static List<OnnxLayer> find(OnnxGraph graph) {
        return new OnnxLayerFinder(graph).layers(graph.nodes());
    }

    private List<OnnxLayer> layers(List<GraphNode> nodes) {
        List<OnnxLayer> layers = new ArrayList<>();
        for (GraphNode node : nodes) {
            OnnxLayer layer = layerOf(node);
            if (layer != null && (layer.weight() != null || layer.bias() != null)) {
                layers.add(layer);
            }
        }
        return layers;
    }

    private OnnxLayer layerOf(GraphNode node) {
        return switch (node.opType()) {
            case "Gemm" -> layer(node, "Linear", node.input(1), node.input(2));
            case "Conv", "ConvTranspose" -> {
                InitializerRecord weight = constant(node.input(1));
                yield layer(node, convClass(node.opType(), weight), node.input(1), node.input(2));
            }
            case "Add" -> linearAdd(node);
            default -> null;
        };
    }

    /** An Add of a MatMul's result and a 1-D constant, in either order. */
    private OnnxLayer linearAdd(GraphNode add) {
        if (add.inputs().size() != 2) {
            return null;
        }
        for (int i = 0; i < 2; i++) {
            GraphNode matmul = producer.get(add.input(1 - i));
            InitializerRecord bias = bias(add.input(i));
            if (bias != null && matmul != null && matmul.opType().equals("MatMul")) {
                String weight = constant(matmul.input(1)) != null ? matmul.input(1) : matmul.input(0);
                return layer(add, "Linear", weight, add.input(i));
            }
        }
        return null;
    }

    private OnnxLayer layer(GraphNode node, String className, String weightName, String biasName) {
        InitializerRecord weight = constant(weightName);
        InitializerRecord bias = bias(biasName);
        return new OnnxLayer(node, className, weight, bias, weight == null ? "" : weightName, bias == null ? "" : biasName);
    }

    /** {@code Conv2d} for a 4-D weight, as PyTorch names the layer; plain {@code Conv} when the rank is unusual. */
    private static String convClass(String opType, InitializerRecord weight) {
        int spatial = weight == null ? -1 : weight.rank() - 2;
        return spatial >= 1 && spatial <= 3 ? opType + spatial + "d" : opType;
    }

    private InitializerRecord bias(String value) {
        InitializerRecord initializer = constant(value);
        return initializer != null && initializer.rank() == 1 ? initializer : null;
    }

    /** The initializer a value is, directly or through a chain of Identity nodes; null for computed values. */
    private InitializerRecord constant(String value) {
        String current = value;
        // a chain can be no longer than the number of Identity nodes; this also stops a cycle
        for (int steps = 0; steps <= identityInput.size() && !current.isEmpty(); steps++) {
            InitializerRecord initializer = initializers.get(current);
            if (initializer != null) {
                return initializer;
            }
            String next = identityInput.get(current);
            if (next == null) {
                return null;
            }
            current = next;
        }
        return null;
    }
}
