package dev.biasinspector.format;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Coverage-guided fuzzing of every reader with Jazzer (libFuzzer for the JVM): the bytes of a
 * file, and which name it has (the extension picks ONNX and DJL readers), must open as a model
 * whose biases read, or fail with the app's own one-sentence {@link IOException}; anything else
 * (another exception type, an out-of-memory in the 256 MB heap, a hang) is a finding.
 *
 * <p>In every test run this replays the corpus in {@code ReadersCoverageFuzzTestInputs/} (one
 * small file per format, each with one trailing byte that picks the name, plus every finding that
 * was fixed). {@code JAZZER_FUZZ=1 mvn test -Dtest=ReadersCoverageFuzzTest -Dgroups=bounded
 * -DexcludedGroups=} fuzzes for {@code maxDuration} and writes new findings to that folder.
 */
@Tag("bounded")
class ReadersCoverageFuzzTest {

    /** The names a file may have: the format detector looks at the bytes first, the name second. */
    private static final String[] NAMES = {"model.pt", "model.pth", "model.bin", "model.safetensors",
            "model.gguf", "model.onnx", "mlp-0003.params"};
    private static Path work;

    @BeforeAll
    static void makeFolder() throws IOException {
        work = Files.createTempDirectory("jazzer");
    }

    @AfterAll
    static void removeFolder() throws IOException {
        try (Stream<Path> paths = Files.walk(work)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @FuzzTest(maxDuration = "10m")
    void anyFileOpensOrFailsWithOneSentence(FuzzedDataProvider data) throws IOException {
        String name = data.pickValue(NAMES);
        byte[] bytes = data.consumeRemainingAsBytes();
        Path file = Files.write(work.resolve(name), bytes);
        try {
            ReadersFuzzTest.openAndRead(file);
        } catch (IOException expected) {
            String sentence = expected.getMessage();
            assertThat(sentence).as("the message of " + expected).isNotBlank().doesNotContain("\n");
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
