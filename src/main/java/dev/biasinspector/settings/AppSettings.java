package dev.biasinspector.settings;

import java.nio.file.Path;
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
    private static final String DJL_WARNING_ACCEPTED = "djlWarningAccepted";
    private static final String RECENT_NODE = "recent";

    private final Preferences node;
    private final RecentFiles recentFiles;

    public AppSettings(Preferences node) {
        this.node = node;
        this.recentFiles = new RecentFiles(node.node(RECENT_NODE));
    }

    /** The user's settings: node {@value #DEFAULT_NODE} unless {@value #NODE_PROPERTY} names another. */
    public static AppSettings forUser() {
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

    /** Whether the user has read, once, that the DJL engine runs code stored in the model file. */
    public boolean djlWarningAccepted() {
        return node.getBoolean(DJL_WARNING_ACCEPTED, false);
    }

    public void acceptDjlWarning() {
        node.putBoolean(DJL_WARNING_ACCEPTED, true);
    }

    public RecentFiles recentFiles() {
        return recentFiles;
    }
}
