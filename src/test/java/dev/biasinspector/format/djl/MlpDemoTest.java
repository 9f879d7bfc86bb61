package dev.biasinspector.format.djl;

import dev.biasinspector.model.BiasEntry;
import dev.biasinspector.model.LoadedModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The committed DJL demo is what {@link MakeDjlDemo} makes, and reads back with DJL's values. */
class MlpDemoTest {

    @TempDir
    Path dir;

    @Test
    void committedDemoIsExactlyWhatDjlWritesForTheSameSeed() throws IOException {
        DjlSavedModels.Saved fresh = MakeDjlDemo.make(dir);

        assertThat(fresh.file().getFileName()).isEqualTo(MakeDjlDemo.COMMITTED.getFileName());
        assertThat(Files.readAllBytes(MakeDjlDemo.COMMITTED)).isEqualTo(Files.readAllBytes(fresh.file()));
        assertThat(Files.size(MakeDjlDemo.COMMITTED)).isLessThan(50_000);

        LoadedModel model = new DjlParamsReader().read(MakeDjlDemo.COMMITTED);
        DjlParamsReaderTest.assertMatchesDjl(DjlParamsReaderTest.parameters(model), fresh.parameters());
        assertThat(model.linearBiases()).extracting(BiasEntry::name)
                .containsExactly("01Linear.bias", "03Linear.bias", "05Linear.bias");
        assertThat(model.properties()).containsEntry("Epoch", "3").containsEntry("modelName", "mlp_demo");
    }
}
