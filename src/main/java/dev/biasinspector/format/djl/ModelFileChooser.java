package dev.biasinspector.format.djl;

import dev.biasinspector.format.ModelFormatException;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Picks the model file of a DJL model folder the way DJL's PyTorch engine looks for it: the file
 * named after {@code option.modelName} from serving.properties (else after the folder), with
 * {@code .pt} or {@code .onnx} (DJL's OnnxRuntime engine) or as {@code <name>-NNNN.params} (highest
 * epoch wins), else {@code model.pt} or {@code model.onnx}, else
 * the only model file there is. A folder whose serving.properties says {@code engine=OnnxRuntime}
 * is looked for {@code .onnx} files only, one with another engine for the others.
 */
final class ModelFileChooser {

    static final List<String> EXTENSIONS = List.of(".pt", ".pth", ".torchscript", ".params", ".onnx");
    static final String ONNX_ENGINE = "OnnxRuntime";
    private static final Pattern EPOCH = Pattern.compile("(.+)-(\\d{4})\\.params");

    private ModelFileChooser() {
    }

    static boolean isModelFileName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return EXTENSIONS.stream().anyMatch(lower::endsWith);
    }

    /**
     * @param names      relative paths of the files in the model folder ({@code /}-separated)
     * @param serving    serving.properties entries (may be empty)
     * @param folderName the folder's (or archive's) name without extension
     */
    static String choose(List<String> names, Map<String, String> serving, String folderName)
            throws ModelFormatException {
        List<String> candidates = forEngine(names.stream().filter(ModelFileChooser::isModelFileName).sorted().toList(),
                serving.get("engine"));
        if (candidates.isEmpty()) {
            throw new ModelFormatException("the model folder holds no model file (.pt, .pth, .torchscript, .params or .onnx)");
        }
        String prefix = serving.getOrDefault("option.modelName", serving.getOrDefault("modelName", folderName));
        List<String> named = new ArrayList<>();
        for (String candidate : candidates) {
            String base = baseName(candidate);
            Matcher epoch = EPOCH.matcher(base);
            if (base.equals(prefix + ".pt") || base.equals(prefix + ".onnx") || base.equals(prefix) || (epoch.matches() && epoch.group(1).equals(prefix))) {
                named.add(candidate);
            }
        }
        if (!named.isEmpty()) {
            // several epochs of one model: the latest, as DJL's Utils.getCurrentEpoch does
            return named.stream().max(Comparator.comparing(ModelFileChooser::baseName)).orElseThrow();
        }
        if (candidates.size() == 1) {
            return candidates.get(0);
        }
        for (String candidate : candidates) {
            if (baseName(candidate).equals("model.pt") || baseName(candidate).equals("model.onnx")) {
                return candidate;
            }
        }
        List<String> shown = candidates.subList(0, Math.min(5, candidates.size()));
        throw new ModelFormatException("the model folder holds several model files; open one of them directly: "
                + String.join(", ", shown) + (candidates.size() > shown.size() ? ", ..." : ""));
    }

    /** The candidates the folder's engine can load, when it names one and some fit. */
    private static List<String> forEngine(List<String> candidates, String engine) {
        if (engine == null) {
            return candidates;
        }
        boolean onnxEngine = engine.trim().equalsIgnoreCase(ONNX_ENGINE);
        List<String> fitting = candidates.stream()
                .filter(c -> c.toLowerCase(Locale.ROOT).endsWith(".onnx") == onnxEngine).toList();
        return fitting.isEmpty() ? candidates : fitting;
    }

    static String baseName(String relativePath) {
        return relativePath.substring(relativePath.lastIndexOf('/') + 1);
    }
}
