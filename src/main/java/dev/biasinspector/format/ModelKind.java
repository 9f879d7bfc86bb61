package dev.biasinspector.format;

/**
 * What a path holds, decided once by {@link FormatDetector} from its file type, first bytes, zip
 * directory or folder contents. {@link ModelOpener} picks the reader from the kind and the engine.
 */
public enum ModelKind {
    /** A {@code torch.jit.save} zip ({@code data.pkl} and {@code constants.pkl}). */
    TORCHSCRIPT("TorchScript archive"),
    /** A {@code torch.save} zip of PyTorch 1.6 or later ({@code data.pkl}, no {@code constants.pkl}). */
    TORCH_SAVE_ZIP("torch.save checkpoint"),
    /** {@code torch.save} before PyTorch 1.6: pickles, then raw storages, no zip. */
    TORCH_SAVE_LEGACY("torch.save checkpoint (before PyTorch 1.6)"),
    /** A DJL {@code .params} file ({@code DJL@}). */
    DJL_PARAMS("DJL parameter file"),
    /** A DJL model folder ({@code serving.properties} and/or a model file). */
    DJL_FOLDER("DJL model folder"),
    /** A DJL model folder packed as {@code .zip}, {@code .tar.gz} or {@code .tgz}. */
    DJL_ARCHIVE("DJL model archive"),
    /** One {@code .safetensors} file. */
    SAFETENSORS("safetensors file"),
    /** A Hugging Face folder: {@code model.safetensors.index.json} and shards, or one {@code model.safetensors}. */
    SAFETENSORS_FOLDER("Hugging Face safetensors folder"),
    /** A GGUF file, version 2 or 3. */
    GGUF("GGUF file"),
    /** An ONNX model ({@code .onnx} whose first bytes look like a protobuf ModelProto). */
    ONNX("ONNX model"),
    /** A folder of several model files, opened as a series of checkpoints. */
    CHECKPOINT_FOLDER("folder of checkpoints"),
    /** Something this app recognises but cannot read; {@link DetectedModel#what()} names it. */
    UNSUPPORTED("recognised but not supported");

    private final String description;

    ModelKind(String description) {
        this.description = description;
    }

    /** What the kind is, for people: "torch.save checkpoint". */
    public String description() {
        return description;
    }

    /** Whether a file of this kind can be read (every kind but {@link #UNSUPPORTED}). */
    public boolean isReadable() {
        return this != UNSUPPORTED;
    }
}
