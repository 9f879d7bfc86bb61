package dev.biasinspector.cli;

import dev.biasinspector.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Where {@code export -o} writes: standard output for {@code -}, into devices and FIFOs as a
 * shell redirection would, through symbolic links, and never by renaming a file over something
 * that is not a regular file.
 */
class OutputTargetsTest {

    private static final Path SIMPLE = Fixtures.path("simple_scripted.pt");

    @TempDir
    Path temp;

    @Test
    void dashWritesThePngToStandardOutput() throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        CliRun run;
        try {
            System.setOut(new PrintStream(captured, true));
            run = CliRun.of("export", SIMPLE, "fc1", "-o", "-", "--width", "320", "--height", "200");
        } finally {
            System.setOut(original);
        }

        assertThat(run.exitCode()).as(run.err()).isZero();
        var image = ImageIO.read(new ByteArrayInputStream(captured.toByteArray()));
        assertThat(image.getWidth()).isEqualTo(320);
        assertThat(image.getHeight()).isEqualTo(200);
        assertThat(temp.resolve("-")).doesNotExist();
    }

    @Test
    void aSymbolicLinkStaysALinkAndTheFileItPointsToGetsThePng() throws Exception {
        Path real = Files.writeString(temp.resolve("real.png"), "old");
        Path link = Files.createSymbolicLink(temp.resolve("link.png"), real);

        CliRun run = CliRun.of("export", SIMPLE, "fc1", "-o", link);

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(ImageIO.read(real.toFile())).isNotNull();
    }

    @Test
    void aLinkToNothingIsRefusedAndNotReplaced() throws Exception {
        Path link = Files.createSymbolicLink(temp.resolve("dangling.png"), temp.resolve("missing/x.png"));

        CliRun run = CliRun.of("export", SIMPLE, "fc1", "-o", link);

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.errLines()).containsExactly("error: " + link + ": it is a symbolic link to a file that does not exist; nothing was written");
        assertThat(Files.isSymbolicLink(link)).isTrue();
    }

    @Test
    void aFifoIsWrittenIntoNotReplaced() throws Exception {
        Path fifo = temp.resolve("chart.fifo");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assertThat(mkfifo.waitFor(10, TimeUnit.SECONDS) && mkfifo.exitValue() == 0).as("mkfifo made the pipe").isTrue();
        CompletableFuture<byte[]> reader = CompletableFuture.supplyAsync(() -> {
            try {
                return Files.readAllBytes(fifo);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });

        CliRun run = CliRun.of("export", SIMPLE, "fc1", "-o", fifo);

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(ImageIO.read(new ByteArrayInputStream(reader.get(60, TimeUnit.SECONDS)))).isNotNull();
        assertThat(Files.isRegularFile(fifo, LinkOption.NOFOLLOW_LINKS)).isFalse();
        assertThat(Files.exists(fifo, LinkOption.NOFOLLOW_LINKS)).isTrue();
    }

    @Test
    void aDeviceIsWrittenIntoAndStaysADevice() throws Exception {
        Path devNull = Path.of("/dev/null");
        assertThat(devNull).exists();

        CliRun run = CliRun.of("export", SIMPLE, "fc1", "-o", devNull);

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(Files.isRegularFile(devNull, LinkOption.NOFOLLOW_LINKS)).isFalse();
    }

    @Test
    void aFullDeviceGivesOneSentenceAndStaysADevice() {
        Path devFull = Path.of("/dev/full");
        assertThat(devFull).exists();

        CliRun run = CliRun.of("export", SIMPLE, "fc1", "-o", devFull);

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.errLines()).containsExactly("error: /dev/full: writing into it failed (No space left on device)");
        assertThat(Files.isRegularFile(devFull, LinkOption.NOFOLLOW_LINKS)).isFalse();
    }

    @Test
    void aFolderIsRefused() {
        CliRun run = CliRun.of("export", SIMPLE, "fc1", "-o", temp);

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.errLines()).containsExactly("error: " + temp + ": it is a folder, not a file; nothing was written");
    }

    @Test
    void outOfMemoryAndStackOverflowEndAsOneLineNamingTheFileWithTheTraceOnlyUnderDebug() {
        for (Error error : new Error[]{new OutOfMemoryError("Java heap space"), new StackOverflowError()}) {
            java.io.StringWriter err = new java.io.StringWriter();
            picocli.CommandLine cli = BiasInspectorCommand.create((Optional<Path> model) -> {
                throw error;
            });
            cli.setErr(new java.io.PrintWriter(err, true));

            int exit = cli.execute("model.pt");

            assertThat(exit).isEqualTo(1);
            assertThat(err.toString().lines()).containsExactly("error: model.pt: " + (error instanceof OutOfMemoryError
                    ? "there is not enough memory to read it (the Java heap is full)"
                    : "it is nested too deeply to read") + " (--debug prints where)");

            java.io.StringWriter debugErr = new java.io.StringWriter();
            cli = BiasInspectorCommand.create((Optional<Path> model) -> {
                throw error;
            });
            cli.setErr(new java.io.PrintWriter(debugErr, true));
            assertThat(cli.execute("--debug", "model.pt")).isEqualTo(1);
            assertThat(debugErr.toString()).contains("\tat ");
        }
    }
}
