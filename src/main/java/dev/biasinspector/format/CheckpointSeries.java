package dev.biasinspector.format;

import dev.biasinspector.model.NaturalOrder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The model files of a folder of checkpoints, in natural order ({@code epoch_2} before
 * {@code epoch_10}). Only files whose first bytes a reader accepts are listed; their structure is
 * not read here.
 */
public final class CheckpointSeries {

    private CheckpointSeries() {
    }

    public static List<Path> list(Path folder) throws IOException {
        List<Path> models = modelFiles(folder);
        if (models.isEmpty()) {
            throw new ModelFormatException("the folder holds no model file this app can read");
        }
        return models;
    }

    /** The model files of {@code folder} in natural order; empty when it holds none. */
    public static List<Path> modelFiles(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            throw new ModelFormatException("not a folder");
        }
        List<Path> files;
        try (Stream<Path> entries = Files.list(folder)) {
            files = entries.filter(Files::isRegularFile)
                    .sorted(Comparator.comparing((Path p) -> p.getFileName().toString(), NaturalOrder.INSTANCE))
                    .toList();
        }
        List<Path> models = new java.util.ArrayList<>();
        for (Path file : files) {
            if (ModelOpener.recognizes(FileSignature.of(file))) {
                models.add(file);
            }
        }
        return List.copyOf(models);
    }
}
