package dev.biasinspector.session;

import dev.biasinspector.model.BiasEvolution;
import dev.biasinspector.model.LoadedModel;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A folder of checkpoints of one model, in natural order, each read by the archive reader. The
 * evolution of each bias is read once, on a worker, and kept.
 *
 * @param folder the folder
 * @param labels the checkpoint file names, in series order
 * @param models the checkpoints, in the same order
 */
public record OpenCheckpoints(Path folder, List<String> labels, List<LoadedModel> models,
                              Map<String, BiasEvolution> evolutions) {

    public OpenCheckpoints(Path folder, List<String> labels, List<LoadedModel> models) {
        this(folder, List.copyOf(labels), List.copyOf(models), new ConcurrentHashMap<>());
    }

    /** The bias named {@code name} in every checkpoint; reads files the first time, so call off the EDT. */
    public BiasEvolution evolution(String name) throws IOException {
        BiasEvolution known = evolutions.get(name);
        if (known == null) {
            known = BiasEvolution.of(name, models, labels);
            evolutions.put(name, known);
        }
        return known;
    }

    public int size() {
        return models.size();
    }
}
