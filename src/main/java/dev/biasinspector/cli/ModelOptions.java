package dev.biasinspector.cli;

import dev.biasinspector.session.Engine;
import dev.biasinspector.session.ModelFiles;
import dev.biasinspector.model.LoadedModel;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Path;

/** The MODEL argument and how to read it, shared by every subcommand. */
final class ModelOptions {

    @Parameters(index = "0", paramLabel = "MODEL", description = "Model file or folder: TorchScript or torch.save (.pt, .pth, .bin), safetensors (a file or a Hugging Face folder, sharded too), GGUF, ONNX, a DJL .params file or model folder (.zip, .tar.gz); export also takes a folder of checkpoints.")
    Path model;

    @Option(names = "--engine", paramLabel = "ENGINE", defaultValue = "archive",
            converter = EngineConverter.class,
            description = "archive (default: pure-Java reader, runs nothing from the file) or djl "
                    + "(DJL's PyTorch engine; runs code stored in the file).")
    Engine engine;

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
