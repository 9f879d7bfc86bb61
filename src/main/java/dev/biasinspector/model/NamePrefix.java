package dev.biasinspector.model;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * A prefix that one of two models puts before every name of the other: the same network saved
 * as a Hugging Face checkpoint ({@code transformer.h.0.attn.bias}) and as a bare module
 * ({@code h.0.attn.bias}). Found by looking, for each name of one side, at every suffix that
 * starts after a dot; the prefix that pairs the most names wins.
 *
 * @param prefix the dropped prefix, ending with a dot ({@code transformer.})
 * @param fromA  whether A's names carry it (else B's)
 * @param paired how many names it pairs
 */
public record NamePrefix(String prefix, boolean fromA, int paired) {

    /** The name with the prefix dropped, if it starts with it; else the name unchanged. */
    public String strip(String name) {
        return name.startsWith(prefix) ? name.substring(prefix.length()) : name;
    }

    /**
     * The prefix that pairs more names than exact matching does, if there is one.
     *
     * @return null when exact names pair at least as many
     */
    public static NamePrefix find(Collection<String> a, Collection<String> b) {
        Set<String> setA = new HashSet<>(a);
        Set<String> setB = new HashSet<>(b);
        int exact = (int) a.stream().filter(setB::contains).count();
        NamePrefix best = null;
        for (boolean fromA : new boolean[]{true, false}) {
            Map<String, Integer> counts = new HashMap<>();
            Collection<String> prefixed = fromA ? a : b;
            Set<String> plain = fromA ? setB : setA;
            for (String name : prefixed) {
                for (int dot = name.indexOf('.'); dot >= 0 && dot < name.length() - 1; dot = name.indexOf('.', dot + 1)) {
                    if (plain.contains(name.substring(dot + 1))) {
                        counts.merge(name.substring(0, dot + 1), 1, Integer::sum);
                    }
                }
            }
            for (Map.Entry<String, Integer> e : counts.entrySet()) {
                if (e.getValue() > exact && (best == null || e.getValue() > best.paired()
                        || e.getValue() == best.paired() && e.getKey().length() < best.prefix().length())) {
                    best = new NamePrefix(e.getKey(), fromA, e.getValue());
                }
            }
        }
        return best;
    }
}
