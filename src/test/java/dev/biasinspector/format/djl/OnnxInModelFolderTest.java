package dev.biasinspector.format.djl;

import dev.biasinspector.format.DetectedModel;
import dev.biasinspector.format.FormatDetector;
import dev.biasinspector.format.ModelKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A DJL model folder served by the OnnxRuntime engine: its .onnx is the model file, read as ONNX. */
class OnnxInModelFolderTest {

    @TempDir
    Path dir;

    @Test
    void theOnnxFileIsPickedAsDjlsOnnxRuntimeEnginePicksIt() throws Exception {
        assertThat(ModelFileChooser.choose(List.of("mlp.onnx", "synset.txt"),
                Map.of("engine", "OnnxRuntime", "option.modelName", "mlp"), "served")).isEqualTo("mlp.onnx");
        assertThat(ModelFileChooser.choose(List.of("model.onnx", "other.onnx"), Map.of("engine", "OnnxRuntime"), "served"))
                .isEqualTo("model.onnx");
    }

    @Test
    void theFolderIsADjlFolderAndItsModelFileIsDetectedAsOnnx() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("served"));
        Files.writeString(folder.resolve("serving.properties"), "engine=OnnxRuntime\noption.modelName=mlp\n");
        // ir_version 8, producer_name "onnx", then a graph field that runs past the head
        byte[] onnx = {0x08, 0x08, 0x12, 0x04, 'o', 'n', 'n', 'x', 0x3A, 0x02, 0x0A, 0x00};
        Files.write(folder.resolve("mlp.onnx"), onnx);

        try (DetectedModel detected = FormatDetector.detect(folder)) {
            assertThat(detected.kind()).isEqualTo(ModelKind.DJL_FOLDER);
        }
        assertThat(DjlModelFolderReader.modelFiles(folder)).containsExactly("mlp.onnx");
        try (DetectedModel inner = FormatDetector.detect(folder.resolve("mlp.onnx"))) {
            assertThat(inner.kind()).isEqualTo(ModelKind.ONNX);
        }
    }
}
