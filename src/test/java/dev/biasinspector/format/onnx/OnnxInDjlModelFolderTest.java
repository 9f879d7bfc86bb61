package dev.biasinspector.format.onnx;

import dev.biasinspector.engine.DjlEngineReader;
import dev.biasinspector.format.FormatDetector;
import dev.biasinspector.format.ModelKind;
import dev.biasinspector.format.ModelOpener;
import dev.biasinspector.model.BiasEntry;
import dev.biasinspector.model.LoadedModel;
import dev.biasinspector.model.ModelFormat;
import dev.biasinspector.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A DJL model folder for DJL's OnnxRuntime engine ({@code serving.properties} with
 * {@code engine=OnnxRuntime} and an {@code .onnx} file) opens like the other DJL folders, through
 * the ONNX reader, with either engine chosen (DJL's OnnxRuntime does not expose initializers).
 */
class OnnxInDjlModelFolderTest {

    private static final String SERVING = "engine=OnnxRuntime\noption.modelName=simple_net\n";

    @TempDir
    Path dir;

    @Test
    void aFolderForTheOnnxRuntimeEngineShowsTheOnnxModelsBiases() throws IOException {
        Path folder = folder("simple_net.onnx", SERVING);
        // a TorchScript file beside it is not what engine=OnnxRuntime loads
        Files.copy(Fixtures.path("simple_scripted.pt"), folder.resolve("model.pt"));

        assertThat(kind(folder)).isEqualTo(ModelKind.DJL_FOLDER);
        LoadedModel model = ModelOpener.open(folder);

        assertThat(model.format()).isEqualTo(ModelFormat.ONNX);
        assertThat(model.modelFileInFolder()).contains("simple_net.onnx");
        assertThat(model.properties()).containsEntry("modelFile", "simple_net.onnx")
                .containsEntry("engine", "OnnxRuntime").containsEntry("producer_name", "pytorch");
        assertWritersValues(model);
        assertWritersValues(ModelOpener.open(folder, new DjlEngineReader()));
    }

    @Test
    void withoutAModelNameDjlLooksForModelOnnx() throws IOException {
        Path folder = folder("model.onnx", "engine=OnnxRuntime\n");
        Files.copy(OnnxFixtures.path("conv_bn.onnx"), folder.resolve("other.onnx"));
        LoadedModel model = ModelOpener.open(folder);
        assertThat(model.properties()).containsEntry("modelFile", "model.onnx");
        assertWritersValues(model);
    }

    @Test
    void aZippedFolderOpensTheSame() throws IOException {
        Path zip = dir.resolve("simple_net.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry("simple_net/serving.properties"));
            out.write(SERVING.getBytes(StandardCharsets.UTF_8));
            out.putNextEntry(new ZipEntry("simple_net/simple_net.onnx"));
            Files.copy(OnnxFixtures.path("simple_net.onnx"), (OutputStream) out);
            out.closeEntry();
        }
        assertThat(kind(zip)).isEqualTo(ModelKind.DJL_ARCHIVE);
        LoadedModel model = ModelOpener.open(zip);
        assertThat(model.properties()).containsEntry("modelFile", "simple_net.onnx");
        assertWritersValues(model);
    }

    private static ModelKind kind(Path path) throws IOException {
        try (var detected = FormatDetector.detect(path)) {
            return detected.kind();
        }
    }

    private Path folder(String onnxName, String serving) throws IOException {
        Path folder = Files.createDirectories(dir.resolve("simple_net"));
        Files.copy(OnnxFixtures.path("simple_net.onnx"), folder.resolve(onnxName));
        Files.writeString(folder.resolve("serving.properties"), serving);
        return folder;
    }

    private static void assertWritersValues(LoadedModel model) throws IOException {
        assertThat(model.linearBiases()).extracting(BiasEntry::name).containsExactly("fc1.bias", "fc2.bias");
        for (BiasEntry bias : model.allBiases()) {
            assertThat(bias.load().values()).as(bias.name())
                    .containsExactly(OnnxFixtures.values(OnnxFixtures.bias("simple_net.onnx", bias.name())));
        }
    }
}
