package dev.biasinspector.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Runs the command line in-process and keeps what it printed. */
record CliRun(int exitCode, String out, String err, List<Optional<Path>> desktopLaunches) {

    static CliRun of(Object... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<Optional<Path>> launches = new ArrayList<>();
        String[] strings = java.util.Arrays.stream(args).map(String::valueOf).toArray(String[]::new);
        // As Main builds it: only the command named first, so every test checks that path too.
        picocli.CommandLine cli = BiasInspectorCommand.create(launches::add, strings);
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(strings);
        return new CliRun(code, out.toString(), err.toString(), launches);
    }

    List<String> errLines() {
        return err.lines().toList();
    }
}
