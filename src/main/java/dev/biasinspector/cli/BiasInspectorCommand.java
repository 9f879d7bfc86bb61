package dev.biasinspector.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * {@code bias-inspector [MODEL]} opens the desktop app; the subcommands script the same readers.
 */
@Command(name = "bias-inspector", mixinStandardHelpOptions = true, versionProvider = BiasInspectorCommand.VersionText.class,
        description = "Look at the biases of a neural network model file.",
        subcommands = {ListCommand.class, DumpCommand.class, ExportCommand.class, DiffCommand.class},
        footer = {"", "With no command, opens the desktop app (on MODEL, or on the bundled demo model)."})
public final class BiasInspectorCommand implements Callable<Integer> {

    @Parameters(index = "0", arity = "0..1", paramLabel = "MODEL", description = "Model file to open in the app.")
    Path model;

    @Option(names = "--debug", scope = CommandLine.ScopeType.INHERIT,
            description = "Print stack traces for errors.")
    boolean debug;

    private final Consumer<Optional<Path>> desktopLauncher;

    /** {@code --version}: the same versions as Help > About, read from the jars. */
    static final class VersionText implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return dev.biasinspector.about.Versions.text();
        }
    }

    public BiasInspectorCommand(Consumer<Optional<Path>> desktopLauncher) {
        this.desktopLauncher = desktopLauncher;
    }

    @Override
    public Integer call() {
        desktopLauncher.accept(Optional.ofNullable(model));
        return 0;
    }

    /** Builds the command line with this project's error conventions. */
    public static CommandLine create(Consumer<Optional<Path>> desktopLauncher) {
        BiasInspectorCommand root = new BiasInspectorCommand(desktopLauncher);
        CommandLine cli = new CommandLine(root);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            boolean debug = root.debug;
            if (e instanceof ModelFileException m) {
                commandLine.getErr().println("error: " + m.file() + ": " + m.getMessage());
                if (debug) {
                    e.printStackTrace(commandLine.getErr());
                }
                return 1;
            }
            commandLine.getErr().println("error: " + e);
            if (debug) {
                e.printStackTrace(commandLine.getErr());
            } else {
                commandLine.getErr().println("(run with --debug for details)");
            }
            return 1;
        });
        return cli;
    }
}
