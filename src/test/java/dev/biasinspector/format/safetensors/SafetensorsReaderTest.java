package dev.biasinspector.format.safetensors;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.biasinspector.format.ModelFormatException;
import dev.biasinspector.format.ModelOpener;
import dev.biasinspector.model.BiasEntry;
import dev.biasinspector.model.LoadedModel;
import dev.biasinspector.model.ModelFormat;
import dev.biasinspector.model.Parameter;
import dev.biasinspector.testing.SpecFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** safetensors files written from the specification, read back with the writer's names and bits. */
class SafetensorsReaderTest {

    @TempDir
    Path temp;

    @Test
    void simpleNetListsItsLinearBiasesWithTheWritersValuesAndMetadata() throws IOException {
        LoadedModel model = ModelOpener.open(SpecFixtures.path("safetensors/simple_net.safetensors"));

        assertThat(model.format()).isEqualTo(ModelFormat.SAFETENSORS);
        assertThat(model.properties()).containsEntry("format", "pt").containsEntry("source", "models/simple_net.pt");
        assertThat(model.linearBiases()).extracting(BiasEntry::name).containsExactly("fc1.bias", "fc2.bias");
        assertThat(model.module("fc1").orElseThrow().parameters()).extracting(Parameter::name)
                .containsExactly("fc1.bias", "fc1.weight");
        assertMatchesWriter(model, SpecFixtures.file("safetensors", "simple_net.safetensors"));
    }

    @Test
    void everyDecodedDtypeGivesTheWrittenBitsAndOthersSaySo() throws IOException {
        LoadedModel model = ModelOpener.open(SpecFixtures.path("safetensors/dtypes.safetensors"));
        JsonObject written = SpecFixtures.file("safetensors", "dtypes.safetensors");

        int compared = assertMatchesWriter(model, written);

        assertThat(compared).isEqualTo(15); // 6 float types, 8 integer types, bool
        BiasEntry c64 = model.allBiases().stream().filter(b -> b.name().equals("c64.bias")).findFirst().orElseThrow();
        assertThat(c64.parameter().dtypeName()).isEqualTo("c64");
        assertThatThrownBy(c64::load).isInstanceOf(ModelFormatException.class)
                .hasMessage("values of type C64 are not decoded");
        assertThat(model.allBiases().stream().filter(b -> b.name().equals("f8_e4m3.bias")).findFirst().orElseThrow()
                .parameter().dtypeName()).isEqualTo("float8_e4m3fn");
    }

    @Test
    void aHuggingFaceFolderOpensAsOneModelFromItsShards() throws IOException {
        Path folder = SpecFixtures.path("safetensors/hf_sharded");
        JsonObject written = SpecFixtures.file("safetensors", "hf_sharded");

        LoadedModel model = ModelOpener.open(folder);

        assertThat(model.file()).isEqualTo(folder);
        assertThat(model.properties()).containsEntry("model_type", "simple_net")
                .containsEntry("architectures", "SimpleNetForTests").containsEntry("shards", "2")
                .containsEntry("total_size", written.getAsJsonObject("metadata").get("total_size").getAsString());
        assertThat(model.linearBiases()).extracting(BiasEntry::name)
                .containsExactly("transformer.fc1.bias", "transformer.fc2.bias");
        assertMatchesWriter(model, written);
    }

    @Test
    void aFolderWithOneModelSafetensorsOpensWithoutAnIndex() throws IOException {
        Path folder = Files.createDirectories(temp.resolve("single"));
        Files.copy(SpecFixtures.path("safetensors/simple_net.safetensors"), folder.resolve("model.safetensors"));

        LoadedModel model = ModelOpener.open(folder);

        assertThat(model.linearBiases()).extracting(BiasEntry::name).containsExactly("fc1.bias", "fc2.bias");
        assertMatchesWriter(model, SpecFixtures.file("safetensors", "simple_net.safetensors"));
    }

    @Test
    void openingReadsTheHeaderOnlySoASparse8GiBFileOpensAtOnce() throws IOException {
        // one 2^31-element F32 weight (8 GiB, never written: the file is sparse) and a small bias
        long big = 1L << 31;
        String json = "{\"big.weight\":{\"dtype\":\"F32\",\"shape\":[" + big + "],\"data_offsets\":[0," + 4 * big + "]},"
                + "\"big.bias\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[" + 4 * big + "," + (4 * big + 8) + "]}}";
        Path file = temp.resolve("sparse.safetensors");
        byte[] header = json.getBytes(StandardCharsets.UTF_8);
        try (RandomAccessFile out = new RandomAccessFile(file.toFile(), "rw")) {
            out.write(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(header.length).array());
            out.write(header);
            out.seek(8 + header.length + 4 * big);
            out.write(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putFloat(1.5f).putFloat(-2f).array());
        }

        LoadedModel model = ModelOpener.open(file);

        assertThat(model.allBiases()).hasSize(1);
        assertThat(model.allBiases().get(0).load().values()).containsExactly(1.5f, -2f);
        assertThat(model.root().totalParameterCount()).isEqualTo(big + 2);
    }

    // --- damage: one sentence each -----------------------------------------------------------

    @Test
    void aTruncatedFileSaysSo() throws IOException {
        byte[] good = Files.readAllBytes(SpecFixtures.path("safetensors/simple_net.safetensors"));
        Path cut = Files.write(temp.resolve("cut.safetensors"), Arrays.copyOf(good, good.length - 10));

        assertThatThrownBy(() -> ModelOpener.open(cut)).isInstanceOf(ModelFormatException.class)
                .hasMessageStartingWith("the safetensors file is truncated: its tensors need ")
                .hasMessageEndingWith(" are there");
        Path tiny = Files.write(temp.resolve("tiny.safetensors"), new byte[]{1, 2, 3});
        assertThatThrownBy(() -> ModelOpener.open(tiny)).isInstanceOf(ModelFormatException.class)
                .hasMessage("the safetensors file is truncated (it is shorter than its 8-byte header length)");
    }

    @Test
    void aHeaderLengthBeyondTheFileOrTheLimitIsRefusedBeforeReading() throws IOException {
        byte[] good = Files.readAllBytes(SpecFixtures.path("safetensors/simple_net.safetensors"));
        byte[] beyond = good.clone();
        ByteBuffer.wrap(beyond).order(ByteOrder.LITTLE_ENDIAN).putLong(0, 5_000_000);
        Path file = Files.write(temp.resolve("beyond.safetensors"), beyond);
        assertThatThrownBy(() -> ModelOpener.open(file)).isInstanceOf(ModelFormatException.class)
                .hasMessage("the safetensors header length (5000000 bytes) reaches beyond the end of the file ("
                        + good.length + " bytes): the file is truncated or damaged");

        ByteBuffer.wrap(beyond).order(ByteOrder.LITTLE_ENDIAN).putLong(0, -1);
        Files.write(file, beyond);
        assertThatThrownBy(() -> ModelOpener.open(file)).isInstanceOf(ModelFormatException.class)
                .hasMessage("the safetensors header length (18446744073709551615 bytes) is larger than the 100,000,000 bytes allowed");
    }

    @Test
    void overlappingGappedOrMissizedTensorsAreNamed() throws IOException {
        assertDamage("{\"a.bias\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]},"
                + "\"b.bias\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[4,12]}}", 12,
                "tensors a.bias and b.bias overlap in the data buffer");
        assertDamage("{\"a.bias\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[4,12]}}", 12,
                "the data buffer has unused bytes before tensor a.bias");
        assertDamage("{\"a.bias\":{\"dtype\":\"F32\",\"shape\":[3],\"data_offsets\":[0,8]}}", 8,
                "tensor a.bias has 8 bytes of data, but its shape and dtype need 12");
        assertDamage("{\"a.bias\":{\"dtype\":\"F32\",\"shape\":[4611686018427387904,4],\"data_offsets\":[0,8]}}", 8,
                "tensor a.bias declares an impossibly large shape");
        assertDamage("{\"a.bias\":{\"dtype\":\"Q9\",\"shape\":[2],\"data_offsets\":[0,8]}}", 8,
                "tensor a.bias has the unknown dtype Q9");
        assertDamage("{\"a.bias\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]},"
                + "\"a.bias\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[8,16]}}", 16,
                "the safetensors header names a.bias twice");
        assertDamage("{\"a.bias\":{\"dtype\":\"F32\",\"shape\":[[[[2]]]],\"data_offsets\":[0,8]}}", 8, null);
        assertDamage("{\"a.bias\": nonsense", 8, null);
    }

    @Test
    void shardNamesLeavingTheFolderAndMissingShardsAreRefused() throws IOException {
        Path folder = Files.createDirectories(temp.resolve("hf"));
        Files.copy(SpecFixtures.path("safetensors/simple_net.safetensors"), temp.resolve("outside.safetensors"));
        for (String shard : List.of("../outside.safetensors", "/etc/passwd", "sub/../../outside.safetensors")) {
            Files.writeString(folder.resolve("model.safetensors.index.json"),
                    "{\"weight_map\":{\"fc1.bias\":\"" + shard + "\"}}");
            assertThatThrownBy(() -> ModelOpener.open(folder)).as(shard).isInstanceOf(ModelFormatException.class)
                    .hasMessage("the index names the shard '" + shard + "', which is outside the model folder");
        }
        Files.createSymbolicLink(folder.resolve("link.safetensors"), temp.resolve("outside.safetensors"));
        Files.writeString(folder.resolve("model.safetensors.index.json"), "{\"weight_map\":{\"fc1.bias\":\"link.safetensors\"}}");
        assertThatThrownBy(() -> ModelOpener.open(folder)).isInstanceOf(ModelFormatException.class)
                .hasMessage("the index names the shard 'link.safetensors', which is outside the model folder");

        Files.writeString(folder.resolve("model.safetensors.index.json"),
                "{\"weight_map\":{\"fc1.bias\":\"model-00001-of-00002.safetensors\"}}");
        assertThatThrownBy(() -> ModelOpener.open(folder)).isInstanceOf(ModelFormatException.class)
                .hasMessage("the shard model-00001-of-00002.safetensors named in model.safetensors.index.json is missing");
    }

    @Test
    void aShardThatLacksTheIndexedTensorOrIsDamagedIsNamed() throws IOException {
        Path folder = Files.createDirectories(temp.resolve("hf"));
        Files.copy(SpecFixtures.path("safetensors/simple_net.safetensors"), folder.resolve("a.safetensors"));
        Files.writeString(folder.resolve("model.safetensors.index.json"), "{\"weight_map\":{\"fc9.bias\":\"a.safetensors\"}}");
        assertThatThrownBy(() -> ModelOpener.open(folder)).isInstanceOf(ModelFormatException.class)
                .hasMessage("the index puts fc9.bias in a.safetensors, but that shard does not hold it");

        Files.write(folder.resolve("a.safetensors"), new byte[]{1, 2, 3});
        Files.writeString(folder.resolve("model.safetensors.index.json"), "{\"weight_map\":{\"fc1.bias\":\"a.safetensors\"}}");
        assertThatThrownBy(() -> ModelOpener.open(folder)).isInstanceOf(ModelFormatException.class)
                .hasMessage("the shard a.safetensors is damaged: the safetensors file is truncated (it is shorter than its 8-byte header length)");
    }

    private void assertDamage(String json, int dataBytes, String sentence) throws IOException {
        byte[] header = json.getBytes(StandardCharsets.UTF_8);
        ByteBuffer file = ByteBuffer.allocate(8 + header.length + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
        file.putLong(header.length).put(header);
        Path path = Files.write(temp.resolve("damaged.safetensors"), file.array());
        var thrown = assertThatThrownBy(() -> ModelOpener.open(path)).as(json).isInstanceOf(ModelFormatException.class);
        if (sentence != null) {
            thrown.hasMessage(sentence);
        } else {
            thrown.hasMessageStartingWith("the safetensors header is not valid JSON").hasMessageNotContaining("\n");
        }
    }

    /** Every tensor the generator recorded: shape and dtype; biases also bit for bit. Returns biases compared. */
    static int assertMatchesWriter(LoadedModel model, JsonObject written) throws IOException {
        int compared = 0;
        for (JsonElement element : written.getAsJsonArray("tensors")) {
            JsonObject t = element.getAsJsonObject();
            String name = t.get("name").getAsString();
            Parameter p = parameter(model, name);
            long[] shape = t.getAsJsonArray("shape").asList().stream().mapToLong(JsonElement::getAsLong).toArray();
            assertThat(p.shape()).as(name).containsExactly(shape);
            if (t.has("bits")) {
                float[] wanted = SpecFixtures.values(t);
                float[] got = p.data().read();
                assertThat(got).as(name).hasSize(wanted.length);
                for (int i = 0; i < got.length; i++) {
                    // NaN payloads differ between converters (numpy quiets signalling NaNs): NaN is NaN
                    if (!(Float.isNaN(got[i]) && Float.isNaN(wanted[i]))) {
                        assertThat(Float.floatToRawIntBits(got[i])).as(name + "[" + i + "]")
                                .isEqualTo(Float.floatToRawIntBits(wanted[i]));
                    }
                }
                compared++;
            }
        }
        return compared;
    }

    private static Parameter parameter(LoadedModel model, String name) {
        Parameter[] found = {null};
        model.root().walk(m -> m.parameters().stream().filter(p -> p.name().equals(name)).findFirst()
                .ifPresent(p -> found[0] = p));
        assertThat(found[0]).as(name).isNotNull();
        return found[0];
    }
}
