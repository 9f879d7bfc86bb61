package dev.biasinspector.cli;

import com.google.gson.stream.JsonWriter;
import dev.biasinspector.model.BiasEntry;
import dev.biasinspector.model.LoadedModel;
import dev.biasinspector.model.ModelFormat;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

final class ListCommand implements Callable<Integer> {

    final ModelOptions modelOptions = new ModelOptions();

    boolean all;

    boolean json;

    CommandSpec spec;

    /** This command as picocli's model, bound to these fields (in code: see {@link Binding}). */
    CommandSpec declare() {
        spec = DeferredFactory.specOf(this).name("list");
        spec.usageMessage().description("List the biases of a model's Linear layers (or of every layer with --all).");
        modelOptions.declareIn(spec);
        spec.addOption(Binding.flag("--all", "Every bias (Conv, norms, RNNs, attention...), not only Linear layers.",
                () -> all, v -> all = v));
        spec.addOption(Binding.flag("--json", "Print JSON.", () -> json, v -> json = v));
        return spec;
    }

    @Override
    public Integer call() throws Exception {
        LoadedModel model = modelOptions.open();
        List<BiasEntry> biases = model.biases(all);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            writeJson(out, model, biases);
        } else {
            writeTable(out, biases);
        }
        out.flush();
        return 0;
    }

    private void writeTable(PrintWriter out, List<BiasEntry> biases) {
        int nameWidth = biases.stream().mapToInt(b -> b.name().length()).max().orElse(0);
        int typeWidth = biases.stream().mapToInt(b -> b.type().length()).max().orElse(0);
        for (BiasEntry b : biases) {
            out.printf("%-" + nameWidth + "s  %-" + typeWidth + "s  %s%n", b.name(), b.type(),
                    Arrays.toString(b.parameter().shape()));
        }
    }

    private void writeJson(PrintWriter out, LoadedModel model, List<BiasEntry> biases) throws IOException {
        JsonWriter w = Json.writer(out);
        w.beginObject();
        w.name("file").value(modelOptions.model.toString());
        w.name("format").value(model.format().id());
        if (hasPropertiesToPrint(model)) {
            w.name("properties").beginObject();
            for (Map.Entry<String, String> p : model.properties().entrySet()) {
                w.name(p.getKey()).value(p.getValue());
            }
            w.endObject();
        }
        w.name("biases").beginArray();
        for (BiasEntry b : biases) {
            w.beginObject();
            w.name("name").value(b.name());
            w.name("module").value(b.modulePath());
            w.name("type").value(b.type());
            w.name("shape").beginArray();
            for (long d : b.parameter().shape()) {
                w.value(d);
            }
            w.endArray();
            w.name("dtype").value(b.parameter().dtypeName());
            w.endObject();
        }
        w.endArray();
        w.endObject();
        w.flush();
        out.println();
    }

    /**
     * DJL files and model folders (model name, epoch, serving.properties), safetensors
     * ({@code __metadata__}, config.json), GGUF (metadata) and ONNX carry properties worth
     * printing; TorchScript and torch.save files keep the plain documented shape.
     */
    private static boolean hasPropertiesToPrint(LoadedModel model) {
        boolean pytorchFile = model.format() == ModelFormat.TORCHSCRIPT || model.format() == ModelFormat.TORCH_SAVE;
        return !model.properties().isEmpty() && (!pytorchFile || model.modelFileInFolder().isPresent());
    }
}
