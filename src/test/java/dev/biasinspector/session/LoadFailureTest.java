package dev.biasinspector.session;

import dev.biasinspector.format.ModelFormatException;
import dev.biasinspector.format.ModelOpener;
import dev.biasinspector.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** The sentence a user reads for each kind of failure. */
class LoadFailureTest {

    @TempDir
    Path folder;

    @Test
    void formatErrorsKeepTheReadersSentence() {
        assertThat(LoadFailure.sentence("x.pt", "opened", new ModelFormatException("the file is truncated.")))
                .isEqualTo("x.pt could not be opened: the file is truncated.");
    }

    @Test
    void fileSystemErrorsAreSaidPlainly() {
        assertThat(LoadFailure.sentence("x.pt", "opened", new NoSuchFileException("/a/x.pt")))
                .isEqualTo("x.pt could not be opened: the file does not exist.");
        assertThat(LoadFailure.sentence("x.png", "saved", new AccessDeniedException("/a/x.png")))
                .isEqualTo("x.png could not be saved: permission denied.");
        assertThat(LoadFailure.reason(new IllegalStateException())).isEqualTo("unexpected IllegalStateException");
        assertThat(LoadFailure.sentence("x.pt", "opened", new StackOverflowError()))
                .isEqualTo("x.pt could not be opened: it is nested too deeply to read.");
        assertThat(LoadFailure.sentence("x.pt", "opened", new OutOfMemoryError("Java heap space")))
                .isEqualTo("x.pt could not be opened: there is not enough memory.");
    }

    @Test
    void realReaderFailuresGiveOneSentenceWithoutJargon() throws IOException {
        Path empty = Files.createFile(folder.resolve("empty.pt"));
        Path text = Files.writeString(folder.resolve("notes.pt"), "hello, not a model");
        byte[] model = Files.readAllBytes(Fixtures.path("simple_scripted.pt"));
        Path half = Files.write(folder.resolve("half.pt"), java.util.Arrays.copyOf(model, model.length / 2));

        for (Path file : new Path[] {empty, text, half, folder.resolve("missing.pt")}) {
            Throwable failure = catchThrowable(() -> ModelOpener.open(file));
            String sentence = LoadFailure.sentence(file.getFileName().toString(), "opened", failure);
            assertThat(sentence).as(file.toString()).startsWith(file.getFileName() + " could not be opened: ")
                    .endsWith(".").doesNotContain("Exception", "\n", "null");
        }
    }
}
