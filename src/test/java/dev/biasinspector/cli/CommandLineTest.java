package dev.biasinspector.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.biasinspector.testing.DemoModels;
import dev.biasinspector.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CommandLineTest {

    private static final Path SIMPLE = Fixtures.path("simple_scripted.pt");

    @TempDir
    Path temp;

    @Test
    void listShowsTheLinearBiasesWithClassAndShape() {
        CliRun run = CliRun.of("list", SIMPLE);

        assertThat(run.exitCode()).isZero();
        assertThat(run.out().lines().toList()).containsExactly(
                "fc1.bias  Linear  [20]",
                "fc2.bias  Linear  [10]");
    }

    @Test
    void listWithoutAllLeavesOutNonLinearLayersAndAllAddsThem() {
        Path rnn = Fixtures.path("attention_scripted.pt");

        List<String> linear = CliRun.of("list", rnn).out().lines().map(l -> l.split("\\s+")[0]).toList();
        List<String> all = CliRun.of("list", "--all", rnn).out().lines().map(l -> l.split("\\s+")[0]).toList();

        assertThat(linear).containsExactly("attn.out_proj.bias");
        assertThat(all).containsExactly("attn.in_proj_bias", "attn.out_proj.bias", "norm.bias");
    }

    @Test
    void listJsonHasTheDocumentedShape() {
        CliRun run = CliRun.of("list", "--json", SIMPLE);

        JsonObject json = JsonParser.parseString(run.out()).getAsJsonObject();
        assertThat(json.get("file").getAsString()).isEqualTo(SIMPLE.toString());
        assertThat(json.get("format").getAsString()).isEqualTo("torchscript");
        JsonArray biases = json.getAsJsonArray("biases");
        assertThat(biases).hasSize(2);
        JsonObject fc1 = biases.get(0).getAsJsonObject();
        assertThat(fc1.keySet()).containsExactly("name", "module", "type", "shape", "dtype");
        assertThat(fc1.get("name").getAsString()).isEqualTo("fc1.bias");
        assertThat(fc1.get("module").getAsString()).isEqualTo("fc1");
        assertThat(fc1.get("type").getAsString()).isEqualTo("Linear");
        assertThat(fc1.getAsJsonArray("shape").get(0).getAsInt()).isEqualTo(20);
        assertThat(fc1.get("dtype").getAsString()).isEqualTo("float32");
    }

    @Test
    void dumpJsonGivesPyTorchsExactValues() {
        CliRun run = CliRun.of("dump", "--json", SIMPLE, "fc2.bias");

        JsonObject json = JsonParser.parseString(run.out()).getAsJsonObject();
        assertThat(json.keySet()).containsExactly("name", "module", "type", "values");
        assertThat(json.get("name").getAsString()).isEqualTo("fc2.bias");
        assertThat(json.get("module").getAsString()).isEqualTo("fc2");
        assertThat(json.get("type").getAsString()).isEqualTo("Linear");
        float[] printed = Fixtures.floats(json.getAsJsonArray("values"));
        assertThat(printed).containsExactly(Fixtures.biasValues("simple_scripted.pt", "fc2.bias"));
    }

    @Test
    void dumpAcceptsAModulePathHoldingOneBias() {
        CliRun byModule = CliRun.of("dump", SIMPLE, "fc1");
        CliRun byName = CliRun.of("dump", SIMPLE, "fc1.bias");

        assertThat(byModule.exitCode()).isZero();
        assertThat(byModule.out()).isEqualTo(byName.out());
    }

    @Test
    void dumpCsvHasAHeaderAndOneRowPerValue() {
        CliRun run = CliRun.of("dump", "--csv", SIMPLE, "fc1.bias");

        List<String> lines = run.out().lines().toList();
        float[] expected = Fixtures.biasValues("simple_scripted.pt", "fc1.bias");
        assertThat(lines).hasSize(expected.length + 1);
        assertThat(lines.get(0)).isEqualTo("index,value");
        for (int i = 0; i < expected.length; i++) {
            String[] cells = lines.get(i + 1).split(",");
            assertThat(Integer.parseInt(cells[0])).isEqualTo(i);
            assertThat(Float.parseFloat(cells[1])).isEqualTo(expected[i]);
        }
    }

    @Test
    void dumpOfAHalfPrecisionModelConvertsToFloat() {
        CliRun run = CliRun.of("dump", Fixtures.path("mlp_fp16.pt"), "layers.0.bias");

        assertThat(run.exitCode()).as(run.err()).isZero();
        float[] printed = Fixtures.floats(JsonParser.parseString(run.out()).getAsJsonObject().getAsJsonArray("values"));
        assertThat(printed).containsExactly(Fixtures.biasValues("mlp_fp16.pt", "layers.0.bias"));
    }

    @Test
    void anUnknownLayerExitsWithOneAndNamesTheClosestNames() {
        CliRun run = CliRun.of("dump", SIMPLE, "fc3.bias");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(run.errLines()).hasSize(1);
        assertThat(run.err()).startsWith("error: " + SIMPLE + ": no bias or module named 'fc3.bias'")
                .contains("fc1.bias", "fc2.bias");
    }

    @Test
    void aFileOfRandomBytesExitsWithOneClearLine() throws Exception {
        Path random = temp.resolve("random.pt");
        byte[] bytes = new byte[4096];
        new java.util.Random(42).nextBytes(bytes);
        Files.write(random, bytes);

        CliRun run = CliRun.of("list", random);

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.errLines()).containsExactly("error: " + random + ": not a supported model file"
                + " (expected a TorchScript archive, a torch.save checkpoint, a DJL model, safetensors, GGUF or ONNX)");
    }

    @Test
    void aTruncatedModelExitsWithOneClearLine() throws Exception {
        byte[] whole = Files.readAllBytes(SIMPLE);
        Path truncated = temp.resolve("truncated.pt");
        Files.write(truncated, Arrays.copyOf(whole, whole.length / 2));

        CliRun run = CliRun.of("list", truncated);

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.errLines()).hasSize(1);
        assertThat(run.err()).startsWith("error: " + truncated + ": the archive is damaged or truncated");
    }

    @Test
    void aMissingFileExitsWithOne() {
        CliRun run = CliRun.of("list", temp.resolve("nope.pt"));

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.errLines()).containsExactly("error: " + temp.resolve("nope.pt") + ": the file does not exist");
    }

    @Test
    void badUsageExitsWithTwoAndPrintsUsage() {
        CliRun missingName = CliRun.of("dump", SIMPLE);
        CliRun unknownOption = CliRun.of("list", "--bogus", SIMPLE);
        CliRun badEngine = CliRun.of("list", "--engine", "tensorflow", SIMPLE);

        assertThat(missingName.exitCode()).isEqualTo(2);
        assertThat(missingName.err()).contains("Usage:");
        assertThat(unknownOption.exitCode()).isEqualTo(2);
        assertThat(badEngine.exitCode()).isEqualTo(2);
    }

    /**
     * The commands are declared in code (see Binding): a picocli annotation added to one would
     * be silently ignored, and reading annotations is what made every start 65 ms longer.
     */
    @Test
    void noCommandUsesPicocliAnnotations() {
        for (Class<?> command : List.of(BiasInspectorCommand.class, ListCommand.class, DumpCommand.class,
                DumpCommand.OutputFormat.class, ExportCommand.class, DiffCommand.class, ModelOptions.class)) {
            List<java.lang.reflect.AnnotatedElement> elements = new java.util.ArrayList<>(List.of(command));
            elements.addAll(List.of(command.getDeclaredFields()));
            elements.addAll(List.of(command.getDeclaredMethods()));
            for (java.lang.reflect.AnnotatedElement element : elements) {
                assertThat(Arrays.stream(element.getAnnotations())
                        .map(a -> a.annotationType().getName()).filter(n -> n.startsWith("picocli.")))
                        .as(element.toString()).isEmpty();
            }
        }
    }

    /**
     * picocli registers no converter for java.time and java.sql types here (DeferredFactory): no
     * option or parameter may take one, and the types the commands do take keep theirs.
     */
    @Test
    void noOptionTakesATypeWhoseConverterIsLeftOut() {
        picocli.CommandLine all = BiasInspectorCommand.create(m -> { });
        List<String> excluded = List.of(DeferredFactory.UNUSED_CONVERTERS.split(","));
        assertThat(excluded).anyMatch("java.time.Duration"::matches).anyMatch("java.sql.Timestamp"::matches)
                .noneMatch("java.nio.file.Path"::matches);
        List<Class<?>> types = new java.util.ArrayList<>();
        for (picocli.CommandLine command : all.getSubcommands().values()) {
            for (picocli.CommandLine.Model.ArgSpec arg : command.getCommandSpec().args()) {
                types.add(arg.type());
                types.addAll(List.of(arg.auxiliaryTypes()));
            }
        }
        assertThat(types).contains(Path.class, int.class);
        for (Class<?> type : types) {
            assertThat(excluded).as(type.getName()).noneMatch(type.getName()::matches);
        }
    }

    @Test
    void aCommandBuiltAloneForItsArgumentsBehavesAsAmongAllCommands() {
        for (String command : List.of("list", "dump", "export", "diff")) {
            picocli.CommandLine onlyIt = BiasInspectorCommand.create(m -> { }, command, "--bogus");
            picocli.CommandLine all = BiasInspectorCommand.create(m -> { });
            java.io.StringWriter aloneErr = new java.io.StringWriter();
            onlyIt.setErr(new java.io.PrintWriter(aloneErr, true));
            java.io.StringWriter amongErr = new java.io.StringWriter();
            all.setErr(new java.io.PrintWriter(amongErr, true));

            assertThat(onlyIt.getSubcommands()).containsOnlyKeys(command);
            assertThat(onlyIt.getSubcommands().get(command).getUsageMessage())
                    .contains("Usage: bias-inspector " + command)
                    .isEqualTo(all.getSubcommands().get(command).getUsageMessage());
            assertThat(onlyIt.execute(command, "--bogus")).isEqualTo(2).isEqualTo(all.execute(command, "--bogus"));
            assertThat(aloneErr.toString()).contains("Usage: bias-inspector " + command).isEqualTo(amongErr.toString());
        }
        // Starting the app, or opening a file with it, builds no command and still opens the window.
        assertThat(BiasInspectorCommand.create(m -> { }, SIMPLE.toString()).getSubcommands()).isEmpty();
        assertThat(CliRun.of(SIMPLE).desktopLaunches()).containsExactly(java.util.Optional.of(SIMPLE));
        assertThat(CliRun.of().desktopLaunches()).containsExactly(java.util.Optional.empty());
        assertThat(BiasInspectorCommand.create(m -> { }, "-").getSubcommands()).hasSize(4);
        // Main's way: the same launches without the parser, and the parser for everything else.
        List<java.util.Optional<Path>> launches = new java.util.ArrayList<>();
        assertThat(BiasInspectorCommand.run(launches::add, SIMPLE.toString())).isZero();
        assertThat(BiasInspectorCommand.run(launches::add)).isZero();
        assertThat(launches).containsExactly(java.util.Optional.of(SIMPLE), java.util.Optional.empty());
        assertThat(BiasInspectorCommand.run(launches::add, temp.resolve("nope.pt").toString(), "--bogus")).isEqualTo(2);
        assertThat(launches).hasSize(2);
        CliRun help = CliRun.of("--help");
        assertThat(help.out()).contains("list", "dump", "export", "diff");
        // A mistyped command is taken as the window's file, so the model path after it is left over
        // (picocli's "did you mean" then compares that path with the command names: not asserted,
        // it depends on where the checkout lies).
        CliRun typo = CliRun.of("lst", SIMPLE);
        assertThat(typo.exitCode()).isEqualTo(2);
        assertThat(typo.err()).startsWith("Unmatched argument at index 1: '" + SIMPLE + "'");
        // --debug is the root's inherited option: a command built alone still takes it.
        CliRun debug = CliRun.of("list", "--debug", temp.resolve("nope.pt"));
        assertThat(debug.exitCode()).isEqualTo(1);
        assertThat(debug.errLines().get(0)).isEqualTo("error: " + temp.resolve("nope.pt") + ": the file does not exist");
    }

    @Test
    void exportWritesADecodablePngOfTheRequestedSize() throws Exception {
        Path png = temp.resolve("fc1.png");

        CliRun run = CliRun.of("export", SIMPLE, "fc1", "-o", png, "--width", 640, "--height", 400);

        assertThat(run.exitCode()).as(run.err()).isZero();
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(640);
        assertThat(image.getHeight()).isEqualTo(400);
    }

    @Test
    void exportOfSeveralLayersWritesOneChart() throws Exception {
        Path png = temp.resolve("both.png");

        Path onlyFc1 = temp.resolve("fc1.png");

        Path simpleNet = DemoModels.path("simple_net.pt");

        CliRun run = CliRun.of("export", simpleNet, "fc1", "fc2.bias", "-o", png);
        CliRun one = CliRun.of("export", simpleNet, "fc1", "-o", onlyFc1);

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(one.exitCode()).as(one.err()).isZero();
        // One chart of both layers as PyTorch stored them: the overlay drawn from the writer's values.
        java.util.List<dev.biasinspector.model.BiasVector> both = java.util.List.of(
                pytorchVector("fc1", DemoModels.values("simple_net.pt", "fc1.bias")),
                pytorchVector("fc2", DemoModels.values("simple_net.pt", "fc2.bias")));
        org.jfree.chart.JFreeChart chart = dev.biasinspector.chart.BiasChartFactory.create(both,
                dev.biasinspector.chart.ChartTheme.light());
        // the PNG names its file under the title
        dev.biasinspector.chart.BiasChartFactory.setSource(chart, "simple_net.pt", dev.biasinspector.chart.ChartTheme.light());
        BufferedImage expected = dev.biasinspector.export.ChartExporter.render(chart, 800, 500, 1.0);
        BufferedImage written = ImageIO.read(png.toFile());
        assertThat(differingPixels(written, expected)).isZero();
        assertThat(differingPixels(written, ImageIO.read(onlyFc1.toFile()))).isPositive();
    }

    private static dev.biasinspector.model.BiasVector pytorchVector(String module, float[] values) {
        return new dev.biasinspector.model.BiasVector(module + ".bias", module, "Linear", new long[] {values.length},
                dev.biasinspector.model.DType.FLOAT32, values);
    }

    private static int differingPixels(BufferedImage a, BufferedImage b) {
        assertThat(a.getWidth()).isEqualTo(b.getWidth());
        assertThat(a.getHeight()).isEqualTo(b.getHeight());
        int different = 0;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                if ((a.getRGB(x, y) & 0xFFFFFF) != (b.getRGB(x, y) & 0xFFFFFF)) {
                    different++;
                }
            }
        }
        return different;
    }

    @Test
    void exportOfAnUnknownLayerWritesNothing() {
        Path png = temp.resolve("none.png");

        CliRun run = CliRun.of("export", SIMPLE, "fc9", "-o", png);

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(png).doesNotExist();
    }

    @Test
    void noCommandStartsTheDesktopAppOnTheGivenModel() {
        CliRun run = CliRun.of(SIMPLE);

        assertThat(run.exitCode()).isZero();
        assertThat(run.desktopLaunches()).containsExactly(java.util.Optional.of(SIMPLE));
    }

    @Test
    void diffJsonMatchesPyTorchsChangesAndHasTheDocumentedShape() {
        CliRun run = CliRun.of("diff", "--json", dev.biasinspector.testing.DemoModels.path("simple_net.pt"),
                dev.biasinspector.testing.DemoModels.path("simple_net_trained.pt"));

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonObject json = JsonParser.parseString(run.out()).getAsJsonObject();
        assertThat(json.keySet()).contains("biases", "onlyInA", "onlyInB");
        JsonObject expected = dev.biasinspector.testing.DemoModels.expected().getAsJsonArray("diffs").get(0)
                .getAsJsonObject();
        assertThat(expected.get("b").getAsString()).isEqualTo("simple_net_trained.pt");
        for (int i = 0; i < 2; i++) {
            JsonObject got = json.getAsJsonArray("biases").get(i).getAsJsonObject();
            JsonObject want = expected.getAsJsonArray("biases").get(i).getAsJsonObject();
            assertThat(got.get("name").getAsString()).isEqualTo(want.get("name").getAsString());
            assertThat(got.get("n").getAsInt()).isEqualTo(want.get("n").getAsInt());
            assertThat(got.get("maxAbsChange").getAsDouble())
                    .isCloseTo(want.get("maxAbsChange").getAsDouble(), org.assertj.core.api.Assertions.withinPercentage(1e-4));
            assertThat(got.get("l2Change").getAsDouble())
                    .isCloseTo(want.get("l2Change").getAsDouble(), org.assertj.core.api.Assertions.withinPercentage(1e-4));
        }
        assertThat(json.getAsJsonArray("onlyInA")).isEmpty();
        assertThat(json.getAsJsonArray("onlyInB")).isEmpty();
    }

    @Test
    void diffOfAnUnreadableSecondFileNamesThatFile() throws Exception {
        Path junk = Files.writeString(temp.resolve("junk.pt"), "not a model");

        CliRun run = CliRun.of("diff", SIMPLE, junk);

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.errLines()).hasSize(1);
        assertThat(run.err()).startsWith("error: " + junk + ": ");
    }

    @Test
    void exportCompareWritesAPngAndNamesTheSecondFileWhenItLacksTheLayer() throws Exception {
        Path png = temp.resolve("compare.png");
        Path before = dev.biasinspector.testing.DemoModels.path("simple_net.pt");

        CliRun ok = CliRun.of("export", before, "fc2", "--compare",
                dev.biasinspector.testing.DemoModels.path("simple_net_trained.pt"), "-o", png);
        CliRun missing = CliRun.of("export", before, "fc2", "--compare", Fixtures.path("nested_scripted.pt"), "-o",
                temp.resolve("no.png"));

        assertThat(ok.exitCode()).as(ok.err()).isZero();
        assertThat(ImageIO.read(png.toFile()).getWidth()).isEqualTo(800);
        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.errLines()).containsExactly("error: " + Fixtures.path("nested_scripted.pt")
                + ": fc2.bias is only in simple_net.pt");
    }

    @Test
    void filesWithTheSameNameAreLabelledByPath() {
        assertThat(dev.biasinspector.model.FileLabels.distinct(Path.of("run1/model.pt"), Path.of("run2/model.pt")))
                .containsExactly("run1/model.pt", "run2/model.pt");
    }

    private static float[] pytorchValues(String file, String parameter) {
        for (com.google.gson.JsonElement e : dev.biasinspector.testing.DemoModels.expected().getAsJsonObject("files")
                .getAsJsonObject(file).getAsJsonArray("parameters")) {
            if (e.getAsJsonObject().get("name").getAsString().equals(parameter)) {
                return Fixtures.floats(e.getAsJsonObject().getAsJsonArray("values"));
            }
        }
        throw new IllegalArgumentException(parameter);
    }

    @Test
    void aTruncatedDjlParamsFileExitsWithOneClearLine() throws Exception {
        byte[] whole = Files.readAllBytes(dev.biasinspector.testing.DemoModels.path("mlp_demo-0003.params"));
        Path truncated = temp.resolve("mlp-0001.params");
        Files.write(truncated, Arrays.copyOf(whole, whole.length - 100));

        CliRun run = CliRun.of("list", "--all", truncated);

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.errLines()).containsExactly("error: " + truncated + ": truncated DJL parameter file");
    }

    @Test
    void aDjlParamsFileListsEveryBiasInFileOrderWithItsHeader() {
        CliRun run = CliRun.of("list", "--all", "--json", dev.biasinspector.testing.DemoModels.path("mlp_demo-0003.params"));

        JsonObject json = JsonParser.parseString(run.out()).getAsJsonObject();
        assertThat(json.get("format").getAsString()).isEqualTo("djl");
        assertThat(json.getAsJsonObject("properties").get("Epoch").getAsString()).isEqualTo("3");
        assertThat(json.getAsJsonArray("biases").asList()).extracting(b -> b.getAsJsonObject().get("name").getAsString())
                .containsExactly("01Linear.bias", "03Linear.bias", "05Linear.bias");
    }

    @Test
    void aDjlModelFolderListsItsTorchScriptBiasesAndServingProperties() throws Exception {
        Path folder = Files.createDirectories(temp.resolve("simple"));
        Files.copy(SIMPLE, folder.resolve("simple.pt"));
        Files.writeString(folder.resolve("serving.properties"), "engine=PyTorch\noption.modelName=simple\n");

        CliRun run = CliRun.of("list", "--json", folder);

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonObject json = JsonParser.parseString(run.out()).getAsJsonObject();
        assertThat(json.get("format").getAsString()).isEqualTo("torchscript");
        assertThat(json.getAsJsonObject("properties").get("modelFile").getAsString()).isEqualTo("simple.pt");
        assertThat(json.getAsJsonObject("properties").get("option.modelName").getAsString()).isEqualTo("simple");
        assertThat(json.getAsJsonArray("biases")).hasSize(2);
    }
}
