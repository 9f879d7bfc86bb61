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
        for (JsonElement e : Fixtures.fixture(fixture).getAsJsonArray("parameters")) {
            JsonObject p = e.getAsJsonObject();
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

        List<JsonObject> expected = new ArrayList<>();
        Fixtures.fixture(fixture).getAsJsonArray("biases").forEach(e -> expected.add(e.getAsJsonObject()));
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

    private static String describe(Parameter p) {
        return p.name() + " " + java.util.Arrays.toString(p.shape()) + " " + p.dtype().pythonName();
    }

}
