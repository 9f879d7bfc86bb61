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
        return create(desktopLauncher, new String[0]);
    }

    /**
     * The command line for these arguments: when they start with a command's name, only that
     * command is built, since no other can run in this process. picocli reads a command's
     * annotations reflectively when it is added (a dynamic proxy per annotation, which no CDS
     * archive of JDK 17 can hold), and building all four cost about as much as reading the demo
     * model: 225 against 174 ms of CPU for {@code list}. Otherwise (help, the window, an unknown
     * command and its suggestions) every command is there, in the order of the usage help.
     */
    public static CommandLine create(Consumer<Optional<Path>> desktopLauncher, String... args) {
        BiasInspectorCommand root = new BiasInspectorCommand(desktopLauncher);
        CommandLine cli = new CommandLine(root);
        String first = args.length > 0 ? args[0] : "";
        switch (first) {
            case "list" -> cli.addSubcommand(new ListCommand());
            case "dump" -> cli.addSubcommand(new DumpCommand());
            case "export" -> cli.addSubcommand(new ExportCommand());
            case "diff" -> cli.addSubcommand(new DiffCommand());
            default -> {
                cli.addSubcommand(new ListCommand());
                cli.addSubcommand(new DumpCommand());
                cli.addSubcommand(new ExportCommand());
                cli.addSubcommand(new DiffCommand());
            }
        }
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
