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

    /**
     * Builds the command line with this project's error conventions: every failure, an
     * OutOfMemoryError or StackOverflowError included, ends as one line {@code error: FILE: reason}
     * and exit code 1; the stack trace is printed only with {@code --debug}.
     */
    public static CommandLine create(Consumer<Optional<Path>> desktopLauncher) {
        BiasInspectorCommand root = new BiasInspectorCommand(desktopLauncher);
        CommandLine cli = new CommandLine(root);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) ->
                report(e, commandLine, parseResult, root.debug));
        // picocli hands only Exceptions to the handler above; Errors (out of memory, stack
        // overflow) pass through its execution strategy, so they are caught around it.
        CommandLine.IExecutionStrategy runLast = new CommandLine.RunLast();
        cli.setExecutionStrategy(parseResult -> {
            try {
                return runLast.execute(parseResult);
            } catch (CommandLine.ParameterException | CommandLine.ExecutionException e) {
                throw e;
            } catch (Error e) {
                return report(e, leaf(parseResult).commandSpec().commandLine(), parseResult, root.debug);
            }
        });
        return cli;
    }

    private static int report(Throwable e, CommandLine commandLine, CommandLine.ParseResult parseResult, boolean debug) {
        java.io.PrintWriter err = commandLine.getErr();
        if (e instanceof ModelFileException m) {
            err.println("error: " + m.file() + ": " + m.getMessage());
        } else {
            Path file = modelOf(parseResult);
            err.println("error: " + (file == null ? "" : file + ": ") + FailureReason.of(e)
                    + (debug ? "" : " (--debug prints where)"));
        }
        if (debug) {
            e.printStackTrace(err);
        }
        err.flush();
        return 1;
    }

    /** The MODEL the failing command was given (its first positional path), or null. */
    private static Path modelOf(CommandLine.ParseResult parseResult) {
        if (parseResult == null) {
            return null;
        }
        for (CommandLine.Model.PositionalParamSpec positional : leaf(parseResult).matchedPositionals()) {
            if (positional.getValue() instanceof Path path) {
                return path;
            }
        }
        return null;
    }

    private static CommandLine.ParseResult leaf(CommandLine.ParseResult parseResult) {
        CommandLine.ParseResult leaf = parseResult;
        while (leaf.hasSubcommand()) {
            leaf = leaf.subcommand();
        }
        return leaf;
    }
}
