package dev.biasinspector;

import dev.biasinspector.cli.BiasInspectorCommand;
import dev.biasinspector.gui.BiasInspectorApp;

/** Entry point of {@code bias-inspector.jar}: the command line, or the desktop app when no command is given. */
public final class Main {

    private Main() {
    }

    private static void launchDesktop(java.util.Optional<java.nio.file.Path> model) {
        try {
            BiasInspectorApp.launch(model);
        } catch (IllegalStateException noDisplay) {
            // One line, as for every other error; the app cannot start without a screen.
            System.err.println("error: " + noDisplay.getMessage());
            System.exit(1);
        }
    }

    public static void main(String[] args) {
        // DJL must never try to download an engine: the native library ships as a Maven artifact.
        System.setProperty("ai.djl.offline", "true");
        if (args.length > 0 && BiasInspectorCommand.COMMANDS.contains(args[0])) {
            // Commands draw charts into images only; never connect to a display.
            System.setProperty("java.awt.headless", "true");
        }
        int exit;
        try {
            exit = BiasInspectorCommand.run(Main::launchDesktop, args);
        } catch (Throwable e) {
            // The command line reports its own failures; this only catches one in reporting itself.
            System.err.println("error: " + e.getClass().getSimpleName() + " (--debug prints where)");
            exit = 1;
        }
        if (exit != 0) {
            System.exit(exit);
        }
    }
}
