package dev.biasinspector.format.djl;

import dev.biasinspector.engine.DjlEngineReader;
import dev.biasinspector.format.DetectedModel;
import dev.biasinspector.format.FormatDetector;
import dev.biasinspector.format.ModelKind;
import dev.biasinspector.format.ModelOpener;
import dev.biasinspector.model.ModelFormat;
import dev.biasinspector.format.ModelFormatException;
import dev.biasinspector.model.BiasEntry;
import dev.biasinspector.model.LoadedModel;
import dev.biasinspector.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** DJL model folders and their zip / tar.gz packages (tar.gz as POSIX ustar). */
class DjlModelFolderReaderTest {

    private static final String SERVING = "engine=PyTorch\noption.modelName=simple\ntranslatorFactory=ai.djl.translate.NoopServingTranslatorFactory\n";

    @TempDir
    Path dir;

    private final DjlModelFolderReader reader = ModelOpener.folderReader(null);

    @Test
    void folderWithServingPropertiesReadsItsTorchScriptModel() throws IOException {
        Path folder = simpleFolder();

        assertThat(kindOf(folder)).isEqualTo(ModelKind.DJL_FOLDER);
        LoadedModel model = reader.read(folder);

        assertSimpleNet(model);
        assertThat(model.file()).isEqualTo(folder);
        assertThat(model.properties()).containsEntry("modelFile", "simple.pt").containsEntry("engine", "PyTorch")
                .containsEntry("option.modelName", "simple");
        assertThat(model.modelFileInFolder()).contains("simple.pt");
    }

    @Test
    void theDjlEngineCanReadTheFoldersModelToo() throws IOException {
        LoadedModel model = ModelOpener.folderReader(new DjlEngineReader()).read(simpleFolder());

        assertThat(model.source()).startsWith("DJL PyTorch engine");
        assertThat(model.allBiases()).extracting(BiasEntry::name).containsExactly("fc1.bias", "fc2.bias");
        assertBitIdentical(model);
    }

    @Test
    void aPackedOnnxModelKeepsItsExternalDataBesideIt() throws IOException {
        // torch.onnx.export + onnx.save_model(save_as_external_data=True): the weights live in a second file
        Path folder = Files.createDirectories(dir.resolve("linear_3d"));
        Files.copy(dev.biasinspector.format.onnx.OnnxFixtures.path("external/linear_3d_external.onnx"),
                folder.resolve("linear_3d_external.onnx"));
        Files.copy(dev.biasinspector.format.onnx.OnnxFixtures.path("external/linear_3d_external.onnx.data"),
                folder.resolve("linear_3d_external.onnx.data"));
        Files.writeString(folder.resolve("serving.properties"), "engine=OnnxRuntime\n");
        float[] wanted = dev.biasinspector.format.onnx.OnnxFixtures.values(
                dev.biasinspector.format.onnx.OnnxFixtures.bias("external/linear_3d_external.onnx", "proj.bias"));

        for (Path archive : List.of(zip(folder, dir.resolve("linear_3d.zip")),
                tarGz(folder, dir.resolve("linear_3d.tar.gz")))) {
            LoadedModel model = reader.read(archive);

            assertThat(model.properties()).as(archive.toString()).containsEntry("modelFile", "linear_3d_external.onnx");
            BiasEntry proj = model.allBiases().stream().filter(b -> b.name().equals("proj.bias")).findFirst().orElseThrow();
            assertThat(proj.load().values()).as(archive.toString()).containsExactly(wanted);
        }
    }

    @Test
    void anArchiveEntryThatClimbsOutOfTheFolderIsNotWrittenThere() throws IOException {
        Path zip = dir.resolve("slip.zip");
        String escapee = "slip-" + System.nanoTime() + ".txt";
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry("m/serving.properties"));
            out.write("engine=OnnxRuntime\n".getBytes(StandardCharsets.UTF_8));
            out.putNextEntry(new ZipEntry("m/model.onnx"));
            Files.copy(dev.biasinspector.format.onnx.OnnxFixtures.path("simple_net.onnx"), out);
            out.putNextEntry(new ZipEntry("m/../../../" + escapee));
            out.write("not yours".getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }

        LoadedModel model = reader.read(zip);

        assertThat(model.allBiases()).extracting(BiasEntry::name).containsExactly("fc1.bias", "fc2.bias");
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        try (Stream<Path> all = Files.walk(tmp, 4)) {
            assertThat(all.filter(p -> p.getFileName() != null && p.getFileName().toString().equals(escapee)))
                    .as("the climbing entry, anywhere under the temp folder").isEmpty();
        } catch (java.io.UncheckedIOException unreadable) {
            // another user's unreadable folder in /tmp: the folders we can read were checked up to it
        }
    }

    @Test
    void zipAndTarGzOfTheFolderReadTheSame() throws IOException {
        Path folder = simpleFolder();
        for (Path archive : List.of(zip(folder, dir.resolve("simple.zip")), tarGz(folder, dir.resolve("simple.tar.gz")))) {
            assertThat(kindOf(archive)).as(archive.toString()).isEqualTo(ModelKind.DJL_ARCHIVE);
            LoadedModel model = reader.read(archive);

            assertSimpleNet(model);
            assertThat(model.file()).isEqualTo(archive);
            assertThat(model.properties()).containsEntry("modelFile", "simple.pt").containsEntry("engine", "PyTorch");
        }
    }

    @Test
    void aTorchScriptArchiveNamedZipIsNotAModelFolder() throws IOException {
        assertThat(kindOf(Fixtures.path("weights.zip"))).isEqualTo(ModelKind.TORCHSCRIPT);
        assertThat(kindOf(Fixtures.path("simple_scripted.pt"))).isEqualTo(ModelKind.TORCHSCRIPT);
    }

    @Test
    void djlParameterFilesPickTheLatestEpochOfTheNamedModel() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("mlp"));
        byte[] demo = Files.readAllBytes(MakeDjlDemo.COMMITTED);
        Files.write(folder.resolve("mlp_demo-0001.params"), Arrays.copyOf(demo, 40));   // would fail if chosen
        Files.write(folder.resolve("mlp_demo-0003.params"), demo);
        Files.writeString(folder.resolve(DjlModelFolderReader.SERVING_PROPERTIES), "option.modelName=mlp_demo\n");

        LoadedModel model = reader.read(folder);

        assertThat(model.format()).isEqualTo(ModelFormat.DJL);
        assertThat(model.properties()).containsEntry("modelFile", "mlp_demo-0003.params").containsEntry("Epoch", "3");
        assertThat(model.linearBiases()).hasSize(3);
    }

    @Test
    void ambiguousAndEmptyFoldersSayWhatIsWrong() throws IOException {
        Path two = Files.createDirectories(dir.resolve("two"));
        Files.copy(Fixtures.path("simple_scripted.pt"), two.resolve("a.pt"));
        Files.copy(Fixtures.path("simple_traced.pt"), two.resolve("b.pt"));
        assertThatThrownBy(() -> reader.read(two)).isInstanceOf(ModelFormatException.class)
                .hasMessage("the model folder holds several model files; open one of them directly: a.pt, b.pt");

        Path none = Files.createDirectories(dir.resolve("none"));
        Files.writeString(none.resolve(DjlModelFolderReader.SERVING_PROPERTIES), SERVING);
        assertThatThrownBy(() -> reader.read(none)).isInstanceOf(ModelFormatException.class)
                .hasMessage("the model folder holds no model file (.pt, .pth, .torchscript, .params or .onnx)");

        Path notAModel = Files.createDirectories(dir.resolve("text"));
        Files.writeString(notAModel.resolve("notes.pt"), "hello");
        assertThatThrownBy(() -> reader.read(notAModel)).isInstanceOf(ModelFormatException.class)
                .hasMessage("the model file notes.pt is neither a TorchScript archive nor a DJL parameter file");
    }

    @Test
    void truncatedArchivesAreReportedAsDamaged() throws IOException {
        Path folder = simpleFolder();
        for (Path archive : List.of(zip(folder, dir.resolve("cut.zip")), tarGz(folder, dir.resolve("cut.tar.gz")))) {
            byte[] bytes = Files.readAllBytes(archive);
            Path cut = Files.write(archive, Arrays.copyOf(bytes, bytes.length / 2));
            assertThatThrownBy(() -> reader.read(cut)).as(cut.toString()).isInstanceOf(ModelFormatException.class)
                    .hasMessageStartingWith("the model archive is");
        }
    }

    private static ModelKind kindOf(Path path) throws IOException {
        try (DetectedModel detected = FormatDetector.detect(path)) {
            return detected.kind();
        }
    }

    private Path simpleFolder() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("simple"));
        if (!Files.exists(folder.resolve("simple.pt"))) {
            Files.copy(Fixtures.path("simple_scripted.pt"), folder.resolve("simple.pt"));
            Files.writeString(folder.resolve(DjlModelFolderReader.SERVING_PROPERTIES), SERVING);
            Files.writeString(folder.resolve("synset.txt"), "a\nb\n");
        }
        return folder;
    }

    private static void assertSimpleNet(LoadedModel model) throws IOException {
        assertThat(model.root().className()).isEqualTo("SimpleNet");
        assertThat(model.linearBiases()).extracting(BiasEntry::name).containsExactly("fc1.bias", "fc2.bias");
        assertBitIdentical(model);
    }

    private static void assertBitIdentical(LoadedModel model) throws IOException {
        for (BiasEntry bias : model.allBiases()) {
            float[] values = bias.load().values();
            float[] wanted = Fixtures.biasValues("simple_scripted.pt", bias.name());
            assertThat(values).hasSize(wanted.length);
            for (int i = 0; i < values.length; i++) {
                assertThat(Float.floatToRawIntBits(values[i])).isEqualTo(Float.floatToRawIntBits(wanted[i]));
            }
        }
    }

    /** Zips the folder with its name as the top-level directory, as DJL's model zoo archives do. */
    private static Path zip(Path folder, Path target) throws IOException {
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(target)); Stream<Path> files = Files.list(folder)) {
            for (Path file : files.sorted().toList()) {
                out.putNextEntry(new ZipEntry(folder.getFileName() + "/" + file.getFileName()));
                Files.copy(file, out);
                out.closeEntry();
            }
        }
        return target;
    }

    /** A POSIX ustar archive (entries named "./file", as GNU tar writes them), gzipped. */
    private static Path tarGz(Path folder, Path target) throws IOException {
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(target)); Stream<Path> files = Files.list(folder)) {
            for (Path f : files.sorted().toList()) {
                byte[] content = Files.readAllBytes(f);
                byte[] header = new byte[512];
                put(header, 0, "./" + f.getFileName());
                put(header, 100, "0000644");
                put(header, 108, "0000000");
                put(header, 116, "0000000");
                put(header, 124, String.format("%011o", content.length));
                put(header, 136, String.format("%011o", 0));
                Arrays.fill(header, 148, 156, (byte) ' ');
                header[156] = '0';
                put(header, 257, "ustar");
                put(header, 263, "00");
                int checksum = 0;
                for (byte b : header) {
                    checksum += b & 0xFF;
                }
                put(header, 148, String.format("%06o", checksum));
                header[154] = 0;
                out.write(header);
                out.write(content);
                out.write(new byte[(512 - content.length % 512) % 512]);
            }
            out.write(new byte[1024]);
        }
        return target;
    }

    private static void put(byte[] header, int offset, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(bytes, 0, header, offset, bytes.length);
    }
}
