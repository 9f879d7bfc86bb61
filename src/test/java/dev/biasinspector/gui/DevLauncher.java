package dev.biasinspector.gui;

import java.nio.file.Path;
import java.util.Optional;

/** Starts the app from the test classpath for manual runs: {@code DevLauncher [MODEL]}. */
public final class DevLauncher {

    private DevLauncher() {
    }

    public static void main(String[] args) {
        if (Boolean.getBoolean("decorated")) {
            // Bare Xvfb has no window manager; FlatLaf draws the title bar for screenshots.
            javax.swing.JFrame.setDefaultLookAndFeelDecorated(true);
            javax.swing.JDialog.setDefaultLookAndFeelDecorated(true);
        }
        BiasInspectorApp.launch(args.length == 0 ? Optional.empty() : Optional.of(Path.of(args[0])));
    }
}
