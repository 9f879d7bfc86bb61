package dev.biasinspector.format.torchscript;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the archive's {@code code/} folder declares about each class: whether it is a module and
 * which attributes are parameters ({@code __parameters__ = ["weight", "bias", ]}). The source is
 * only read as text, never run.
 */
final class ClassDeclarations {

    /** What one class declares. */
    record Declaration(boolean module, Set<String> parameters) {
    }

    private static final long MAX_SOURCE_BYTES = 16L << 20;
    private static final Pattern CLASS_LINE = Pattern.compile("^class (\\w+)\\(([\\w.]*)\\):", Pattern.MULTILINE);
    private static final Pattern PARAMETERS_LINE = Pattern.compile("^  __parameters__ = \\[(.*)]\\s*$", Pattern.MULTILINE);
    private static final Pattern QUOTED = Pattern.compile("\"([^\"]*)\"");

    private final PyTorchArchive archive;
    private final Map<String, Map<String, Declaration>> byFile = new HashMap<>();

    ClassDeclarations(PyTorchArchive archive) {
        this.archive = archive;
    }

    /**
     * Looks up a class by its qualified TorchScript name, e.g.
     * {@code __torch__.torch.nn.modules.linear.___torch_mangle_0.Linear}.
     */
    Optional<Declaration> find(String module, String className) throws IOException {
        if (!module.startsWith("__torch__")) {
            return Optional.empty();
        }
        String file = "code/" + module.replace('.', '/') + ".py";
        Map<String, Declaration> classes = byFile.get(file);
        if (classes == null) {
            classes = archive.has(file) ? parse(new String(archive.read(file, MAX_SOURCE_BYTES), StandardCharsets.UTF_8))
                    : Map.of();
            byFile.put(file, classes);
        }
        return Optional.ofNullable(classes.get(className));
    }

    static Map<String, Declaration> parse(String source) {
        Map<String, Declaration> classes = new HashMap<>();
        Matcher header = CLASS_LINE.matcher(source);
        int[] starts = header.results().mapToInt(r -> r.start()).toArray();
        header.reset();
        int index = 0;
        while (header.find()) {
            int end = index + 1 < starts.length ? starts[index + 1] : source.length();
            String body = source.substring(header.end(), end);
            boolean module = header.group(2).equals("Module");
            Set<String> parameters = new LinkedHashSet<>();
            Matcher line = PARAMETERS_LINE.matcher(body);
            if (line.find()) {
                Matcher name = QUOTED.matcher(line.group(1));
                while (name.find()) {
                    parameters.add(name.group(1));
                }
            }
            classes.put(header.group(1), new Declaration(module, parameters));
            index++;
        }
        return classes;
    }
}
