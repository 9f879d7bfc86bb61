package dev.biasinspector.model;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every bias of two models of the same architecture, paired by name. Biases found in only one of
 * them, or whose shapes differ, are listed rather than treated as errors.
 *
 * @param changes      biases present in both with the same shape, in the order of model A
 * @param onlyInA      names present only in A
 * @param onlyInB      names present only in B
 * @param shapeChanged names present in both with different shapes
 */
public record ModelComparison(List<BiasChange> changes, List<String> onlyInA, List<String> onlyInB,
                              List<String> shapeChanged) {

    public static ModelComparison of(LoadedModel a, LoadedModel b) throws IOException {
        Map<String, BiasEntry> inB = new LinkedHashMap<>();
        for (BiasEntry entry : b.allBiases()) {
            inB.put(entry.name(), entry);
        }
        List<BiasChange> changes = new ArrayList<>();
        List<String> onlyInA = new ArrayList<>();
        List<String> shapeChanged = new ArrayList<>();
        for (BiasEntry before : a.allBiases()) {
            BiasEntry after = inB.remove(before.name());
            if (after == null) {
                onlyInA.add(before.name());
            } else if (!java.util.Arrays.equals(before.parameter().shape(), after.parameter().shape())) {
                shapeChanged.add(before.name());
            } else {
                changes.add(BiasChange.between(before.load(), after.load()));
            }
        }
        return new ModelComparison(List.copyOf(changes), List.copyOf(onlyInA), List.copyOf(inB.keySet()),
                List.copyOf(shapeChanged));
    }

    /** The changes, largest maximum absolute change first. */
    public List<BiasChange> rankedByChange() {
        return changes.stream().sorted(Comparator.comparingDouble(BiasChange::maxAbsChange).reversed()).toList();
    }
}
