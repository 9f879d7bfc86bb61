package dev.biasinspector.format.djl;

import dev.biasinspector.engine.DjlEngineStartup;

import ai.djl.Model;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.NoopTranslator;
import com.google.gson.JsonObject;
import dev.biasinspector.format.ModelFormatException;
import dev.biasinspector.model.BiasEntry;
import dev.biasinspector.model.LoadedModel;
import dev.biasinspector.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A TorchScript model loaded into DJL and saved with {@code Model.save} becomes a .params file
 * that wraps the whole TorchScript zip; it reads back with PyTorch's names, classes and values.
 */
class EmbeddedTorchScriptTest {

    @TempDir
    Path dir;

    @Test
    void aPyTorchModelSavedByDjlReadsBackWithPyTorchsClassesAndValues() throws Exception {
        Path saved = saveThroughDjl("simple_scripted.pt", "simple", 2);

        LoadedModel model = new DjlParamsReader().read(saved);

        assertThat(model.format().id()).isEqualTo("djl");
        assertThat(model.source()).startsWith("DJL parameter file holding a TorchScript model, archive reader");
        assertThat(model.properties()).containsEntry("modelName", "simple").containsEntry("Epoch", "2")
                .containsEntry("archive folder", "archive/");
        List<String> modules = new ArrayList<>();
        model.root().walk(m -> modules.add(m.path() + " : " + m.className()));
        List<String> expectedModules = new ArrayList<>();
        Fixtures.fixture("simple_scripted.pt").getAsJsonArray("modules").forEach(e -> expectedModules.add(
                e.getAsJsonObject().get("path").getAsString() + " : " + e.getAsJsonObject().get("class").getAsString()));
        assertThat(modules).isEqualTo(expectedModules);
        List<BiasEntry> biases = model.linearBiases();
        assertThat(biases).extracting(BiasEntry::name).containsExactly("fc1.bias", "fc2.bias");
        for (BiasEntry bias : biases) {
            float[] values = bias.load().values();
            float[] wanted = Fixtures.biasValues("simple_scripted.pt", bias.name());
            assertThat(values).hasSize(wanted.length);
            for (int i = 0; i < values.length; i++) {
                assertThat(Float.floatToRawIntBits(values[i])).isEqualTo(Float.floatToRawIntBits(wanted[i]));
            }
        }
    }

    @Test
    void aWrappedZipCutShortIsTruncated() throws Exception {
        Path saved = saveThroughDjl("simple_scripted.pt", "cut", 1);
        byte[] bytes = Files.readAllBytes(saved);
        Path cut = Files.write(dir.resolve("cut-short.params"), Arrays.copyOf(bytes, bytes.length - 100));

        assertThatThrownBy(() -> new DjlParamsReader().read(cut)).isInstanceOf(ModelFormatException.class)
                .hasMessage("truncated DJL parameter file");
    }

    /** DJL can only save a TorchScript block after one forward pass has told it the input shape. */
    private Path saveThroughDjl(String fixture, String name, int epoch) throws Exception {
        DjlEngineStartup.ensureStarted();
        JsonObject firstWeight = Fixtures.fixture(fixture).getAsJsonArray("parameters").get(0).getAsJsonObject();
        long inputs = firstWeight.getAsJsonArray("shape").get(1).getAsLong();
        Path source = Fixtures.path(fixture);
        try (Model model = Model.newInstance(name, DjlEngineStartup.ENGINE_NAME)) {
            model.load(source.getParent(), source.getFileName().toString());
            try (Predictor<NDList, NDList> predictor = model.newPredictor(new NoopTranslator())) {
                predictor.predict(new NDList(model.getNDManager().ones(new Shape(1, inputs))));
            }
            model.getBlock().initialize(model.getNDManager(), DataType.FLOAT32, new Shape(1, inputs));
            model.setProperty("Epoch", Integer.toString(epoch));
            Path out = dir.resolve(name);
            model.save(out, name);
            try (Stream<Path> files = Files.list(out)) {
                return files.filter(f -> f.toString().endsWith(".params")).findFirst().orElseThrow();
            }
        }
    }
}
