package dev.biasinspector.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Paths that are not model files at all get one line at once: nothing hangs, nothing prints a stack trace. */
class SpecialPathsCommandLineTest {

    @TempDir
    Path temp;

    @Test
    void theRootFolderIsNotAModelFolder() {
        CliRun run = CliRun.of("list", "/");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.errLines()).containsExactly("error: /: this is the root of the file system, not a model folder");
    }

    @Test
    void aDeviceIsRefusedWithoutReadingIt() {
        CliRun run = CliRun.of("list", "/dev/null");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.errLines()).containsExactly("error: /dev/null: not a model file: it is a character device, not a regular file");
    }

    @Test
    void aNamedPipeIsRefusedWithoutOpeningIt() throws Exception {
        Path fifo = temp.resolve("model.pt");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assertThat(mkfifo.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(mkfifo.exitValue()).isZero();

        // Opening a FIFO for reading would block until a writer comes: the test would hang here.
        CliRun run = CliRun.of("dump", fifo, "fc1.bias");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.errLines()).containsExactly("error: " + fifo + ": not a model file: it is a named pipe (FIFO), not a regular file");
    }

    @Test
    void aFolderWithoutModelsSaysSo() throws Exception {
        Path folder = Files.createDirectories(temp.resolve("notes"));
        Files.writeString(folder.resolve("readme.txt"), "hello");

        CliRun run = CliRun.of("list", folder);

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.errLines()).containsExactly("error: " + folder + ": the folder holds no model file this app can read");
    }

    @Test
    void aKerasFileSaysWhatItIs() throws Exception {
        Path h5 = temp.resolve("model.h5");
        Files.write(h5, new byte[]{(byte) 0x89, 'H', 'D', 'F', '\r', '\n', 0x1A, '\n', 0, 0, 0, 0});

        CliRun run = CliRun.of("export", h5, "dense", "-o", temp.resolve("x.png"));

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.errLines()).containsExactly("error: " + h5 + ": a Keras HDF5 file: not supported yet");
        assertThat(temp.resolve("x.png")).doesNotExist();
    }
}
