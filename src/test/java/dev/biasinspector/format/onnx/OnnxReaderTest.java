package dev.biasinspector.format.onnx;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.biasinspector.format.ModelOpener;
import dev.biasinspector.format.ModelFormatException;
import dev.biasinspector.model.BiasEntry;
import dev.biasinspector.model.LoadedModel;
import dev.biasinspector.model.ModelFormat;
import dev.biasinspector.model.ModuleNode;
import dev.biasinspector.model.Parameter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every bias of every ONNX fixture, with the writer's names, classes, shapes and bit-identical values. */
class OnnxReaderTest {

    @TempDir
    Path dir;

    private final OnnxReader reader = new OnnxReader();

    static List<String> fixtures() {
        return OnnxFixtures.names();
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void everyBiasListsWithTheWritersNameClassShapeAndValues(String fixture) throws IOException {
        LoadedModel model = reader.read(OnnxFixtures.path(fixture));
        Map<String, BiasEntry> biases = new HashMap<>();
        model.allBiases().forEach(b -> biases.put(b.name(), b));
        List<JsonObject> expected = OnnxFixtures.biases(fixture);
        assertThat(biases.keySet()).containsExactlyInAnyOrderElementsOf(
                expected.stream().map(b -> b.get("name").getAsString()).toList());
        for (JsonObject want : expected) {
            String name = want.get("name").getAsString();
            BiasEntry got = biases.get(name);
            assertThat(got.modulePath()).as(name).isEqualTo(want.get("module").getAsString());
            assertThat(got.type()).as(name).isEqualTo(want.get("class").getAsString());
            assertThat(got.parameter().shape()).as(name).containsExactly(longs(want, "shape"));
            assertThat(got.parameter().dtypeName()).as(name).isEqualTo(want.get("dtype").getAsString());
            if (want.has("bits")) {
                float[] values = got.load().values();
                float[] writer = OnnxFixtures.values(want);
                assertThat(values).as(name).hasSize(writer.length);
                for (int i = 0; i < writer.length; i++) {
                    assertThat(Float.floatToRawIntBits(values[i])).as("%s[%d] = %s, writer %s", name, i, values[i], writer[i])
                            .isEqualTo(Float.floatToRawIntBits(writer[i]));
                }
            } else {
                assertThatThrownBy(got::load).as(name).isInstanceOf(ModelFormatException.class)
                        .hasMessage("values of ONNX type " + want.get("onnx_data_type").getAsString() + " are not decoded");
            }
        }
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void everyLayersWeightIsListedWithItsShapeAndType(String fixture) throws IOException {
        LoadedModel model = reader.read(OnnxFixtures.path(fixture));
        Map<String, Parameter> parameters = new HashMap<>();
        model.root().walk(m -> m.parameters().forEach(p -> parameters.put(p.name(), p)));
        for (JsonElement element : OnnxFixtures.fixture(fixture).getAsJsonArray("weights")) {
            JsonObject want = element.getAsJsonObject();
            Parameter got = parameters.get(want.get("name").getAsString());
            assertThat(got).as(want.toString()).isNotNull();
            assertThat(got.shape()).containsExactly(longs(want, "shape"));
            assertThat(got.dtype().pythonName()).isEqualTo(want.get("dtype").getAsString());
            assertThat(got.isBias()).isFalse();
        }
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void theModelsFactsAreProperties(String fixture) throws IOException {
        LoadedModel model = reader.read(OnnxFixtures.path(fixture));
        JsonObject want = OnnxFixtures.fixture(fixture).getAsJsonObject("properties");
        for (String key : want.keySet()) {
            assertThat(model.properties()).containsEntry(key, want.get(key).getAsString());
        }
        assertThat(model.properties()).containsEntry("nodes", OnnxFixtures.fixture(fixture).get("node_count").getAsString())
                .containsEntry("initializers", OnnxFixtures.fixture(fixture).get("initializer_count").getAsString());
        assertThat(model.format()).isEqualTo(ModelFormat.ONNX);
        assertThat(model.source()).contains("no code run");
    }

    @Test
    void theTutorialsSimpleNetShowsTwoLinearLayers() throws IOException {
        LoadedModel model = reader.read(OnnxFixtures.path("simple_net.onnx"));
        assertThat(model.linearBiases()).extracting(BiasEntry::name).containsExactly("fc1.bias", "fc2.bias");
        List<String> tree = new ArrayList<>();
        model.root().walk(m -> tree.add(m.toString()));
        assertThat(tree).containsExactly("<root> (torch_jit)", "fc1 (Linear)", "fc2 (Linear)");
        ModuleNode fc1 = model.module("fc1").orElseThrow();
        assertThat(fc1.parameters()).extracting(Parameter::name).containsExactly("fc1.weight", "fc1.bias");
    }

    @Test
    void foldedConvolutionsAreNamedAfterTheModuleTheNodeCameFrom() throws IOException {
        LoadedModel model = reader.read(OnnxFixtures.path("conv_bn.onnx"));
        List<String> tree = new ArrayList<>();
        model.root().walk(m -> tree.add(m.toString()));
        assertThat(tree).contains("layer1 (Module)", "layer1.0 (Module)", "layer1.0.conv1 (Conv2d)",
                "up (ConvTranspose2d)", "fc (Linear)");
        // the Linear filter of the tree keeps only the Gemm
        assertThat(model.linearBiases()).extracting(BiasEntry::name).containsExactly("fc.bias");
    }

    @Test
    void anInitializerSharedThroughIdentityNodesBelongsToItsFirstLayer() throws IOException {
        LoadedModel model = reader.read(OnnxFixtures.path("linear_3d.onnx"));
        List<String> tree = new ArrayList<>();
        model.root().walk(m -> tree.add(m.toString()));
        // tied is called twice (/tied/Add and /tied_1/Add); its weight reaches the second call through Identity
        assertThat(tree).containsExactly("<root> (torch_jit)", "proj (Linear)", "tied (Linear)");
    }

    @Test
    void theFormatDetectorSendsOnnxFilesHereWhateverTheirName() throws IOException {
        Path renamed = Files.copy(OnnxFixtures.path("simple_net.onnx"), dir.resolve("weights.bin"));
        for (Path file : List.of(OnnxFixtures.path("simple_net.onnx"), renamed)) {
            LoadedModel model = ModelOpener.open(file);
            assertThat(model.format()).isEqualTo(ModelFormat.ONNX);
            assertThat(model.linearBiases()).extracting(BiasEntry::name).containsExactly("fc1.bias", "fc2.bias");
        }
    }

    private static long[] longs(JsonObject object, String key) {
        var array = object.getAsJsonArray(key);
        long[] out = new long[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).getAsLong();
        }
        return out;
    }
}
