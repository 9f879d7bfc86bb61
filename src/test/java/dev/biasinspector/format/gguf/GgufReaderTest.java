package dev.biasinspector.format.gguf;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.biasinspector.format.ModelFormatException;
import dev.biasinspector.format.ModelOpener;
import dev.biasinspector.model.BiasEntry;
import dev.biasinspector.model.LoadedModel;
import dev.biasinspector.model.ModelFormat;
import dev.biasinspector.model.ModuleNode;
import dev.biasinspector.model.Parameter;
import dev.biasinspector.testing.SpecFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** GGUF files written from ggml's specification; values compared with what the generator wrote. */
class GgufReaderTest {

    @TempDir
    Path temp;

    @Test
    void aLlamaLikeModelHasLlamaCppsTreeAndTheWritersValues() throws IOException {
        LoadedModel model = ModelOpener.open(SpecFixtures.path("gguf/tiny_llama.gguf"));
        JsonObject written = SpecFixtures.file("gguf", "tiny_llama.gguf");

        assertThat(model.format()).isEqualTo(ModelFormat.GGUF);
        assertThat(model.linearBiases()).extracting(BiasEntry::name).containsExactly(
                "blk.0.attn_q.bias", "blk.0.attn_k.bias", "blk.0.attn_v.bias", "blk.0.attn_output.bias",
                "blk.0.ffn_up.bias", "blk.0.ffn_down.bias", "blk.0.ffn_gate.bias");
        ModuleNode block = model.module("blk.0").orElseThrow();
        assertThat(block.children()).extracting(ModuleNode::name)
                .startsWith("attn_norm", "attn_q", "attn_k", "attn_v", "attn_output", "ffn_norm", "ffn_up");
        assertThat(model.module("blk.0.attn_norm").orElseThrow().className()).isEqualTo("Norm");
        assertThat(model.module("blk.0.attn_q").orElseThrow().className()).isEqualTo("Linear");
        assertThat(model.module("token_embd").orElseThrow().className()).isEqualTo("Embedding");
        int compared = assertMatchesWriter(model, written);
        assertThat(compared).isEqualTo(6); // F32, F16, BF16, Q8_0, Q4_0, Q4_1
    }

    @Test
    void metadataBecomesPropertiesAndLongArraysAreShownByTheirSize() throws IOException {
        LoadedModel model = ModelOpener.open(SpecFixtures.path("gguf/tiny_llama.gguf"));
        JsonObject written = SpecFixtures.file("gguf", "tiny_llama.gguf");

        for (Map.Entry<String, JsonElement> e : written.getAsJsonObject("metadata").entrySet()) {
            assertThat(model.properties()).containsEntry(e.getKey(), e.getValue().getAsString());
        }
        assertThat(model.properties()).containsEntry("GGUF version", "3").containsEntry("tensors", "18");
    }

    @Test
    void typesThatAreNotDecodedAreListedWithTheirName() throws IOException {
        LoadedModel model = ModelOpener.open(SpecFixtures.path("gguf/tiny_llama.gguf"));
        BiasEntry gate = model.allBiases().stream().filter(b -> b.name().equals("blk.0.ffn_gate.bias")).findFirst().orElseThrow();

        assertThat(gate.parameter().dtypeName()).isEqualTo("q4_k");
        assertThat(gate.parameter().shape()).containsExactly(256);
        assertThatThrownBy(gate::load).isInstanceOf(ModelFormatException.class)
                .hasMessage("values of type Q4_K are not decoded");
    }

    @Test
    void version2WithTheDefaultAlignmentReadsSimpleNetsRealTensors() throws IOException {
        LoadedModel model = ModelOpener.open(SpecFixtures.path("gguf/simple_net_v2.gguf"));

        assertThat(model.properties()).containsEntry("GGUF version", "2").containsEntry("general.name", "SimpleNet");
        assertThat(model.linearBiases()).extracting(BiasEntry::name).containsExactly("fc1.bias", "fc2.bias");
        assertThat(model.module("fc1").orElseThrow().parameters()).extracting(Parameter::name)
                .containsExactly("fc1.weight", "fc1.bias");
        assertThat(assertMatchesWriter(model, SpecFixtures.file("gguf", "simple_net_v2.gguf"))).isEqualTo(2);
    }

    // --- damage ---------------------------------------------------------------------------------

    @Test
    void aTruncatedFileSaysSo() throws IOException {
        byte[] good = Files.readAllBytes(SpecFixtures.path("gguf/tiny_llama.gguf"));
        for (int length : new int[]{12, 100, 2000, good.length - 40}) {
            Path cut = Files.write(temp.resolve("cut.gguf"), Arrays.copyOf(good, length));
            assertThatThrownBy(() -> ModelOpener.open(cut)).as("cut at " + length).isInstanceOf(ModelFormatException.class)
                    .hasMessageStartingWith("the GGUF file is truncated");
        }
    }

    @Test
    void countsAndLengthsBeyondTheFileAreRefusedBeforeAllocating() throws IOException {
        assertDamage(concat(header(3, Long.MAX_VALUE, 0), new byte[100]), "the GGUF file is truncated or damaged:"
                + " it declares 9223372036854775807 tensors, more than its remaining 100 bytes can hold");
        assertDamage(concat(header(3, 0, 1L << 40), new byte[100]), "the GGUF file is truncated or damaged:"
                + " it declares 1099511627776 metadata entries, more than its remaining 100 bytes can hold");
        assertDamage(concat(header(3, 0, 1), string("k"), u32(9), u32(8), u64(1L << 50)),
                "the GGUF file is truncated or damaged: a metadata array declares 1125899906842624 elements, more than the file holds");
        assertDamage(concat(header(3, 0, 1), u64(1L << 40), new byte[8]), "the GGUF file is truncated");
        assertDamage(concat(header(3, 0, 1), u64(-5), new byte[8]), "the GGUF file declares an impossible length of a metadata key");
        assertDamage(concat(header(3, 1, 0), string("a.bias"), u32(5), u64(1), u64(1), u64(1), u64(1), u64(1)),
                "tensor a.bias has 5 dimensions; GGUF allows at most 4");
        assertDamage(concat(header(3, 1, 0), string("a.bias"), u32(1), u64(4), u32(77), u64(0)),
                "tensor a.bias has the unknown ggml type 77");
        assertDamage(concat(header(3, 1, 0), string("a.bias"), u32(1), u64(30), u32(8), u64(0)),
                "tensor a.bias has rows of 30 elements, not a whole number of Q8_0 blocks of 32");
    }

    @Test
    void tensorsOverlappingOrPastTheEndOrMisalignedAreNamed() throws IOException {
        byte[] infos = concat(header(3, 2, 0),
                string("a.bias"), u32(1), u64(16), u32(0), u64(0),
                string("b.bias"), u32(1), u64(16), u32(0), u64(32));
        assertDamage(withData(infos, 128), "tensors a.bias and b.bias overlap in the GGUF file");
        byte[] beyond = concat(header(3, 1, 0), string("a.bias"), u32(1), u64(16), u32(0), u64(0));
        assertDamage(withData(beyond, 32), "the GGUF file is truncated: tensor a.bias reaches beyond its end");
        byte[] misaligned = concat(header(3, 1, 0), string("a.bias"), u32(1), u64(4), u32(0), u64(8));
        assertDamage(withData(misaligned, 64), "tensor a.bias is not aligned to 32 bytes");
    }

    @Test
    void version1IsRecognisedButNotSupported() throws IOException {
        Path v1 = Files.write(temp.resolve("old.gguf"), header(1, 0, 0));
        assertThatThrownBy(() -> ModelOpener.open(v1)).isInstanceOf(ModelFormatException.class)
                .hasMessage("a GGUF version 1 file: not supported yet");
    }

    private void assertDamage(byte[] bytes, String sentence) throws IOException {
        Path file = Files.write(temp.resolve("damaged.gguf"), bytes);
        assertThatThrownBy(() -> ModelOpener.open(file)).isInstanceOf(ModelFormatException.class).hasMessage(sentence);
    }

    /** Header plus zero padding to the default alignment plus {@code dataBytes} of data. */
    private static byte[] withData(byte[] header, int dataBytes) {
        int start = (header.length + 31) / 32 * 32;
        return Arrays.copyOf(header, start + dataBytes);
    }

    private static byte[] header(int version, long tensors, long kvs) {
        return concat("GGUF".getBytes(StandardCharsets.US_ASCII), u32(version), u64(tensors), u64(kvs));
    }

    private static byte[] string(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        return concat(u64(b.length), b);
    }

    private static byte[] u32(long v) {
        return ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt((int) v).array();
    }

    private static byte[] u64(long v) {
        return ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(v).array();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    /** Every recorded tensor's shape; biases with values bit for bit. Returns the biases compared. */
    static int assertMatchesWriter(LoadedModel model, JsonObject written) throws IOException {
        int compared = 0;
        for (JsonElement element : written.getAsJsonArray("tensors")) {
            JsonObject t = element.getAsJsonObject();
            String name = t.get("name").getAsString();
            Parameter[] found = {null};
            model.root().walk(m -> m.parameters().stream().filter(p -> p.name().equals(name)).findFirst()
                    .ifPresent(p -> found[0] = p));
            assertThat(found[0]).as(name).isNotNull();
            long[] shape = t.getAsJsonArray("shape").asList().stream().mapToLong(JsonElement::getAsLong).toArray();
            assertThat(found[0].shape()).as(name).containsExactly(shape);
            if (t.has("bits")) {
                float[] wanted = SpecFixtures.values(t);
                float[] got = found[0].data().read();
                assertThat(got).as(name).hasSize(wanted.length);
                for (int i = 0; i < got.length; i++) {
                    assertThat(Float.floatToRawIntBits(got[i])).as(name + "[" + i + "]")
                            .isEqualTo(Float.floatToRawIntBits(wanted[i]));
                }
                compared++;
            }
        }
        return compared;
    }
}
