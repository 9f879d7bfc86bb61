package dev.biasinspector.format;

import dev.biasinspector.testing.DemoModels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CheckpointSeriesTest {

    @TempDir
    Path temp;

    @Test
    void theDemoCheckpointsAreListedInTrainingOrder() throws Exception {
        assertThat(CheckpointSeries.list(DemoModels.path("checkpoints")))
                .extracting(p -> p.getFileName().toString())
                .containsExactly("epoch_1.pt", "epoch_2.pt", "epoch_5.pt", "epoch_10.pt");
    }

    @Test
    void filesThatAreNotModelsAreLeftOut() throws Exception {
        Files.copy(DemoModels.path("simple_net.pt"), temp.resolve("step_10.pt"));
        Files.copy(DemoModels.path("simple_net.pt"), temp.resolve("step_9.pt"));
        Files.writeString(temp.resolve("notes.txt"), "lr=0.01");
        Files.createFile(temp.resolve("empty.pt"));

        assertThat(CheckpointSeries.list(temp)).extracting(p -> p.getFileName().toString())
                .containsExactly("step_9.pt", "step_10.pt");
    }

    @Test
    void aFolderWithoutModelsIsAnError() throws Exception {
        Files.writeString(temp.resolve("readme.md"), "nothing here");

        assertThatThrownBy(() -> CheckpointSeries.list(temp)).isInstanceOf(ModelFormatException.class)
                .hasMessage("the folder holds no model file this app can read");
    }
}
