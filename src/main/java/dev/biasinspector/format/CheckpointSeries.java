package dev.biasinspector.format;

import dev.biasinspector.model.NaturalOrder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;

/**
 * The model files of a folder of checkpoints, in natural order ({@code epoch_2} before
 * {@code epoch_10}). Only files the {@link FormatDetector} finds readable are listed (TorchScript,
 * torch.save, DJL, safetensors, GGUF...); their structure is not read here.
 */
public final class CheckpointSeries {

    private CheckpointSeries() {
    }

    public static List<Path> list(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            throw new ModelFormatException("not a folder");
        }
        List<Path> models = FormatDetector.modelFiles(folder).stream()
                .sorted(Comparator.comparing((Path p) -> p.getFileName().toString(), NaturalOrder.INSTANCE))
                .toList();
        if (models.isEmpty()) {
            throw new ModelFormatException("the folder holds no model file this app can read");
        }
        return models;
    }
}
