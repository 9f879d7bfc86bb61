package dev.biasinspector.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.biasinspector.testing.DemoModels;
import dev.biasinspector.testing.SpecFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;

/** list, dump, export and diff take safetensors files, Hugging Face folders and GGUF files. */
class NewFormatsCommandLineTest {

    private static final Path HF = SpecFixtures.path("safetensors/hf_sharded");
    private static final Path LLAMA = SpecFixtures.path("gguf/tiny_llama.gguf");

    @TempDir
    Path temp;

    @Test
    void listJsonOfAHuggingFaceFolderHasItsFormatPropertiesAndBiases() {
        CliRun run = CliRun.of("list", "--json", HF);

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonObject json = JsonParser.parseString(run.out()).getAsJsonObject();
        assertThat(json.get("format").getAsString()).isEqualTo("safetensors");
        assertThat(json.getAsJsonObject("properties").get("model_type").getAsString()).isEqualTo("simple_net");
        JsonArray biases = json.getAsJsonArray("biases");
        assertThat(biases).hasSize(2);
        assertThat(biases.get(0).getAsJsonObject().get("name").getAsString()).isEqualTo("transformer.fc1.bias");
        assertThat(biases.get(0).getAsJsonObject().get("type").getAsString()).isEqualTo("Linear");
    }

    @Test
    void dumpOfAGgufBiasGivesTheDequantizedValuesTheWriterRecorded() {
        CliRun run = CliRun.of("dump", "--json", LLAMA, "blk.0.ffn_down.bias");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonArray values = JsonParser.parseString(run.out()).getAsJsonObject().getAsJsonArray("values");
        float[] wanted = SpecFixtures.values(SpecFixtures.tensor(SpecFixtures.file("gguf", "tiny_llama.gguf"), "blk.0.ffn_down.bias"));
        assertThat(values).hasSize(wanted.length);
        for (int i = 0; i < wanted.length; i++) {
            assertThat(values.get(i).getAsFloat()).isEqualTo(wanted[i]);
        }
    }

    @Test
    void listShowsTheTypeOfEveryGgufBiasAndDumpOfAnUndecodedOneSaysWhy() {
        CliRun list = CliRun.of("list", "--all", "--json", LLAMA);
        JsonObject json = JsonParser.parseString(list.out()).getAsJsonObject();
        assertThat(json.get("format").getAsString()).isEqualTo("gguf");
        assertThat(json.getAsJsonObject("properties").get("tokenizer.ggml.tokens").getAsString()).isEqualTo("array of 100 strings");
        JsonObject gate = json.getAsJsonArray("biases").asList().stream().map(e -> e.getAsJsonObject())
                .filter(b -> b.get("name").getAsString().equals("blk.0.ffn_gate.bias")).findFirst().orElseThrow();
        assertThat(gate.get("dtype").getAsString()).isEqualTo("q4_k");

        CliRun dump = CliRun.of("dump", LLAMA, "blk.0.ffn_gate.bias");
        assertThat(dump.exitCode()).isEqualTo(1);
        assertThat(dump.errLines()).containsExactly("error: " + LLAMA + ": values of type Q4_K are not decoded");
    }

    @Test
    void exportOfASafetensorsBiasWritesAPng() throws Exception {
        Path png = temp.resolve("fc1.png");
        CliRun run = CliRun.of("export", SpecFixtures.path("safetensors/simple_net.safetensors"), "fc1", "-o", png);

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(javax.imageio.ImageIO.read(png.toFile())).isNotNull();
    }

    @Test
    void diffOfTorchScriptAgainstAHuggingFaceFolderDropsItsPrefixAndMatchesPyTorchsChanges() {
        CliRun run = CliRun.of("diff", "--json", DemoModels.path("simple_net.pt"), HF);

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonObject json = JsonParser.parseString(run.out()).getAsJsonObject();
        assertThat(json.getAsJsonObject("droppedPrefix").get("prefix").getAsString()).isEqualTo("transformer.");
        assertThat(json.getAsJsonObject("droppedPrefix").get("from").getAsString()).isEqualTo("B");
        assertThat(json.getAsJsonArray("onlyInA")).isEmpty();
        assertThat(json.getAsJsonArray("onlyInB")).isEmpty();
        JsonObject expected = DemoModels.expected().getAsJsonArray("diffs").get(0).getAsJsonObject();
        assertThat(expected.get("b").getAsString()).isEqualTo("simple_net_trained.pt");
        for (int i = 0; i < 2; i++) {
            JsonObject got = json.getAsJsonArray("biases").get(i).getAsJsonObject();
            JsonObject want = expected.getAsJsonArray("biases").get(i).getAsJsonObject();
            assertThat(got.get("name").getAsString()).isEqualTo(want.get("name").getAsString());
            assertThat(got.get("maxAbsChange").getAsDouble()).isCloseTo(want.get("maxAbsChange").getAsDouble(), withinPercentage(1e-4));
            assertThat(got.get("l2Change").getAsDouble()).isCloseTo(want.get("l2Change").getAsDouble(), withinPercentage(1e-4));
        }

        CliRun text = CliRun.of("diff", DemoModels.path("simple_net.pt"), HF);
        assertThat(text.out().lines().findFirst()).contains("(names paired after dropping the prefix transformer. from B)");
    }

    @Test
    void diffOfTheSameModelInSafetensorsAndGgufPairsEveryBiasWithNoChange() {
        CliRun run = CliRun.of("diff", "--json", SpecFixtures.path("safetensors/simple_net.safetensors"),
                SpecFixtures.path("gguf/simple_net_v2.gguf"));

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonObject json = JsonParser.parseString(run.out()).getAsJsonObject();
        assertThat(json.has("droppedPrefix")).isFalse();
        assertThat(json.getAsJsonArray("biases")).hasSize(2);
        json.getAsJsonArray("biases").forEach(b -> assertThat(b.getAsJsonObject().get("maxAbsChange").getAsDouble()).isZero());
    }

    @Test
    void aDamagedShardGivesOneLine() throws Exception {
        Path folder = Files.createDirectories(temp.resolve("hf"));
        Files.writeString(folder.resolve("model.safetensors.index.json"), "{\"weight_map\":{\"fc1.bias\":\"../x.safetensors\"}}");

        CliRun run = CliRun.of("list", folder);

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.errLines()).containsExactly("error: " + folder
                + ": the index names the shard '../x.safetensors', which is outside the model folder");
    }
}
