package dev.biasinspector.format;

import dev.biasinspector.testing.DemoModels;
import dev.biasinspector.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** One look at a path gives its kind; unsupported files are named, non-files refused at once. */
class FormatDetectorTest {

    @TempDir
    Path temp;

    @Test
    void pytorchFilesByTheirZipDirectoryOrMagicNumber() throws Exception {
        assertThat(kind(Fixtures.path("simple_scripted.pt"))).isEqualTo(ModelKind.TORCHSCRIPT);
        assertThat(kind(Fixtures.path("weights.zip"))).isEqualTo(ModelKind.TORCHSCRIPT);
        assertThat(kind(resource("/torchsave/simple_state_dict.pth"))).isEqualTo(ModelKind.TORCH_SAVE_ZIP);
        assertThat(kind(resource("/torchsave/legacy_format.pth"))).isEqualTo(ModelKind.TORCH_SAVE_LEGACY);
    }

    @Test
    void theZipIsOpenedOnceAndHandedToTheReader() throws Exception {
        try (DetectedModel detected = FormatDetector.detect(Fixtures.path("simple_scripted.pt"))) {
            assertThat(detected.openedZip()).isPresent();
            assertThat(detected.entries()).anyMatch(n -> n.endsWith("/data.pkl"));

            assertThat(ModelOpener.read(detected).linearBiases()).hasSize(2);
            // the reader borrowed the zip: it is still open for the detection's owner
            assertThat(detected.zip().size()).isPositive();
        }
    }

    @Test
    void djlFilesFoldersAndArchives() throws Exception {
        assertThat(kind(DemoModels.path("mlp_demo-0003.params"))).isEqualTo(ModelKind.DJL_PARAMS);
        Path folder = Files.createDirectories(temp.resolve("simple"));
        Files.copy(Fixtures.path("simple_scripted.pt"), folder.resolve("simple.pt"));
        Files.writeString(folder.resolve("serving.properties"), "engine=PyTorch\n");
        assertThat(kind(folder)).isEqualTo(ModelKind.DJL_FOLDER);

        Path zip = zip(temp.resolve("simple.zip"), Map.of("simple/serving.properties", "engine=PyTorch\n".getBytes(),
                "simple/simple.pt", Files.readAllBytes(Fixtures.path("simple_scripted.pt"))));
        assertThat(kind(zip)).isEqualTo(ModelKind.DJL_ARCHIVE);
        Path tgz = temp.resolve("simple.tar.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(tgz))) {
            out.write(new byte[1024]);
        }
        assertThat(kind(tgz)).isEqualTo(ModelKind.DJL_ARCHIVE);
    }

    @Test
    void safetensorsGgufAndOnnxByTheirFirstBytes() throws Exception {
        byte[] json = "{\"__metadata__\":{}}".getBytes(StandardCharsets.UTF_8);
        ByteBuffer st = ByteBuffer.allocate(8 + json.length).order(ByteOrder.LITTLE_ENDIAN).putLong(json.length).put(json);
        assertThat(kind(Files.write(temp.resolve("weights.bin"), st.array()))).isEqualTo(ModelKind.SAFETENSORS);
        assertThat(kind(Files.write(temp.resolve("anything.safetensors"), "x".getBytes()))).isEqualTo(ModelKind.SAFETENSORS);

        assertThat(kind(Files.write(temp.resolve("m.gguf"), gguf(3)))).isEqualTo(ModelKind.GGUF);
        assertThat(kind(Files.write(temp.resolve("m2.gguf"), gguf(2)))).isEqualTo(ModelKind.GGUF);

        // ir_version 7, producer_name "pytorch", then a graph field longer than the head
        byte[] onnx = {0x08, 0x07, 0x12, 0x07, 'p', 'y', 't', 'o', 'r', 'c', 'h', 0x3A, 0x10, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16};
        assertThat(kind(Files.write(temp.resolve("model.onnx"), onnx))).isEqualTo(ModelKind.ONNX);
        assertThat(kind(Files.write(temp.resolve("model.bin"), onnx))).isEqualTo(ModelKind.ONNX);
        Path notOnnx = Files.writeString(temp.resolve("fake.onnx"), "hello, world");
        assertThatThrownBy(() -> FormatDetector.detect(notOnnx)).isInstanceOf(ModelFormatException.class)
                .hasMessage("not an ONNX model: the file does not start like one");
    }

    @Test
    void foldersOfHuggingFaceShardsAndOfCheckpoints() throws Exception {
        Path hf = Files.createDirectories(temp.resolve("hf"));
        Files.writeString(hf.resolve("model.safetensors.index.json"), "{}");
        assertThat(kind(hf)).isEqualTo(ModelKind.SAFETENSORS_FOLDER);
        Path single = Files.createDirectories(temp.resolve("single"));
        Files.writeString(single.resolve("model.safetensors"), "{}");
        assertThat(kind(single)).isEqualTo(ModelKind.SAFETENSORS_FOLDER);

        assertThat(kind(DemoModels.path("checkpoints"))).isEqualTo(ModelKind.CHECKPOINT_FOLDER);
    }

    @Test
    void recognisedButUnsupportedFilesSayWhatTheyAre() throws Exception {
        assertUnsupported(Files.write(temp.resolve("model.h5"), new byte[]{(byte) 0x89, 'H', 'D', 'F', '\r', '\n', 0x1A, '\n', 0}),
                "a Keras HDF5 file: not supported yet");
        assertUnsupported(Files.write(temp.resolve("old.gguf"), gguf(1)), "a GGUF version 1 file: not supported yet");
        assertUnsupported(Files.write(temp.resolve("m.tflite"), new byte[]{0x1C, 0, 0, 0, 'T', 'F', 'L', '3', 0, 0}),
                "a TensorFlow Lite file: not supported yet");
        assertUnsupported(Files.write(temp.resolve("a.npy"), new byte[]{(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0}),
                "a NumPy .npy array: not supported yet");
        assertUnsupported(zip(temp.resolve("a.npz"), Map.of("w.npy", new byte[]{1})), "a NumPy .npz archive: not supported yet");
        // protocol 2 pickle of {} : not torch.save's magic number
        assertUnsupported(Files.write(temp.resolve("dict.pkl"), new byte[]{(byte) 0x80, 2, '}', 'q', 0, '.'}),
                "a Python pickle that is not a PyTorch checkpoint: not supported yet");
        assertUnsupported(zip(temp.resolve("old.pt"), Map.of("old/model.json", "{}".getBytes(), "old/tensors/0", new byte[4])),
                "a TorchScript file from PyTorch before 1.3: not supported yet");
        assertUnsupported(zip(temp.resolve("m.keras"), Map.of("config.json", "{}".getBytes(), "model.weights.h5", new byte[4])),
                "a Keras 3 .keras file: not supported yet");
        Path savedModel = Files.createDirectories(temp.resolve("saved"));
        Files.write(savedModel.resolve("saved_model.pb"), new byte[]{8, 1});
        assertUnsupported(savedModel, "a TensorFlow SavedModel folder: not supported yet");
    }

    @Test
    void nonFilesAreRefusedBeforeAnythingIsOpened() throws Exception {
        assertThatThrownBy(() -> FormatDetector.detect(Path.of("/"))).isInstanceOf(ModelFormatException.class)
                .hasMessage("this is the root of the file system, not a model folder");
        assertThatThrownBy(() -> FormatDetector.detect(Path.of("/dev/null"))).isInstanceOf(ModelFormatException.class)
                .hasMessage("not a model file: it is a character device, not a regular file");
        Path fifo = temp.resolve("pipe.pt");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assertThat(mkfifo.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThatThrownBy(() -> FormatDetector.detect(fifo)).isInstanceOf(ModelFormatException.class)
                .hasMessage("not a model file: it is a named pipe (FIFO), not a regular file");
        assertThatThrownBy(() -> FormatDetector.detect(Files.createFile(temp.resolve("empty.pt"))))
                .isInstanceOf(ModelFormatException.class).hasMessage("the file is empty");
        Path text = Files.createDirectories(temp.resolve("text"));
        Files.writeString(text.resolve("a.txt"), "hello");
        assertThatThrownBy(() -> FormatDetector.detect(text)).isInstanceOf(ModelFormatException.class)
                .hasMessage("the folder holds no model file this app can read");
        assertThatThrownBy(() -> FormatDetector.detect(Files.writeString(temp.resolve("notes.txt"), "just some text here")))
                .isInstanceOf(ModelFormatException.class).hasMessage(FormatDetector.NOT_A_MODEL);
    }

    @Test
    void aTorchSaveCheckpointWithTheDjlEngineIsReadByTheArchiveReaderWhichSaysSo() throws Exception {
        var model = ModelOpener.open(resource("/torchsave/simple_state_dict.pth"), new dev.biasinspector.engine.DjlEngineReader());

        assertThat(model.source()).isEqualTo(ModelOpener.TORCH_SAVE_WITH_DJL);
        assertThat(model.linearBiases()).isNotEmpty();
    }

    private static byte[] gguf(int version) {
        return ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN).put("GGUF".getBytes(StandardCharsets.US_ASCII))
                .putInt(version).putLong(0).putLong(0).array();
    }

    private static void assertUnsupported(Path path, String sentence) throws IOException {
        try (DetectedModel detected = FormatDetector.detect(path)) {
            assertThat(detected.kind()).isEqualTo(ModelKind.UNSUPPORTED);
            assertThat(detected.unsupportedSentence()).isEqualTo(sentence);
        }
        assertThatThrownBy(() -> ModelOpener.open(path)).isInstanceOf(ModelFormatException.class).hasMessage(sentence);
    }

    private static ModelKind kind(Path path) throws IOException {
        try (DetectedModel detected = FormatDetector.detect(path)) {
            return detected.kind();
        }
    }

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(FormatDetectorTest.class.getResource(name).toURI());
    }

    private static Path zip(Path target, Map<String, byte[]> entries) throws IOException {
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(target))) {
            for (Map.Entry<String, byte[]> e : new java.util.TreeMap<>(entries).entrySet()) {
                out.putNextEntry(new ZipEntry(e.getKey()));
                out.write(e.getValue());
                out.closeEntry();
            }
        }
        return target;
    }
}
