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
 * {@code .pt} or as {@code <name>-NNNN.params} (highest epoch wins), else {@code model.pt}, else
 * the only model file there is.
 */
final class ModelFileChooser {

    static final List<String> EXTENSIONS = List.of(".pt", ".pth", ".torchscript", ".params");
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
        List<String> candidates = names.stream().filter(ModelFileChooser::isModelFileName).sorted().toList();
        if (candidates.isEmpty()) {
            throw new ModelFormatException("the model folder holds no model file (.pt, .pth, .torchscript or .params)");
        }
        java.util.Optional<String> chosen = standsOut(candidates, serving, folderName);
        if (chosen.isPresent()) {
            return chosen.get();
        }
        List<String> shown = candidates.subList(0, Math.min(5, candidates.size()));
        throw new ModelFormatException("the model folder holds several model files; open one of them directly: "
                + String.join(", ", shown) + (candidates.size() > shown.size() ? ", ..." : ""));
    }

    /**
     * The model file DJL would load from these candidates: the one named after the model (the
     * latest epoch of several), the only one, or {@code model.pt}; empty when none stands out.
     */
    static java.util.Optional<String> standsOut(List<String> candidates, Map<String, String> serving, String folderName) {
        String prefix = serving.getOrDefault("option.modelName", serving.getOrDefault("modelName", folderName));
        List<String> named = new ArrayList<>();
        for (String candidate : candidates) {
            String base = baseName(candidate);
            Matcher epoch = EPOCH.matcher(base);
            if (base.equals(prefix + ".pt") || base.equals(prefix) || (epoch.matches() && epoch.group(1).equals(prefix))) {
                named.add(candidate);
            }
        }
        if (!named.isEmpty()) {
            // several epochs of one model: the latest, as DJL's Utils.getCurrentEpoch does
            return named.stream().max(Comparator.comparing(ModelFileChooser::baseName));
        }
        if (candidates.size() == 1) {
            return java.util.Optional.of(candidates.get(0));
        }
        return candidates.stream().filter(c -> baseName(c).equals("model.pt")).findFirst();
    }

    static String baseName(String relativePath) {
        return relativePath.substring(relativePath.lastIndexOf('/') + 1);
    }
}
