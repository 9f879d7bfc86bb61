package dev.biasinspector.cli;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * {@code bias-inspector [MODEL]} opens the desktop app; the subcommands script the same readers.
 */
public final class BiasInspectorCommand implements Callable<Integer> {

    Path model;

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

    /**
     * This command as picocli's model, bound to these fields; declared in code, as every command
     * here, because reading picocli's annotations costs a start about 65 ms (see {@link Binding}).
     */
    CommandSpec declare() {
        CommandSpec spec = DeferredFactory.specOf(this).name("bias-inspector").versionProvider(new VersionText());
        spec.usageMessage().description("Look at the biases of a neural network model file.")
                .footer("", "With no command, opens the desktop app (on MODEL, or on the bundled demo model).");
        // picocli's standard help options (mixinStandardHelpOptions reads them from annotations).
        spec.addOption(OptionSpec.builder("-h", "--help").usageHelp(true)
                .description("Show this help message and exit.").build());
        spec.addOption(OptionSpec.builder("-V", "--version").versionHelp(true)
                .description("Print version information and exit.").build());
        Binding<Path> modelField = Binding.of(() -> model, v -> model = v);
        spec.addPositional(PositionalParamSpec.builder().index("0").arity("0..1").paramLabel("MODEL").type(Path.class)
                .description("Model file to open in the app.").getter(modelField).setter(modelField).build());
        spec.addOption(Binding.option(boolean.class, () -> debug, v -> debug = v, "--debug")
                .scopeType(CommandLine.ScopeType.INHERIT).description("Print stack traces for errors.").build());
        return spec;
    }

    @Override
    public Integer call() {
        desktopLauncher.accept(Optional.ofNullable(model));
        return 0;
    }

    /**
     * Runs these arguments as {@link #create(Consumer, String...)}'s command line would, but
     * straight to the window when they can only open it: picocli's parser alone (its type
     * converters, usage model and interpreter) was 50-70 ms of the window's start.
     */
    public static int run(Consumer<Optional<Path>> desktopLauncher, String... args) {
        if (opensTheWindow(args)) {
            desktopLauncher.accept(args.length == 0 ? Optional.empty() : Optional.of(Path.of(args[0])));
            return 0;
        }
        return create(desktopLauncher, args).execute(args);
    }

    /**
     * Builds the command line with this project's error conventions: every failure, an
     * OutOfMemoryError or StackOverflowError included, ends as one line {@code error: FILE: reason}
     * and exit code 1; the stack trace is printed only with {@code --debug}.
     */
    public static CommandLine create(Consumer<Optional<Path>> desktopLauncher) {
        return build(desktopLauncher, "");
    }

    /**
     * The command line for these arguments: when they start with a command's name, only that
     * command is built, since no other can run in this process (when they were declared with
     * annotations, building all four cost as much as reading the demo model: 225 against 174 ms
     * of CPU for {@code list}); none when they open the window. Otherwise (help, an unknown
     * command and its suggestions) every command is there, in the order of the usage help.
     */
    public static CommandLine create(Consumer<Optional<Path>> desktopLauncher, String... args) {
        if (opensTheWindow(args)) {
            // No command can run: the window's start does not build them (40 ms of it).
            return build(desktopLauncher, null);
        }
        return build(desktopLauncher, args[0]);
    }

    /** With the command named {@code first}, or all of them for any other name, or none for null. */
    private static CommandLine build(Consumer<Optional<Path>> desktopLauncher, String first) {
        BiasInspectorCommand root = new BiasInspectorCommand(desktopLauncher);
        CommandLine cli = DeferredFactory.commandLine(root.declare());
        if (first != null) {
            for (String name : COMMANDS.contains(first) ? List.of(first) : COMMANDS) {
                cli.addSubcommand(DeferredFactory.commandLine(declareCommand(name)));
            }
        }
        cli.setExecutionExceptionHandler(new ReportExceptions(root));
        cli.setExecutionStrategy(new ReportErrors(root));
        return cli;
    }

    /*
     * The two picocli hooks are named classes, not lambdas: picocli's class files are Java 5's, and
     * JDK 17's class-data sharing leaves out an old interface once a lambda for it has been linked,
     * with every class that implements it; those then came from the jar at each start (10 ms).
     */

    /** Every Exception a command throws ends as one line (see {@link #report}). */
    private static final class ReportExceptions implements CommandLine.IExecutionExceptionHandler {
        private final BiasInspectorCommand root;

        ReportExceptions(BiasInspectorCommand root) {
            this.root = root;
        }

        @Override
        public int handleExecutionException(Exception e, CommandLine commandLine, CommandLine.ParseResult parseResult) {
            return report(e, commandLine, parseResult, root.debug);
        }
    }

    /**
     * picocli hands only Exceptions to the handler above; Errors (out of memory, stack overflow)
     * pass through its execution strategy, so they are caught around it.
     */
    private static final class ReportErrors implements CommandLine.IExecutionStrategy {
        private final BiasInspectorCommand root;
        private final CommandLine.IExecutionStrategy runLast = new CommandLine.RunLast();

        ReportErrors(BiasInspectorCommand root) {
            this.root = root;
        }

        @Override
        public int execute(CommandLine.ParseResult parseResult) {
            try {
                return runLast.execute(parseResult);
            } catch (CommandLine.ParameterException | CommandLine.ExecutionException e) {
                throw e;
            } catch (Error e) {
                return report(e, leaf(parseResult).commandSpec().commandLine(), parseResult, root.debug);
            }
        }
    }

    /** The commands, in the order of the usage help (Main runs these without a display). */
    public static final List<String> COMMANDS = List.of("list", "dump", "export", "diff");

    private static CommandSpec declareCommand(String name) {
        return switch (name) {
            case "list" -> new ListCommand().declare();
            case "dump" -> new DumpCommand().declare();
            case "export" -> new ExportCommand().declare();
            case "diff" -> new DiffCommand().declare();
            default -> throw new IllegalArgumentException("no command " + name);
        };
    }

    /** No arguments, or only an existing file or folder: what starting the app or opening a file with it passes. */
    private static boolean opensTheWindow(String[] args) {
        if (args.length == 0) {
            return true;
        }
        if (args.length > 1 || args[0].startsWith("-")) {
            return false;
        }
        try {
            return java.nio.file.Files.exists(Path.of(args[0]));
        } catch (java.nio.file.InvalidPathException e) {
            return false;
        }
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
