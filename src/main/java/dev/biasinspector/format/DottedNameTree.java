package dev.biasinspector.format;

import dev.biasinspector.model.ModuleNode;
import dev.biasinspector.model.Parameter;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds a module tree from PyTorch {@code named_parameters()} or {@code state_dict()} names
 * ({@code enc.2.0.bias}), for sources that give names but no module classes: DJL's engine (its JNI
 * exposes parameter names and values, not module types) and {@code torch.save} state dicts.
 *
 * <p>Class names are guessed from the shapes: a module whose own parameters are a
 * 2-D {@code weight} [out, in] plus a 1-D {@code bias} [out], or only such a weight, is called
 * "Linear"; with a 3-, 4- or 5-D weight, "Conv1d", "Conv2d" or "Conv3d"; one that also holds
 * {@code running_mean} and {@code running_var} (a state dict's BatchNorm), "BatchNorm"; every
 * other module is "Module". The guess calls an {@code nn.Embedding} "Linear" and
 * cannot see quantized Linear layers at all (their packed weights are not parameters).
 */
public final class DottedNameTree {

    public static final String LINEAR = "Linear";
    public static final String UNKNOWN_CLASS = "Module";
    public static final String BATCH_NORM = "BatchNorm";

    private DottedNameTree() {
    }

    /** @param parameters in file order, each named with its full dotted name */
    public static ModuleNode build(List<Parameter> parameters) {
        return build(parameters, (path, own) -> guessClass(own));
    }

    /**
     * As {@link #build(List)}, with the class of each module named by {@code classOf(path, own
     * parameters)}: for formats whose names carry more than shapes do (llama.cpp's {@code attn_q}).
     */
    public static ModuleNode build(List<Parameter> parameters,
                                   java.util.function.BiFunction<String, List<Parameter>, String> classOf) {
        Map<String, List<Parameter>> byModule = new LinkedHashMap<>();
        byModule.put("", new ArrayList<>());
        for (Parameter p : parameters) {
            String module = isPlausiblePath(p.name()) ? modulePath(p.name()) : "";
            // register every ancestor in first-seen order so children keep the file's order
            int dot = -1;
            while ((dot = module.indexOf('.', dot + 1)) >= 0) {
                byModule.computeIfAbsent(module.substring(0, dot), k -> new ArrayList<>());
            }
            byModule.computeIfAbsent(module, k -> new ArrayList<>()).add(p);
        }
        Map<String, ModuleNode> nodes = new LinkedHashMap<>();
        byModule.forEach((path, own) -> {
            ModuleNode node = new ModuleNode(path, classOf.apply(path, own));
            own.forEach(node::addParameter);
            nodes.put(path, node);
            if (!path.isEmpty()) {
                nodes.get(modulePath(path)).addChild(node);
            }
        });
        return nodes.get("");
    }

    /** Levels and characters of a dotted name that becomes a module path; real ones have a handful of levels. */
    static final int MAX_LEVELS = 64;
    static final int MAX_NAME_CHARS = 4096;

    /**
     * A name like {@code a.a.a.…} with 100,000 levels would make 100,000 nested modules, each
     * path a copy of the name (gigabytes) and a tree deeper than any walk of it can go. Such a
     * parameter is kept, under its full name, at the top level instead.
     */
    private static boolean isPlausiblePath(String name) {
        if (name.length() > MAX_NAME_CHARS) {
            return false;
        }
        int levels = 0;
        for (int i = 0; i < name.length(); i++) {
            if (name.charAt(i) == '.' && ++levels > MAX_LEVELS) {
                return false;
            }
        }
        return true;
    }

    /** Everything before the last dot; empty for a top-level name. */
    public static String modulePath(String dottedName) {
        int dot = dottedName.lastIndexOf('.');
        return dot < 0 ? "" : dottedName.substring(0, dot);
    }

    public static String localName(String dottedName) {
        return dottedName.substring(dottedName.lastIndexOf('.') + 1);
    }

    public static String guessClass(List<Parameter> own) {
        Parameter weight = null;
        Parameter bias = null;
        java.util.Set<String> others = new java.util.HashSet<>();
        for (Parameter p : own) {
            switch (p.localName()) {
                case "weight" -> weight = p;
                case "bias" -> bias = p;
                default -> others.add(p.localName());
            }
        }
        if (others.contains("running_mean") && others.contains("running_var")) {
            // A state dict holds BatchNorm's buffers beside its parameters.
            return BATCH_NORM;
        }
        if (!others.isEmpty() || weight == null) {
            return UNKNOWN_CLASS;
        }
        long[] w = weight.shape();
        boolean biasMatches = bias == null || bias.shape().length == 1 && bias.shape()[0] == w[0];
        if (!biasMatches) {
            return UNKNOWN_CLASS;
        }
        return switch (w.length) {
            case 2 -> LINEAR;
            case 3, 4, 5 -> "Conv" + (w.length - 2) + "d";
            default -> UNKNOWN_CLASS;
        };
    }
}
