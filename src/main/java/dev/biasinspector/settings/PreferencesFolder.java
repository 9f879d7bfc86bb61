package dev.biasinspector.settings;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Locale;

/**
 * The folder where Java keeps a user's preferences on Linux and other Unix systems:
 * {@code ~/.java/.userPrefs}, or {@code .java/.userPrefs} under {@code java.util.prefs.userRoot}.
 * When it is missing, the JDK creates it and logs "INFO: Created user preferences directory." to
 * the terminal of a new user's first start, which also starts java.util.logging and java.time for
 * the line's date: about 20 ms of the first window (async-profiler, 5 starts). Made first, as the
 * JDK makes it (readable by the owner only), it is found instead. Windows keeps preferences in the
 * registry and macOS in property lists, so there nothing is done.
 */
final class PreferencesFolder {

    private PreferencesFolder() {
    }

    /** Makes the folder where the JDK will look for it; a failure is left for the JDK to report. */
    static void createIfMissing() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.startsWith("windows") || os.startsWith("mac")) {
            return;
        }
        String root = System.getProperty("java.util.prefs.userRoot", System.getProperty("user.home"));
        try {
            if (root != null) {
                createIfMissing(Path.of(root));
            }
        } catch (InvalidPathException e) {
            // Not a path here; the JDK will say what it makes of it.
        }
    }

    /** Makes {@code root/.java/.userPrefs}, owner only, unless it exists. */
    static void createIfMissing(Path root) {
        Path folder = root.resolve(".java").resolve(".userPrefs");
        if (Files.isDirectory(folder)) {
            return;
        }
        try {
            Files.createDirectories(folder.getParent());
            Files.createDirectory(folder, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            // The JDK tries again when preferences are first used, and says so if it can't.
        }
    }
}
