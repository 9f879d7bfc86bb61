package dev.biasinspector.format.onnx;

import dev.biasinspector.model.Parameter;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Names a layer's module the way PyTorch named it, from what an ONNX file keeps of that name.
 *
 * <p>torch.onnx keeps a parameter's name as the initializer's name when it stores the parameter
 * unchanged ({@code fc1.bias}: module {@code fc1}). Tensors the exporter computes (a Conv with its
 * BatchNorm folded in, a transposed MatMul weight) get generated names ({@code onnx::Conv_21}); the
 * node's name then tells the module: torch.onnx names nodes by the module scopes they were called
 * in, {@code /layer1/layer1.0/conv1/Conv}. Each scope part is the module's qualified name cut back
 * to its last non-numeric part ({@code layer1.0} stays, {@code layer1.0.conv1} becomes
 * {@code conv1}), so the last dotted part of each scope, joined, is the module's path:
 * {@code layer1.0.conv1}.
 */
final class OnnxModulePaths {

    /** A name as PyTorch's named_parameters() gives it: identifiers and indices joined by dots. */
    private static final Pattern PYTORCH_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z0-9_]+)+");

    private OnnxModulePaths() {
    }

    /**
     * The module path of a layer: from its bias's kept PyTorch name, else its weight's, else the
     * node's name, else the initializer's name made safe; never empty.
     */
    static String modulePath(OnnxLayer layer) {
        if (layer.bias() != null && isPyTorchName(layer.biasName(), true)) {
            return ownerOf(layer.biasName());
        }
        if (layer.weight() != null && isPyTorchName(layer.weightName(), false)) {
            return ownerOf(layer.weightName());
        }
        String fromNode = fromNodeName(layer.node().name());
        if (!fromNode.isEmpty()) {
            return fromNode;
        }
        String named = layer.bias() != null ? layer.biasName() : layer.weightName();
        String safe = named.replaceAll("[^A-Za-z0-9_]+", "_").replaceAll("^_+|_+$", "");
        return safe.isEmpty() ? layer.node().opType() : safe;
    }

    /** Whether an initializer kept its PyTorch name ({@code enc.2.0.bias}, {@code fc.weight}). */
    static boolean isPyTorchName(String name, boolean bias) {
        if (!PYTORCH_NAME.matcher(name).matches()) {
            return false;
        }
        String last = name.substring(name.lastIndexOf('.') + 1);
        return bias ? Parameter.isBiasName(last) : last.equals("weight");
    }

    /**
     * {@code /layer1/layer1.0/conv1/Conv} → {@code layer1.0.conv1}; a name without scopes
     * ({@code dense}, {@code Gemm_0}) is the module's name itself; {@code /Gemm} (a call at the root)
     * gives its last part, {@code Gemm}.
     */
    static String fromNodeName(String nodeName) {
        if (nodeName.indexOf('/') < 0) {
            return nodeName.trim();
        }
        List<String> parts = new ArrayList<>();
        for (String part : nodeName.split("/")) {
            if (!part.isEmpty()) {
                parts.add(part);
            }
        }
        if (parts.isEmpty()) {
            return "";
        }
        if (parts.size() == 1) {
            return parts.get(0);
        }
        List<String> path = new ArrayList<>();
        for (String scope : parts.subList(0, parts.size() - 1)) {
            String last = scope.substring(scope.lastIndexOf('.') + 1);
            path.add(last.isEmpty() ? scope : last);
        }
        return String.join(".", path);
    }

    private static String ownerOf(String dottedName) {
        return dottedName.substring(0, dottedName.lastIndexOf('.'));
    }
}
