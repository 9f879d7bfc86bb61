package dev.biasinspector.cli;

import dev.biasinspector.export.ValuesCsv;

import com.google.gson.stream.JsonWriter;
import dev.biasinspector.model.BiasEntry;
import dev.biasinspector.model.BiasLookup;
import dev.biasinspector.model.BiasVector;
import dev.biasinspector.model.LoadedModel;
import dev.biasinspector.model.UnknownBiasException;
import picocli.CommandLine.Model.ArgGroupSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;

final class DumpCommand implements Callable<Integer> {

    final ModelOptions modelOptions = new ModelOptions();

    String name;

    final OutputFormat format = new OutputFormat();

    static final class OutputFormat {
        boolean json;

        boolean csv;
    }

    CommandSpec spec;

    /** This command as picocli's model, bound to these fields (in code: see {@link Binding}). */
    CommandSpec declare() {
        spec = DeferredFactory.specOf(this).name("dump");
        spec.usageMessage().description("Print one bias's values (exact float values).");
        modelOptions.declareIn(spec);
        Binding<String> nameField = Binding.of(() -> name, v -> name = v);
        spec.addPositional(PositionalParamSpec.builder().index("1").arity("1").required(true).paramLabel("NAME").type(String.class)
                .description("A bias name (fc1.bias) or a module holding one bias (fc1).")
                .getter(nameField).setter(nameField).build());
        spec.addArgGroup(ArgGroupSpec.builder().exclusive(true).multiplicity("0..1")
                .addArg(Binding.flag("--json", "Print JSON (the default).", () -> format.json, v -> format.json = v))
                .addArg(Binding.flag("--csv", "Print CSV: index,value.", () -> format.csv, v -> format.csv = v))
                .build());
        return spec;
    }

    @Override
    public Integer call() throws Exception {
        LoadedModel model = modelOptions.open();
        BiasVector bias = load(model, name, modelOptions);
        PrintWriter out = spec.commandLine().getOut();
        if (format.csv) {
            out.print(ValuesCsv.format(bias));
        } else {
            JsonWriter w = Json.writer(out);
            w.setIndent("");
            w.beginObject();
            w.name("name").value(bias.name());
            w.name("module").value(bias.module());
            w.name("type").value(bias.type());
            w.name("values").beginArray();
            for (float v : bias.values()) {
                Json.value(w, v);
            }
            w.endArray();
            w.endObject();
            w.flush();
            out.println();
        }
        out.flush();
        return 0;
    }

    static BiasVector load(LoadedModel model, String name, ModelOptions options) throws ModelFileException {
        return load(model, name, options.model);
    }

    /** Finds and reads one bias; errors name {@code file}. */
    static BiasVector load(LoadedModel model, String name, java.nio.file.Path file) throws ModelFileException {
        try {
            BiasEntry entry = BiasLookup.find(model, name);
            return entry.load();
        } catch (UnknownBiasException e) {
            throw new ModelFileException(file, e.getMessage());
        } catch (IOException e) {
            throw new ModelFileException(file, e);
        }
    }
}
