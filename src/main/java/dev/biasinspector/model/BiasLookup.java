package dev.biasinspector.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Resolves what a user typed (a parameter name or a module path) to one bias of a model. */
public final class BiasLookup {

    private static final int MAX_SUGGESTIONS = 3;

    private BiasLookup() {
    }

    /**
     * Finds {@code query} as a bias name ({@code fc1.bias}) or as the path of a module holding
     * exactly one bias ({@code fc1}).
     */
    public static BiasEntry find(LoadedModel model, String query) throws UnknownBiasException {
        List<BiasEntry> all = model.allBiases();
        for (BiasEntry entry : all) {
            if (entry.name().equals(query)) {
                return entry;
            }
        }
        List<BiasEntry> inModule = all.stream().filter(e -> e.modulePath().equals(query)).toList();
        if (inModule.size() == 1) {
            return inModule.get(0);
        }
        if (inModule.size() > 1) {
            List<String> names = inModule.stream().map(BiasEntry::name).toList();
            throw new UnknownBiasException("module '" + query + "' holds " + names.size()
                    + " biases; name one: " + String.join(", ", names), names);
        }
        List<String> suggestions = closest(query, all);
        String hint = suggestions.isEmpty() ? "the model has no biases"
                : "closest: " + String.join(", ", suggestions);
        throw new UnknownBiasException("no bias or module named '" + query + "' (" + hint + ")", suggestions);
    }

    private static List<String> closest(String query, List<BiasEntry> entries) {
        Set<String> candidates = new LinkedHashSet<>();
        for (BiasEntry e : entries) {
            candidates.add(e.name());
            if (!e.modulePath().isEmpty()) {
                candidates.add(e.modulePath());
            }
        }
        List<String> sorted = new ArrayList<>(candidates);
        sorted.sort(Comparator.comparingInt((String c) -> distance(query, c)).thenComparing(c -> c));
        return sorted.subList(0, Math.min(MAX_SUGGESTIONS, sorted.size()));
    }

    /** Levenshtein distance. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
