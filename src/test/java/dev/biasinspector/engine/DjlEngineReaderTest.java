package dev.biasinspector.engine;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.biasinspector.format.DetectedModel;
import dev.biasinspector.session.Engine;
import dev.biasinspector.session.ModelFiles;
import dev.biasinspector.format.FormatDetector;
import dev.biasinspector.format.ModelKind;
import dev.biasinspector.format.ModelOpener;
import dev.biasinspector.format.ModelFormatException;
import dev.biasinspector.model.BiasEntry;
import dev.biasinspector.model.LoadedModel;
import dev.biasinspector.model.ModuleNode;
import dev.biasinspector.model.Parameter;
import dev.biasinspector.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every PyTorch fixture read through libtorch (DJL) gives PyTorch's names, shapes, dtypes and exact bias values. */
class DjlEngineReaderTest {

    private final DjlEngineReader reader = new DjlEngineReader();

    @TempDir
    Path dir;

    static List<String> fixtures() {
        return Fixtures.names();
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void parametersAreNamedParametersInOrder(String fixture) throws IOException {
        LoadedModel model = reader.read(Fixtures.path(fixture));

        List<String> actual = new ArrayList<>();
        model.root().walk(m -> m.parameters().forEach(p ->
                actual.add(p.name() + " " + Arrays.toString(p.shape()) + " " + p.dtype().pythonName())));
        Map<String, String> described = new HashMap<>();
        for (JsonElement e : Fixtures.fixture(fixture).getAsJsonArray("parameters")) {
            JsonObject p = e.getAsJsonObject();
            described.put(p.get("name").getAsString(), Arrays.toString(Fixtures.longs(p.getAsJsonArray("shape")))
                    + " " + p.get("dtype").getAsString());
        }
        List<String> expected = new ArrayList<>();
        for (String name : namedParametersAsLibtorchListsThem(fixture)) {
            expected.add(name + " " + described.get(aliasTarget(fixture, name)));
        }
        assertThat(actual).isEqualTo(expected);
        assertThat(model.format().id()).isEqualTo("torchscript");
        assertThat(model.source()).isEqualTo("DJL PyTorch engine (libtorch 2.7.1; ran code stored in the file)");
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void biasValuesAreBitIdenticalToPyTorchs(String fixture) throws IOException {
        LoadedModel model = reader.read(Fixtures.path(fixture));
        List<BiasEntry> biases = model.allBiases();

        Map<String, JsonObject> pytorchBiases = new HashMap<>();
        Fixtures.fixture(fixture).getAsJsonArray("biases").forEach(e ->
                pytorchBiases.put(e.getAsJsonObject().get("name").getAsString(), e.getAsJsonObject()));
        List<String> expectedNames = namedParametersAsLibtorchListsThem(fixture).stream()
                .filter(n -> pytorchBiases.containsKey(aliasTarget(fixture, n))).toList();
        assertThat(biases).extracting(BiasEntry::name).containsExactlyElementsOf(expectedNames);
        List<JsonObject> expected = expectedNames.stream().map(n -> pytorchBiases.get(aliasTarget(fixture, n))).toList();
        for (int i = 0; i < biases.size(); i++) {
            BiasEntry bias = biases.get(i);
            if (aliasTarget(fixture, bias.name()).equals(bias.name())) {
                assertThat(bias.modulePath()).isEqualTo(expected.get(i).get("module").getAsString());
            }
            float[] values = bias.load().values();
            float[] wanted = Fixtures.floats(expected.get(i).getAsJsonArray("values"));
            assertThat(values).as(bias.name()).hasSize(wanted.length);
            for (int j = 0; j < values.length; j++) {
                assertThat(Float.floatToRawIntBits(values[j])).as(bias.name() + "[" + j + "]")
                        .isEqualTo(Float.floatToRawIntBits(wanted[j]));
            }
        }
    }

    /**
     * Python's {@code named_parameters()} lists a tensor shared by several modules once; libtorch's
     * TorchScript module lists it under every module that holds it (expected.json records those
     * extra names as aliases). Aliases are appended in their module order, which is libtorch's.
     */
    static List<String> namedParametersAsLibtorchListsThem(String fixture) {
        List<String> names = new ArrayList<>();
        Fixtures.fixture(fixture).getAsJsonArray("parameters").forEach(e -> names.add(e.getAsJsonObject().get("name").getAsString()));
        Fixtures.fixture(fixture).getAsJsonArray("aliases").forEach(e -> names.add(e.getAsJsonObject().get("name").getAsString()));
        return names;
    }

    static String aliasTarget(String fixture, String name) {
        for (JsonElement e : Fixtures.fixture(fixture).getAsJsonArray("aliases")) {
            if (e.getAsJsonObject().get("name").getAsString().equals(name)) {
                return e.getAsJsonObject().get("same_as").getAsString();
            }
        }
        return name;
    }

    /**
     * DJL gives no class names. The guess "Linear" (2-D weight [out, in] with an optional bias [out])
     * must agree with PyTorch's class for every module holding parameters, except where the rule is
     * known to be blind: nn.Embedding looks like a bias-free Linear, and a Linear subclass with an
     * extra parameter (the fixtures' ScaledLinear: weight, bias, scale) does not look like one.
     */
    @ParameterizedTest
    @MethodSource("fixtures")
    void linearGuessAgreesWithPyTorchsClasses(String fixture) throws IOException {
        LoadedModel model = reader.read(Fixtures.path(fixture));
        Map<String, String> pytorchClass = new HashMap<>();
        for (JsonElement e : Fixtures.fixture(fixture).getAsJsonArray("modules")) {
            pytorchClass.put(e.getAsJsonObject().get("path").getAsString(), e.getAsJsonObject().get("class").getAsString());
        }
        model.root().walk(m -> {
            if (m.parameters().isEmpty()) {
                assertThat(m.className()).as(m.path()).isEqualTo("Module");
                return;
            }
            String actual = pytorchClass.get(m.path());
            assertThat(actual).as("PyTorch has a module " + m.path()).isNotNull();
            boolean linear = (actual.endsWith("Linear") && !actual.equals("ScaledLinear")) || actual.equals("Embedding");
            assertThat(m.isLinear()).as(m.path() + " is a " + actual).isEqualTo(linear);
            if (m.className().startsWith("Conv")) {
                assertThat(m.className()).as(m.path()).isEqualTo(actual);
            }
        });
    }

    @Test
    void nestedModulesFormATreeFromTheDottedNames() throws IOException {
        LoadedModel model = reader.read(Fixtures.path("nested_scripted.pt"));

        List<String> tree = new ArrayList<>();
        model.root().walk(m -> tree.add(m.path() + ":" + m.className()));
        // ReLU and Tanh hold no parameters, so libtorch's named_parameters() never mentions them
        assertThat(tree).containsExactly(":Module", "enc:Module", "enc.0:Linear", "enc.2:Module", "enc.2.0:Linear",
                "blocks:Module", "blocks.0:Linear", "blocks.1:Linear", "heads:Module", "heads.cls:Linear",
                "heads.reg:Linear");
        ModuleNode blocks1 = model.module("blocks.1").orElseThrow();
        assertThat(blocks1.parameters()).extracting(Parameter::localName).containsExactly("weight");
    }

    @Test
    void damagedAndForeignFilesGiveOnePlainSentence() throws IOException {
        byte[] good = Files.readAllBytes(Fixtures.path("simple_scripted.pt"));
        Path truncated = Files.write(dir.resolve("truncated.pt"), Arrays.copyOf(good, good.length / 2));
        Path text = Files.write(dir.resolve("text.pt"), "not a model".getBytes(StandardCharsets.UTF_8));

        for (Path file : List.of(truncated, text)) {
            assertThatThrownBy(() -> reader.read(file)).isInstanceOf(ModelFormatException.class)
                    .hasMessageStartingWith("libtorch could not load this file as a TorchScript model (")
                    .hasMessageNotContaining("\n");
        }
        assertThatThrownBy(() -> reader.read(dir)).isInstanceOf(ModelFormatException.class)
                .hasMessage("the DJL engine opens TorchScript files, not folders");
    }

    @Test
    void onlyTorchScriptArchivesAreSentToTheEngine() throws IOException {
        try (DetectedModel zip = FormatDetector.detect(Fixtures.path("simple_scripted.pt"))) {
            assertThat(zip.kind()).isEqualTo(ModelKind.TORCHSCRIPT);
        }
        Path text = Files.write(dir.resolve("x.pt"), "DJL@".getBytes(StandardCharsets.US_ASCII));
        try (DetectedModel params = FormatDetector.detect(text)) {
            assertThat(params.kind()).isEqualTo(ModelKind.DJL_PARAMS);
        }
        // a DJL file named .pt goes to the DJL file reader even with the DJL engine, never to libtorch
        assertThatThrownBy(() -> ModelFiles.open(text, Engine.DJL)).isInstanceOf(ModelFormatException.class)
                .hasMessageNotContaining("libtorch");
    }

    @Test
    void engineRunsOfflineFromTheBundledNativeLibrary() throws IOException {
        assertThat(DjlEngineStartup.ensureStarted()).isEqualTo("2.7.1");
        assertThat(System.getProperty("ai.djl.offline")).isEqualTo("true");
        assertThat(DjlEngineStartup.isStarted()).isTrue();
        assertThat(DjlEngineStartup.startupTime()).isNotNull();
        assertThat(DjlEngineStartup.warmUpInBackground().join()).isEqualTo("2.7.1");
    }
}
