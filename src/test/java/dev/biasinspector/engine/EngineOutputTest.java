package dev.biasinspector.engine;

import dev.biasinspector.model.LoadedModel;
import dev.biasinspector.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Starting DJL's engine in a fresh JVM (the way the command line does) writes nothing to stdout,
 * so {@code list}/{@code dump} output stays clean for pipes, and no INFO chatter to stderr.
 */
class EngineOutputTest {

    /** Reads a fixture with the DJL engine, then prints one line of its own: the only stdout expected. */
    public static void main(String[] args) throws IOException {
        LoadedModel model = new DjlEngineReader().read(Path.of(args[0]));
        System.out.println("biases=" + model.allBiases().size());
    }

    @Test
    void engineStartAndLoadKeepStdoutClean(@TempDir Path dir) throws Exception {
        Path stderrFile = dir.resolve("stderr.txt");
        Process process = new ProcessBuilder(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                EngineOutputTest.class.getName(),
                Fixtures.path("simple_scripted.pt").toString()))
                .redirectError(stderrFile.toFile())
                .start();
        process.getOutputStream().close();
        String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String stderr = Files.readString(stderrFile);

        assertThat(process.exitValue()).as(stderr).isZero();
        assertThat(stdout).isEqualTo("biases=2" + System.lineSeparator());
        assertThat(stderr).doesNotContain("INFO").doesNotContain("CudaUtils");
    }
}
