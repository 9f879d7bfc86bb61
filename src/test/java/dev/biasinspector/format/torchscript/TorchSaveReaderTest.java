package dev.biasinspector.format.torchscript;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.biasinspector.format.ModelFormatException;
import dev.biasinspector.format.ModelOpener;
import dev.biasinspector.model.BiasEntry;
import dev.biasinspector.model.LoadedModel;
import dev.biasinspector.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** torch.save checkpoints made by src/test/python/make_torch_save_fixtures.py, against PyTorch's numbers. */
class TorchSaveReaderTest {

    private static final JsonObject EXPECTED = JsonParser.parseReader(new InputStreamReader(Objects.requireNonNull(
            TorchSaveReaderTest.class.getResourceAsStream("/torchsave/expected.json")), StandardCharsets.UTF_8))
            .getAsJsonObject().getAsJsonObject("files");

    private static Path path(String name) throws Exception {
        return Path.of(Objects.requireNonNull(TorchSaveReaderTest.class.getResource("/torchsave/" + name)).toURI());
    }

    @ParameterizedTest
    @ValueSource(strings = {"simple_state_dict.pth", "training_checkpoint.pt", "conv_bn_state_dict.pth",
            "half_state_dict.pth", "whole_model.pth", "legacy_format.pth", "legacy_whole_model.pth"})
    void everyTensorIsListedWithPyTorchsNameShapeAndDtypeAndBiasesAreBitIdentical(String file) throws Exception {
        LoadedModel model = ModelOpener.open(path(file));

        assertThat(model.format().id()).isEqualTo("pytorch");
        assertThat(model.source()).contains("no code run");
        List<String> actual = new ArrayList<>();
        model.root().walk(m -> m.parameters().forEach(p -> actual.add(p.name() + " " + Arrays.toString(p.shape())
                + " " + p.dtype().pythonName())));
        List<String> expected = new ArrayList<>();
        List<JsonObject> expectedBiases = new ArrayList<>();
        for (JsonElement e : EXPECTED.getAsJsonObject(file).getAsJsonArray("tensors")) {
            JsonObject t = e.getAsJsonObject();
            expected.add(t.get("name").getAsString() + " " + Arrays.toString(Fixtures.longs(t.getAsJsonArray("shape")))
                    + " " + t.get("dtype").getAsString());
            if (t.has("values")) {
                expectedBiases.add(t);
            }
        }
        assertThat(actual).isEqualTo(expected);
        List<BiasEntry> biases = model.allBiases();
        assertThat(biases).extracting(BiasEntry::name)
                .containsExactlyElementsOf(expectedBiases.stream().map(t -> t.get("name").getAsString()).toList());
        for (int i = 0; i < biases.size(); i++) {
            float[] want = Fixtures.floats(expectedBiases.get(i).getAsJsonArray("values"));
            float[] got = biases.get(i).load().values();
            assertThat(got).as(biases.get(i).name()).hasSameSizeAs(want);
            for (int j = 0; j < got.length; j++) {
                assertThat(Float.floatToRawIntBits(got[j])).isEqualTo(Float.floatToRawIntBits(want[j]));
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"whole_model.pth", "legacy_whole_model.pth"})
    void aWholePickledModelKeepsItsClassNames(String file) throws Exception {
        LoadedModel model = ModelOpener.open(path(file));

        List<String> actual = new ArrayList<>();
        model.root().walk(m -> actual.add(m.path() + ":" + m.className()));
        List<String> expected = new ArrayList<>();
        EXPECTED.getAsJsonObject(file).getAsJsonArray("modules").forEach(e -> expected.add(
                e.getAsJsonObject().get("path").getAsString() + ":" + e.getAsJsonObject().get("class").getAsString()));
        assertThat(actual).isEqualTo(expected);
    }

    @Test
    void aTrainingCheckpointShowsWhereTheModelIsAndItsNumbers() throws Exception {
        LoadedModel model = ModelOpener.open(path("training_checkpoint.pt"));

        assertThat(model.properties()).containsEntry("epoch", "7")
                .hasEntrySatisfying("contents", c -> assertThat(c).contains("model_state_dict"));
        assertThat(model.linearBiases()).extracting(BiasEntry::name).containsExactly("fc1.bias", "fc2.bias");
    }

    @Test
    void aStateDictGuessesLayerClassesFromShapes() throws Exception {
        LoadedModel model = ModelOpener.open(path("conv_bn_state_dict.pth"));

        assertThat(model.allBiases()).extracting(BiasEntry::type).containsExactly("Conv2d", "BatchNorm", "Linear");
    }

    @Test
    void aTruncatedCheckpointInTheFormatFromBeforePyTorch16SaysSo(@org.junit.jupiter.api.io.TempDir Path temp)
            throws Exception {
        byte[] whole = java.nio.file.Files.readAllBytes(path("legacy_format.pth"));
        Path cut = java.nio.file.Files.write(temp.resolve("cut.pth"), Arrays.copyOf(whole, whole.length - 10));

        assertThatThrownBy(() -> ModelOpener.open(cut)).isInstanceOf(ModelFormatException.class)
                .hasMessageMatching("the checkpoint is truncated: storage \\d+ declares \\d+ elements, more than the file holds");
    }

    @Test
    void theFormatFromBeforePyTorch16IsSaidInTheProperties() throws Exception {
        assertThat(ModelOpener.open(path("legacy_format.pth")).properties())
                .containsEntry("format", "torch.save before PyTorch 1.6 (no zip)");
    }
}
