package dev.biasinspector;

import dev.biasinspector.cli.BiasInspectorCommand;

/** Entry point of {@code bias-inspector.jar}: the command line, or the desktop app when no command is given. */
public final class Main {

    private static final java.util.Set<String> COMMANDS = java.util.Set.of("list", "dump", "export", "diff");

    private Main() {
    }

    public static void main(String[] args) {
        // DJL must never try to download an engine: the native library ships as a Maven artifact.
        System.setProperty("ai.djl.offline", "true");
        if (args.length > 0 && COMMANDS.contains(args[0])) {
            // Commands draw charts into images only; never connect to a display.
            System.setProperty("java.awt.headless", "true");
        }
        int exit = BiasInspectorCommand.create(model -> {
            System.err.println("The desktop app is not part of this build yet; use a command (see --help).");
        }).execute(args);
        if (exit != 0) {
            System.exit(exit);
        }
    }
}
