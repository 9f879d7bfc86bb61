package dev.biasinspector.format.djl;

import dev.biasinspector.model.ModuleNode;
import dev.biasinspector.model.Parameter;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds a module tree from PyTorch {@code named_parameters()} names ({@code enc.2.0.bias}).
 *
 * <p>Class names are not available through DJL (its JNI exposes parameter names and values,
 * not module types), so they are guessed from the shapes: a module whose own parameters are a
 * 2-D {@code weight} [out, in] plus a 1-D {@code bias} [out], or only such a weight, is called
 * "Linear"; every other module is "Module". The guess calls an {@code nn.Embedding} "Linear" and
 * cannot see quantized Linear layers at all (their packed weights are not parameters).
 */
final class DottedNameTree {

    static final String LINEAR = "Linear";
    static final String UNKNOWN_CLASS = "Module";

    private DottedNameTree() {
    }

    /** @param parameters in file order, each named with its full dotted name */
    static ModuleNode build(List<Parameter> parameters) {
        Map<String, List<Parameter>> byModule = new LinkedHashMap<>();
        byModule.put("", new ArrayList<>());
        for (Parameter p : parameters) {
            String module = modulePath(p.name());
            // register every ancestor in first-seen order so children keep the file's order
            int dot = -1;
            while ((dot = module.indexOf('.', dot + 1)) >= 0) {
                byModule.computeIfAbsent(module.substring(0, dot), k -> new ArrayList<>());
            }
            byModule.computeIfAbsent(module, k -> new ArrayList<>()).add(p);
        }
        Map<String, ModuleNode> nodes = new LinkedHashMap<>();
        byModule.forEach((path, own) -> {
            ModuleNode node = new ModuleNode(path, guessClass(own));
            own.forEach(node::addParameter);
            nodes.put(path, node);
            if (!path.isEmpty()) {
                nodes.get(modulePath(path)).addChild(node);
            }
        });
        return nodes.get("");
    }

    /** Everything before the last dot; empty for a top-level name. */
    static String modulePath(String dottedName) {
        int dot = dottedName.lastIndexOf('.');
        return dot < 0 ? "" : dottedName.substring(0, dot);
    }

    static String localName(String dottedName) {
        return dottedName.substring(dottedName.lastIndexOf('.') + 1);
    }

    static String guessClass(List<Parameter> own) {
        Parameter weight = null;
        Parameter bias = null;
        for (Parameter p : own) {
            switch (p.localName()) {
                case "weight" -> weight = p;
                case "bias" -> bias = p;
                default -> {
                    return UNKNOWN_CLASS;
                }
            }
        }
        if (weight == null || weight.shape().length != 2) {
            return UNKNOWN_CLASS;
        }
        if (bias == null) {
            return LINEAR;
        }
        long[] biasShape = bias.shape();
        return biasShape.length == 1 && biasShape[0] == weight.shape()[0] ? LINEAR : UNKNOWN_CLASS;
    }
}
