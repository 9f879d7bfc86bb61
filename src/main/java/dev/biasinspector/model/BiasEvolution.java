package dev.biasinspector.model;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * One bias across a series of checkpoints: row {@code c} holds its values in checkpoint {@code c}.
 * Checkpoints that lack the bias, or hold it with another size, are listed in {@link #missing()}.
 *
 * @param name        the bias name
 * @param checkpoints labels of the checkpoints that hold it, in series order
 * @param rows        the values, one row per entry of {@code checkpoints}
 * @param missing     labels of the checkpoints left out
 */
public record BiasEvolution(String name, List<String> checkpoints, List<float[]> rows, List<String> missing) {

    /**
     * Reads the bias named {@code name} from every model; {@code labels} names the models (e.g. file names).
     */
    public static BiasEvolution of(String name, List<LoadedModel> models, List<String> labels) throws IOException {
        if (models.size() != labels.size()) {
            throw new IllegalArgumentException("one label per model");
        }
        List<String> present = new ArrayList<>();
        List<float[]> rows = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        int size = -1;
        for (int i = 0; i < models.size(); i++) {
            BiasEntry entry = models.get(i).allBiases().stream().filter(e -> e.name().equals(name)).findFirst().orElse(null);
            float[] values = entry == null ? null : entry.load().values();
            if (values == null || (size >= 0 && values.length != size)) {
                missing.add(labels.get(i));
                continue;
            }
            size = values.length;
            present.add(labels.get(i));
            rows.add(values);
        }
        return new BiasEvolution(name, List.copyOf(present), List.copyOf(rows), List.copyOf(missing));
    }

    /** Number of values per checkpoint (0 when no checkpoint holds the bias). */
    public int size() {
        return rows.isEmpty() ? 0 : rows.get(0).length;
    }

    /** The bias in checkpoint {@code c} as a vector, for the per-checkpoint scatter. */
    public BiasVector at(int c, BiasEntry template) {
        return new BiasVector(name, template.modulePath(), template.type(), template.parameter().shape(),
                template.parameter().dtype(), rows.get(c));
    }
}
