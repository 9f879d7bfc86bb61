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
 * @param droppedPrefix when the two files name the same biases with and without a common prefix
 *                     (a Hugging Face {@code transformer.} against a bare module), the prefix that
 *                     was dropped to pair them; null when names were paired as they are
 */
public record ModelComparison(List<BiasChange> changes, List<String> onlyInA, List<String> onlyInB,
                              List<String> shapeChanged, NamePrefix droppedPrefix) {

    public ModelComparison(List<BiasChange> changes, List<String> onlyInA, List<String> onlyInB,
                           List<String> shapeChanged) {
        this(changes, onlyInA, onlyInB, shapeChanged, null);
    }

    /**
     * Pairs the biases of {@code a} and {@code b} by name; when one file's names all carry a prefix
     * the other's lack, it is dropped for pairing (changes keep A's names).
     */
    public static ModelComparison of(LoadedModel a, LoadedModel b) throws IOException {
        List<BiasEntry> biasesA = a.allBiases();
        List<BiasEntry> biasesB = b.allBiases();
        NamePrefix prefix = NamePrefix.find(biasesA.stream().map(BiasEntry::name).toList(),
                biasesB.stream().map(BiasEntry::name).toList());
        java.util.function.Function<String, String> keyA = prefix != null && prefix.fromA() ? prefix::strip : n -> n;
        java.util.function.Function<String, String> keyB = prefix != null && !prefix.fromA() ? prefix::strip : n -> n;
        Map<String, BiasEntry> inB = new LinkedHashMap<>();
        for (BiasEntry entry : biasesB) {
            inB.put(keyB.apply(entry.name()), entry);
        }
        List<BiasChange> changes = new ArrayList<>();
        List<String> onlyInA = new ArrayList<>();
        List<String> shapeChanged = new ArrayList<>();
        for (BiasEntry before : biasesA) {
            BiasEntry after = inB.remove(keyA.apply(before.name()));
            if (after == null) {
                onlyInA.add(before.name());
            } else if (!java.util.Arrays.equals(before.parameter().shape(), after.parameter().shape())) {
                shapeChanged.add(before.name());
            } else {
                changes.add(BiasChange.between(before.load(), after.load()));
            }
        }
        List<String> onlyInB = inB.values().stream().map(BiasEntry::name).toList();
        return new ModelComparison(List.copyOf(changes), List.copyOf(onlyInA), onlyInB,
                List.copyOf(shapeChanged), prefix);
    }

    /** "names paired after dropping the prefix transformer. from B", or empty when names matched as they are. */
    public java.util.Optional<String> pairingNote() {
        return java.util.Optional.ofNullable(droppedPrefix).map(p -> "names paired after dropping the prefix "
                + p.prefix() + " from " + (p.fromA() ? "A" : "B"));
    }

    /** The changes, largest maximum absolute change first. */
    public List<BiasChange> rankedByChange() {
        return changes.stream().sorted(Comparator.comparingDouble(BiasChange::maxAbsChange).reversed()).toList();
    }
}
