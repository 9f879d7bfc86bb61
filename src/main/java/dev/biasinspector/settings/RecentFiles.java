package dev.biasinspector.settings;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.prefs.Preferences;

/** The most recently opened model files, newest first, at most {@value #MAX} of them. */
public final class RecentFiles {

    public static final int MAX = 10;

    private final Preferences node;

    RecentFiles(Preferences node) {
        this.node = node;
    }

    /** The stored list, newest first; does not look at the disk. */
    public synchronized List<Path> list() {
        List<Path> paths = new ArrayList<>();
        for (int i = 0; i < MAX; i++) {
            String value = node.get(key(i), null);
            if (value != null) {
                paths.add(Path.of(value));
            }
        }
        return paths;
    }

    /** Puts {@code file} first, removing an older entry for it and the oldest beyond {@value #MAX}. */
    public synchronized void add(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        List<Path> paths = list();
        paths.remove(absolute);
        paths.add(0, absolute);
        store(paths);
    }

    public synchronized void remove(Path file) {
        List<Path> paths = list();
        if (paths.remove(file.toAbsolutePath().normalize())) {
            store(paths);
        }
    }

    /**
     * Forgets files that no longer exist and returns the rest. Touches the disk (a vanished network
     * share can take seconds), so call it off the Event Dispatch Thread.
     */
    public synchronized List<Path> dropMissing() {
        List<Path> paths = list();
        List<Path> existing = paths.stream().filter(Files::exists).toList();
        if (existing.size() != paths.size()) {
            store(existing);
        }
        return existing;
    }

    private void store(List<Path> paths) {
        for (int i = 0; i < MAX; i++) {
            if (i < paths.size()) {
                node.put(key(i), paths.get(i).toString());
            } else {
                node.remove(key(i));
            }
        }
    }

    private static String key(int index) {
        return "file" + index;
    }
}
