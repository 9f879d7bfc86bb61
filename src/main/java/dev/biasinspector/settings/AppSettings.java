package dev.biasinspector.settings;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.prefs.Preferences;

/**
 * What the desktop app remembers between runs, stored with {@link java.util.prefs} under named
 * keys. Reading and writing a key only touches the in-memory node; the JDK writes it to disk on
 * its own timer and at exit, so these calls are fine on the Event Dispatch Thread.
 */
public final class AppSettings {

    /** System property naming the preferences node, so tests and second installs stay apart. */
    public static final String NODE_PROPERTY = "biasinspector.prefs.node";
    public static final String DEFAULT_NODE = "dev/biasinspector";

    private static final String LAST_FOLDER = "lastFolder";
    private static final String DARK_THEME = "darkTheme";
    private static final String SHOW_ALL_BIASES = "showAllBiases";
    /** Before consent was per file: one flag for every file. Removed on start. */
    private static final String DJL_WARNING_ACCEPTED = "djlWarningAccepted";
    private static final String TRUSTED_NODE = "trustedModels";
    private static final String RECENT_NODE = "recent";
    private static final String WINDOW_BOUNDS = "windowBounds";
    private static final String WINDOW_MAXIMIZED = "windowMaximized";
    private static final String TREE_DIVIDER = "treeDivider";
    private static final String LAST_MODEL = "lastModel";
    private static final String LAST_SELECTION = "lastSelection";

    private final Preferences node;
    private final RecentFiles recentFiles;
    private final TrustedModels trustedModels;

    public AppSettings(Preferences node) {
        this.node = node;
        this.recentFiles = new RecentFiles(node.node(RECENT_NODE));
        this.trustedModels = new TrustedModels(node.node(TRUSTED_NODE));
        // The old flag said "yes" for every file, forever; consent is now asked per file content.
        node.remove(DJL_WARNING_ACCEPTED);
    }

    /** The user's settings: node {@value #DEFAULT_NODE} unless {@value #NODE_PROPERTY} names another. */
    public static AppSettings forUser() {
        PreferencesFolder.createIfMissing();
        return new AppSettings(Preferences.userRoot().node(System.getProperty(NODE_PROPERTY, DEFAULT_NODE)));
    }

    /** Folder of the last file opened or saved, for the next file chooser. */
    public Optional<Path> lastFolder() {
        String value = node.get(LAST_FOLDER, null);
        return value == null ? Optional.empty() : Optional.of(Path.of(value));
    }

    public void setLastFolder(Path folder) {
        node.put(LAST_FOLDER, folder.toAbsolutePath().toString());
    }

    public boolean darkTheme() {
        return node.getBoolean(DARK_THEME, false);
    }

    public void setDarkTheme(boolean dark) {
        node.putBoolean(DARK_THEME, dark);
    }

    /** Whether the tree shows every layer with a bias, not just Linear ones. */
    public boolean showAllBiases() {
        return node.getBoolean(SHOW_ALL_BIASES, false);
    }

    public void setShowAllBiases(boolean all) {
        node.putBoolean(SHOW_ALL_BIASES, all);
    }

    /** The model contents the user agreed to run with the DJL engine (which runs code in the file). */
    public TrustedModels trustedModels() {
        return trustedModels;
    }

    public RecentFiles recentFiles() {
        return recentFiles;
    }

    /** The main window's last bounds as x, y, width, height; empty before the first close. */
    public Optional<int[]> windowBounds() {
        String value = node.get(WINDOW_BOUNDS, null);
        if (value == null) {
            return Optional.empty();
        }
        String[] parts = value.split(",");
        if (parts.length != 4) {
            return Optional.empty();
        }
        try {
            int[] bounds = new int[4];
            for (int i = 0; i < 4; i++) {
                bounds[i] = Integer.parseInt(parts[i].trim());
            }
            return bounds[2] > 0 && bounds[3] > 0 ? Optional.of(bounds) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    public void setWindowBounds(int x, int y, int width, int height) {
        node.put(WINDOW_BOUNDS, x + "," + y + "," + width + "," + height);
    }

    public boolean windowMaximized() {
        return node.getBoolean(WINDOW_MAXIMIZED, false);
    }

    public void setWindowMaximized(boolean maximized) {
        node.putBoolean(WINDOW_MAXIMIZED, maximized);
    }

    /** Where the divider between tree and chart was, in pixels from the left; -1 when never moved. */
    public int treeDivider() {
        return node.getInt(TREE_DIVIDER, -1);
    }

    public void setTreeDivider(int location) {
        node.putInt(TREE_DIVIDER, location);
    }

    /** The model file (or folder) open when the window last closed or changed model. */
    public Optional<Path> lastModel() {
        String value = node.get(LAST_MODEL, null);
        // Empty after a bundled example: nothing to reopen (Path.of("") would be the working folder).
        return value == null || value.isEmpty() ? Optional.empty() : Optional.of(Path.of(value));
    }

    /** Whether any model was ever recorded: the demo opens only on the very first start. */
    public boolean firstStart() {
        return node.get(LAST_MODEL, null) == null;
    }

    /** Records the open model; an empty path (a bundled example) still marks "not the first start". */
    public void setLastModel(Optional<Path> model) {
        node.put(LAST_MODEL, model.map(p -> p.toAbsolutePath().toString()).orElse(""));
    }

    /** The bias names selected in the last model, in order. */
    public List<String> lastSelection() {
        String value = node.get(LAST_SELECTION, "");
        return value.isEmpty() ? List.of() : List.of(value.split("\n"));
    }

    public void setLastSelection(List<String> biasNames) {
        String joined = String.join("\n", biasNames);
        // A preferences value has at most 8 KB; a huge selection keeps only its first names.
        while (joined.length() > Preferences.MAX_VALUE_LENGTH && joined.contains("\n")) {
            joined = joined.substring(0, joined.lastIndexOf('\n'));
        }
        node.put(LAST_SELECTION, joined.length() > Preferences.MAX_VALUE_LENGTH ? "" : joined);
    }
}
