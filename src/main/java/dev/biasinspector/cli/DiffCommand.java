package dev.biasinspector.cli;

import com.google.gson.stream.JsonWriter;
import dev.biasinspector.model.BiasChange;
import dev.biasinspector.model.LoadedModel;
import dev.biasinspector.model.ModelComparison;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

final class DiffCommand implements Callable<Integer> {

    final ModelOptions modelOptions = new ModelOptions();

    Path other;

    boolean json;

    CommandSpec spec;

    /** This command as picocli's model, bound to these fields (in code: see {@link Binding}). */
    CommandSpec declare() {
        spec = DeferredFactory.specOf(this).name("diff");
        spec.usageMessage().description("Compare the biases of two checkpoints of the same architecture.");
        modelOptions.declareIn(spec);
        Binding<Path> otherField = Binding.of(() -> other, v -> other = v);
        spec.addPositional(PositionalParamSpec.builder().index("1").arity("1").required(true).paramLabel("B").type(Path.class)
                .description("The second model file (\"after\").").getter(otherField).setter(otherField).build());
        spec.addOption(Binding.flag("--json", "Print JSON.", () -> json, v -> json = v));
        return spec;
    }

    @Override
    public Integer call() throws Exception {
        LoadedModel a = modelOptions.open();
        LoadedModel b = modelOptions.open(other);
        ModelComparison comparison;
        try {
            comparison = ModelComparison.of(a, b);
        } catch (IOException e) {
            throw new ModelFileException(modelOptions.model, e);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            writeJson(out, comparison);
        } else {
            writeTable(out, comparison);
        }
        out.flush();
        return 0;
    }

    private static void writeJson(PrintWriter out, ModelComparison comparison) throws IOException {
        JsonWriter w = Json.writer(out);
        w.beginObject();
        w.name("biases").beginArray();
        for (BiasChange change : comparison.changes()) {
            w.beginObject();
            w.name("name").value(change.name());
            w.name("n").value(change.size());
            w.name("maxAbsChange").value(change.maxAbsChange());
            w.name("l2Change").value(change.l2Change());
            w.name("relativeChange").value(change.relativeChange());
            w.endObject();
        }
        w.endArray();
        names(w, "onlyInA", comparison.onlyInA());
        names(w, "onlyInB", comparison.onlyInB());
        names(w, "shapeChanged", comparison.shapeChanged());
        if (comparison.droppedPrefix() != null) {
            w.name("droppedPrefix").beginObject();
            w.name("prefix").value(comparison.droppedPrefix().prefix());
            w.name("from").value(comparison.droppedPrefix().fromA() ? "A" : "B");
            w.endObject();
        }
        w.endObject();
        w.flush();
        out.println();
    }

    private static void names(JsonWriter w, String key, List<String> names) throws IOException {
        w.name(key).beginArray();
        for (String name : names) {
            w.value(name);
        }
        w.endArray();
    }

    /** Ranked by change, largest first, so the layer that moved most is on top. */
    private static void writeTable(PrintWriter out, ModelComparison comparison) {
        List<BiasChange> ranked = comparison.rankedByChange();
        comparison.pairingNote().ifPresent(note -> out.println("(" + note + ")"));
        int width = Math.max(4, ranked.stream().mapToInt(c -> c.name().length()).max().orElse(0));
        out.printf(Locale.ROOT, "%-" + width + "s  %5s  %12s  %12s  %9s%n", "name", "n", "max |change|", "L2 change", "relative");
        for (BiasChange c : ranked) {
            out.printf(Locale.ROOT, "%-" + width + "s  %5d  %12.6g  %12.6g  %8.2f%%%n", c.name(), c.size(),
                    c.maxAbsChange(), c.l2Change(), 100 * c.relativeChange());
        }
        comparison.onlyInA().forEach(n -> out.println(n + "  only in A"));
        comparison.onlyInB().forEach(n -> out.println(n + "  only in B"));
        comparison.shapeChanged().forEach(n -> out.println(n + "  shape differs"));
    }
}
