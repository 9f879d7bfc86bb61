package dev.biasinspector.cli;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.biasinspector.format.onnx.OnnxFixtures;
import dev.biasinspector.testing.DemoModels;
import dev.biasinspector.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** list, dump, export and diff on ONNX files, against the writer's names and values. */
class OnnxCommandLineTest {

    private static final Path SIMPLE = OnnxFixtures.path("simple_net.onnx");

    @TempDir
    Path temp;

    @Test
    void listShowsTheGemmLayersAsLinear() {
        CliRun run = CliRun.of("list", SIMPLE);

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out().lines().toList()).containsExactly(
                "fc1.bias  Linear  [20]",
                "fc2.bias  Linear  [10]");
    }

    @Test
    void listAllJsonNamesFoldedConvolutionsAfterTheirModulesAndPrintsTheModelsFacts() {
        CliRun run = CliRun.of("list", "--all", "--json", OnnxFixtures.path("conv_bn.onnx"));

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonObject json = JsonParser.parseString(run.out()).getAsJsonObject();
        assertThat(json.get("format").getAsString()).isEqualTo("onnx");
        List<String> names = json.getAsJsonArray("biases").asList().stream()
                .map(b -> b.getAsJsonObject().get("name").getAsString()).toList();
        assertThat(names).containsExactlyInAnyOrderElementsOf(
                OnnxFixtures.biases("conv_bn.onnx").stream().map(b -> b.get("name").getAsString()).toList());
        assertThat(names).contains("layer1.0.conv1.bias");
        JsonObject properties = json.getAsJsonObject("properties");
        assertThat(properties.get("producer_name").getAsString()).isEqualTo("pytorch");
        assertThat(properties.get("opset").getAsString()).isEqualTo("ai.onnx 14");
    }

    @Test
    void dumpGivesTheWritersValuesForEveryTypeItDecodes() {
        for (JsonObject bias : OnnxFixtures.biases("helper_built.onnx")) {
            if (!bias.has("bits")) {
                continue;
            }
            String name = bias.get("name").getAsString();
            CliRun run = CliRun.of("dump", "--json", OnnxFixtures.path("helper_built.onnx"), name);
            assertThat(run.exitCode()).as(name + ": " + run.err()).isZero();
            // NaN and infinities print as Python's json reads them, so the lenient parser reads them back
            float[] printed = Fixtures.floats(JsonParser.parseString(run.out()).getAsJsonObject().getAsJsonArray("values"));
            assertThat(printed).as(name).containsExactly(OnnxFixtures.values(bias));
        }
    }

    @Test
    void dumpOfATypeThatIsNotDecodedSaysSoInOneLine() {
        Path file = OnnxFixtures.path("helper_built.onnx");
        CliRun run = CliRun.of("dump", file, "complex_typed.bias");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.errLines()).containsExactly("error: " + file + ": values of ONNX type COMPLEX64 are not decoded");
    }

    @Test
    void dumpReadsExternalDataBesideTheModel() {
        CliRun run = CliRun.of("dump", "--csv", OnnxFixtures.path("external/linear_3d_external.onnx"), "tied");

        assertThat(run.exitCode()).as(run.err()).isZero();
        float[] expected = OnnxFixtures.values(OnnxFixtures.bias("external/linear_3d_external.onnx", "tied.bias"));
        List<String> lines = run.out().lines().toList();
        assertThat(lines).hasSize(expected.length + 1);
        for (int i = 0; i < expected.length; i++) {
            assertThat(Float.parseFloat(lines.get(i + 1).split(",")[1])).isEqualTo(expected[i]);
        }
    }

    @Test
    void exportWritesAPngOfBothLayers() throws Exception {
        Path png = temp.resolve("onnx.png");

        CliRun run = CliRun.of("export", SIMPLE, "fc1", "fc2", "-o", png, "--width", 640, "--height", 400);

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(ImageIO.read(png.toFile()).getWidth()).isEqualTo(640);
    }

    @Test
    void theOnnxExportOfTheTutorialsModelHasTheSameBiasesAsTheTorchScriptFile() {
        CliRun run = CliRun.of("diff", "--json", DemoModels.path("simple_net.pt"), SIMPLE);

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonObject json = JsonParser.parseString(run.out()).getAsJsonObject();
        assertThat(json.getAsJsonArray("biases")).hasSize(2);
        for (JsonElement bias : json.getAsJsonArray("biases")) {
            assertThat(bias.getAsJsonObject().get("maxAbsChange").getAsDouble()).isZero();
        }
        assertThat(json.getAsJsonArray("onlyInA")).isEmpty();
        assertThat(json.getAsJsonArray("onlyInB")).isEmpty();
    }

    @Test
    void aTruncatedOnnxFileExitsWithOneClearLine() throws Exception {
        byte[] bytes = Files.readAllBytes(SIMPLE);
        Path cut = Files.write(temp.resolve("cut.onnx"), Arrays.copyOf(bytes, bytes.length / 2));

        CliRun run = CliRun.of("list", cut);

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.errLines()).hasSize(1);
        assertThat(run.errLines().get(0)).startsWith("error: " + cut + ": the ONNX file is truncated");
    }
}
