package dev.biasinspector.format.torchscript;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.biasinspector.format.ModelOpener;
import dev.biasinspector.model.BiasEntry;
import dev.biasinspector.model.LoadedModel;
import dev.biasinspector.model.Parameter;
import dev.biasinspector.testing.Fixtures;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Every fixture PyTorch made reads back with PyTorch's names, classes, shapes, dtypes and exact values. */
class TorchScriptFixturesTest {

    static List<String> fixtures() {
        return Fixtures.names();
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void modulesAreListedWithPyTorchsPathsAndClassNames(String fixture) throws Exception {
        LoadedModel model = ModelOpener.open(Fixtures.path(fixture));

        List<String> actual = new ArrayList<>();
        model.root().walk(m -> actual.add(m.path() + " : " + m.className()));
        List<String> expected = new ArrayList<>();
        for (JsonElement m : Fixtures.fixture(fixture).getAsJsonArray("modules")) {
            expected.add(m.getAsJsonObject().get("path").getAsString() + " : "
                    + m.getAsJsonObject().get("class").getAsString());
        }
        assertThat(actual).isEqualTo(expected);
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void parametersMatchNamedParametersInOrder(String fixture) throws Exception {
        LoadedModel model = ModelOpener.open(Fixtures.path(fixture));

        List<String> actual = new ArrayList<>();
        model.root().walk(m -> m.parameters().forEach(p -> actual.add(describe(p))));
        List<String> expected = new ArrayList<>();
        for (JsonObject p : inModuleOrder(fixture, "parameters")) {
            expected.add(p.get("name").getAsString() + " " + java.util.Arrays.toString(Fixtures.longs(p.getAsJsonArray("shape")))
                    + " " + p.get("dtype").getAsString());
        }
        assertThat(actual).isEqualTo(expected);
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void biasValuesAreBitIdenticalToPyTorchs(String fixture) throws Exception {
        LoadedModel model = ModelOpener.open(Fixtures.path(fixture));
        List<BiasEntry> biases = model.allBiases();

        List<JsonObject> expected = inModuleOrder(fixture, "biases");
        assertThat(biases).extracting(BiasEntry::name)
                .containsExactlyElementsOf(expected.stream().map(e -> e.get("name").getAsString()).toList());
        for (int i = 0; i < biases.size(); i++) {
            BiasEntry bias = biases.get(i);
            JsonObject want = expected.get(i);
            assertThat(bias.modulePath()).as(bias.name()).isEqualTo(want.get("module").getAsString());
            assertThat(bias.type()).as(bias.name()).isEqualTo(want.get("class").getAsString());
            float[] values = bias.load().values();
            float[] wanted = Fixtures.floats(want.getAsJsonArray("values"));
            assertThat(values).as(bias.name()).hasSize(wanted.length);
            for (int j = 0; j < values.length; j++) {
                assertThat(Float.floatToRawIntBits(values[j])).as(bias.name() + "[" + j + "]")
                        .isEqualTo(Float.floatToRawIntBits(wanted[j]));
            }
        }
    }

    /**
     * PyTorch's list of parameters or biases, plus the biases of quantized Linear layers, which
     * {@code named_parameters()} does not see but a user does (the generator records them as
     * {@code packed_biases}); all in module pre-order as PyTorch lists them.
     */
    private static List<JsonObject> inModuleOrder(String fixture, String key) {
        JsonObject f = Fixtures.fixture(fixture);
        List<String> modules = new ArrayList<>();
        f.getAsJsonArray("modules").forEach(m -> modules.add(m.getAsJsonObject().get("path").getAsString()));
        List<JsonObject> all = new ArrayList<>();
        f.getAsJsonArray(key).forEach(e -> all.add(e.getAsJsonObject()));
        for (JsonElement e : f.getAsJsonArray("packed_biases")) {
            JsonObject packed = e.getAsJsonObject().deepCopy();
            packed.addProperty("name", packed.get("module").getAsString() + ".bias");
            all.add(packed);
        }
        all.sort(java.util.Comparator.comparingInt(p -> modules.indexOf(owner(p.get("name").getAsString()))));
        return all;
    }

    private static String owner(String parameterName) {
        int dot = parameterName.lastIndexOf('.');
        return dot < 0 ? "" : parameterName.substring(0, dot);
    }

    private static String describe(Parameter p) {
        return p.name() + " " + java.util.Arrays.toString(p.shape()) + " " + p.dtype().pythonName();
    }

}
