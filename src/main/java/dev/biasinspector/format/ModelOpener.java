package dev.biasinspector.format;

import dev.biasinspector.format.djl.DjlModelFolderReader;
import dev.biasinspector.format.djl.DjlParamsReader;
import dev.biasinspector.format.gguf.GgufReader;
import dev.biasinspector.format.onnx.OnnxReader;
import dev.biasinspector.format.safetensors.HuggingFaceFolderReader;
import dev.biasinspector.format.safetensors.SafetensorsReader;
import dev.biasinspector.format.torchscript.TorchSaveReader;
import dev.biasinspector.format.torchscript.TorchScriptArchiveReader;
import dev.biasinspector.model.LoadedModel;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipFile;

/**
 * Opens a model file or folder: {@link FormatDetector} says once what it is, and the reader is
 * picked from that kind and the engine the user chose. The zip the detector opened is handed to
 * the reader, so a file's directory is read once.
 *
 * <p>An engine that runs TorchScript (DJL's, in the {@code engine} package) is passed in as the
 * {@code torchScriptEngine} reader; null means the archive reader, which runs nothing. This
 * package only reads files.
 */
public final class ModelOpener {

    /** What a torch.save checkpoint opened with a TorchScript engine says about how it was read. */
    public static final String TORCH_SAVE_WITH_DJL = TorchSaveReader.SOURCE
            + "; DJL's engine loads TorchScript models only, so this torch.save checkpoint was read without it";

    private ModelOpener() {
    }

    /** Opens with the default readers, which run nothing stored in the file. */
    public static LoadedModel open(Path path) throws IOException {
        return open(path, null);
    }

    /**
     * Opens {@code path}. With a {@code torchScriptEngine}, TorchScript models, alone or in a DJL model folder,
     * are loaded by libtorch, which runs code stored in the file; every other kind is read by its
     * code-free reader with either engine (the model's source says so).
     */
    public static LoadedModel open(Path path, ModelReader torchScriptEngine) throws IOException {
        try (DetectedModel detected = FormatDetector.detect(path)) {
            return read(detected, torchScriptEngine);
        }
    }

    /** Reads what the detector found, with the reader for its kind and the engine. */
    public static LoadedModel read(DetectedModel detected) throws IOException {
        return read(detected, null);
    }

    /** Reads what the detector found; TorchScript through {@code torchScriptEngine} unless it is null. */
    public static LoadedModel read(DetectedModel detected, ModelReader torchScriptEngine) throws IOException {
        Path path = detected.path();
        return switch (detected.kind()) {
            case TORCHSCRIPT -> torchScriptEngine != null ? torchScriptEngine.read(path)
                    : new TorchScriptArchiveReader().read(path, zip(detected));
            case TORCH_SAVE_ZIP -> new TorchSaveReader().read(path, zip(detected),
                    torchScriptEngine != null ? TORCH_SAVE_WITH_DJL : TorchSaveReader.SOURCE);
            case TORCH_SAVE_LEGACY -> new TorchSaveReader().readLegacy(path);
            case DJL_PARAMS -> new DjlParamsReader().read(path);
            case DJL_FOLDER, DJL_ARCHIVE -> folderReader(torchScriptEngine).read(path, detected.zip());
            case SAFETENSORS -> new SafetensorsReader().read(path);
            case SAFETENSORS_FOLDER -> new HuggingFaceFolderReader().read(path);
            case GGUF -> new GgufReader().read(path);
            case ONNX -> new OnnxReader().read(path);
            case CHECKPOINT_FOLDER -> readCheckpointFolder(path, torchScriptEngine);
            case UNSUPPORTED -> throw new ModelFormatException(detected.unsupportedSentence());
        };
    }

    /** The DJL model folder reader, reading the folder's model file by its kind with {@code engine}. */
    public static DjlModelFolderReader folderReader(ModelReader torchScriptEngine) {
        return new DjlModelFolderReader((file, shownName) -> openModelFileInFolder(file, shownName, torchScriptEngine));
    }

    private static LoadedModel openModelFileInFolder(Path file, String shownName, ModelReader torchScriptEngine)
            throws IOException {
        DetectedModel detected;
        try {
            detected = FormatDetector.detect(file);
        } catch (ModelFormatException e) {
            throw new ModelFormatException("the model file " + shownName
                    + " is neither a TorchScript archive nor a DJL parameter file", e);
        }
        try (detected) {
            return switch (detected.kind()) {
                case DJL_FOLDER, DJL_ARCHIVE, SAFETENSORS_FOLDER, CHECKPOINT_FOLDER ->
                        throw new ModelFormatException("the model file " + shownName + " is a " + detected.what()
                                + " inside a model folder");
                default -> read(detected, torchScriptEngine);
            };
        }
    }

    /**
     * One model from a folder of several: a DJL folder's naming rules pick one when they can
     * (mlp-0003.params over mlp-0001.params); otherwise the sentence says to pick one, and the
     * desktop app opens the folder as a checkpoint series instead.
     */
    private static LoadedModel readCheckpointFolder(Path folder, ModelReader torchScriptEngine) throws IOException {
        if (!DjlModelFolderReader.modelFiles(folder).isEmpty()) {
            return folderReader(torchScriptEngine).read(folder);
        }
        List<String> names = CheckpointSeries.list(folder).stream().map(p -> p.getFileName().toString()).toList();
        List<String> shown = names.subList(0, Math.min(5, names.size()));
        throw new ModelFormatException("the folder holds " + names.size() + " checkpoints; open one of them: "
                + String.join(", ", shown) + (names.size() > shown.size() ? ", ..." : ""));
    }

    private static ZipFile zip(DetectedModel detected) throws ModelFormatException {
        return detected.openedZip().orElseThrow(() -> new ModelFormatException("the archive could not be opened"));
    }
}
