package dev.biasinspector.cli;

import dev.biasinspector.export.ValuesCsv;

import com.google.gson.stream.JsonWriter;
import dev.biasinspector.model.BiasEntry;
import dev.biasinspector.model.BiasLookup;
import dev.biasinspector.model.BiasVector;
import dev.biasinspector.model.LoadedModel;
import dev.biasinspector.model.UnknownBiasException;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;

@Command(name = "dump", description = "Print one bias's values (exact float values).")
final class DumpCommand implements Callable<Integer> {

    @Mixin
    ModelOptions modelOptions;

    @Parameters(index = "1", paramLabel = "NAME", description = "A bias name (fc1.bias) or a module holding one bias (fc1).")
    String name;

    @ArgGroup(exclusive = true)
    OutputFormat format = new OutputFormat();

    static final class OutputFormat {
        @Option(names = "--json", description = "Print JSON (the default).")
        boolean json;

        @Option(names = "--csv", description = "Print CSV: index,value.")
        boolean csv;
    }

    @Spec
    CommandSpec spec;

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
