package dev.biasinspector.format;

import dev.biasinspector.session.ModelFiles;
import dev.biasinspector.session.Engine;

import com.google.gson.JsonElement;
import dev.biasinspector.model.BiasEntry;
import dev.biasinspector.model.LoadedModel;
import dev.biasinspector.testing.Fixtures;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pure-Java archive reader and libtorch (through DJL) read the same biases from every fixture,
 * bit for bit. Where they see different things, the difference is PyTorch's own and is listed in
 * the fixture's notes: tied weights appear once in Python but under every holder in libtorch, and
 * quantized Linear biases are not parameters for libtorch.
 */
class EnginesAgreeTest {

    static List<String> fixtures() {
        return Fixtures.names();
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void bothEnginesGiveTheSameBiasNamesAndBitIdenticalValues(String fixture) throws Exception {
        LoadedModel archive = ModelFiles.open(Fixtures.path(fixture), Engine.ARCHIVE);
        LoadedModel djl = ModelFiles.open(Fixtures.path(fixture), Engine.DJL);

        Map<String, float[]> fromArchive = values(archive.allBiases());
        Map<String, float[]> fromDjl = values(djl.allBiases());
        fromArchive.keySet().removeAll(quantizedBiases(fixture));
        fromDjl.keySet().removeAll(aliases(fixture));

        assertThat(List.copyOf(fromDjl.keySet())).isEqualTo(List.copyOf(fromArchive.keySet()));
        fromArchive.forEach((name, values) -> {
            float[] other = fromDjl.get(name);
            assertThat(other).as(name).hasSameSizeAs(values);
            for (int i = 0; i < values.length; i++) {
                assertThat(Float.floatToRawIntBits(other[i])).as(name + "[" + i + "]")
                        .isEqualTo(Float.floatToRawIntBits(values[i]));
            }
        });
        assertThat(archive.source()).contains("no code run");
        assertThat(djl.source()).contains("DJL");
    }

    private static Map<String, float[]> values(List<BiasEntry> biases) throws java.io.IOException {
        Map<String, float[]> out = new LinkedHashMap<>();
        for (BiasEntry b : biases) {
            out.put(b.name(), b.load().values());
        }
        return out;
    }

    /** Names libtorch lists a second time for a tensor shared by several modules. */
    private static Set<String> aliases(String fixture) {
        return stream(fixture, "aliases").collect(Collectors.toSet());
    }

    private static Set<String> quantizedBiases(String fixture) {
        return Fixtures.fixture(fixture).getAsJsonArray("packed_biases").asList().stream()
                .map(e -> e.getAsJsonObject().get("module").getAsString() + ".bias").collect(Collectors.toSet());
    }

    private static java.util.stream.Stream<String> stream(String fixture, String key) {
        return Fixtures.fixture(fixture).getAsJsonArray(key).asList().stream().map(EnginesAgreeTest::aliasName);
    }

    private static String aliasName(JsonElement e) {
        return e.isJsonPrimitive() ? e.getAsString() : e.getAsJsonObject().get("name").getAsString();
    }
}
