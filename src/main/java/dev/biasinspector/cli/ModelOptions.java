package dev.biasinspector.cli;

import dev.biasinspector.session.Engine;
import dev.biasinspector.session.ModelFiles;
import dev.biasinspector.model.LoadedModel;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

import java.io.IOException;
import java.nio.file.Path;

/** The MODEL argument and how to read it, shared by every subcommand. */
final class ModelOptions {

    Path model;

    Engine engine;

    /** MODEL (the first positional) and --engine, shared by every subcommand. */
    void declareIn(CommandSpec spec) {
        Binding<Path> modelField = Binding.of(() -> model, v -> model = v);
        spec.addPositional(PositionalParamSpec.builder().index("0").arity("1").required(true).paramLabel("MODEL").type(Path.class)
                .description("Model file or folder: TorchScript or torch.save (.pt, .pth, .bin), safetensors (a file or a Hugging Face folder, sharded too), GGUF, ONNX, a DJL .params file or model folder (.zip, .tar.gz); export also takes a folder of checkpoints.")
                .getter(modelField).setter(modelField).build());
        Binding<Engine> engineField = Binding.of(() -> engine, v -> engine = v);
        spec.addOption(OptionSpec.builder("--engine").paramLabel("ENGINE").defaultValue("archive").type(Engine.class)
                .converters(new EngineConverter())
                .description("archive (default: pure-Java reader, runs nothing from the file) or djl "
                        + "(DJL's PyTorch engine; runs code stored in the file).")
                .getter(engineField).setter(engineField).build());
    }

    LoadedModel open() throws ModelFileException {
        return open(model);
    }

    /** Opens another file the same way, e.g. the second file of a comparison. */
    LoadedModel open(Path file) throws ModelFileException {
        try {
            return ModelFiles.open(file, engine);
        } catch (IOException e) {
            throw new ModelFileException(file, e);
        }
    }

    static final class EngineConverter implements picocli.CommandLine.ITypeConverter<Engine> {
        @Override
        public Engine convert(String value) {
            return switch (value.toLowerCase(java.util.Locale.ROOT)) {
                case "archive" -> Engine.ARCHIVE;
                case "djl" -> Engine.DJL;
                default -> throw new picocli.CommandLine.TypeConversionException(
                        "'" + value + "' is not an engine (use archive or djl)");
            };
        }
    }
}
