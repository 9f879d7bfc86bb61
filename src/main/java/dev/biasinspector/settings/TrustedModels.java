package dev.biasinspector.settings;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

/**
 * The model contents the user agreed to run with the DJL engine, by SHA-256 fingerprint: consent
 * is per file content, so a changed or different file asks again. Keeps the {@value #LIMIT} most
 * recently trusted; older ones are forgotten (and asked about again).
 */
public final class TrustedModels {

    static final int LIMIT = 200;

    private final Preferences node;

    TrustedModels(Preferences node) {
        this.node = node;
    }

    public boolean isTrusted(String fingerprint) {
        return node.get(key(fingerprint), null) != null;
    }

    public void trust(String fingerprint) {
        node.putLong(key(fingerprint), nextOrder());
        forgetOldest();
    }

    /** One more than the newest entry's order: entries are ranked by when they were trusted. */
    private long nextOrder() {
        long newest = 0;
        try {
            for (String key : node.keys()) {
                newest = Math.max(newest, node.getLong(key, 0));
            }
        } catch (BackingStoreException e) {
            // Unlistable store: every entry ranks the same.
        }
        return newest + 1;
    }

    /** Forgets every fingerprint. */
    public void clear() {
        try {
            node.clear();
        } catch (BackingStoreException e) {
            // Unreadable store: nothing is remembered anyway.
        }
    }

    private void forgetOldest() {
        try {
            String[] keys = node.keys();
            if (keys.length <= LIMIT) {
                return;
            }
            List<String> oldestFirst = new ArrayList<>(List.of(keys));
            oldestFirst.sort(Comparator.comparingLong((String k) -> node.getLong(k, 0)).thenComparing(k -> k));
            for (String key : oldestFirst.subList(0, keys.length - LIMIT)) {
                node.remove(key);
            }
        } catch (BackingStoreException e) {
            // Could not list: the set stays a little larger.
        }
    }

    /** A preferences key has at most 80 characters; a SHA-256 in hex has 64. */
    private static String key(String fingerprint) {
        if (fingerprint.length() > Preferences.MAX_KEY_LENGTH) {
            throw new IllegalArgumentException("not a fingerprint: " + fingerprint);
        }
        return fingerprint;
    }
}
