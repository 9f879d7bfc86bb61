package dev.biasinspector.model;

/**
 * The file format a model was read from. {@link #id()} is the stable name printed as
 * {@code "format"} by {@code list --json} and shown in the status bar.
 */
public enum ModelFormat {
    TORCHSCRIPT("torchscript", "TorchScript"),
    TORCH_SAVE("pytorch", "torch.save checkpoint"),
    DJL("djl", "DJL parameters"),
    SAFETENSORS("safetensors", "safetensors"),
    GGUF("gguf", "GGUF"),
    ONNX("onnx", "ONNX");

    private final String id;
    private final String label;

    ModelFormat(String id, String label) {
        this.id = id;
        this.label = label;
    }

    /** The JSON name, e.g. {@code torchscript}, {@code pytorch}, {@code safetensors}. */
    public String id() {
        return id;
    }

    /** A name for people, e.g. "torch.save checkpoint". */
    public String label() {
        return label;
    }

    @Override
    public String toString() {
        return id;
    }
}
