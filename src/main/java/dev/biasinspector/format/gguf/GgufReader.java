package dev.biasinspector.format.gguf;

import dev.biasinspector.format.DottedNameTree;
import dev.biasinspector.format.ModelFormatException;
import dev.biasinspector.format.ModelReader;
import dev.biasinspector.model.DType;
import dev.biasinspector.model.LoadedModel;
import dev.biasinspector.model.ModelFormat;
import dev.biasinspector.model.Parameter;
import dev.biasinspector.model.TensorData;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a GGUF file (llama.cpp's format, versions 2 and 3): metadata as properties, tensor infos
 * as parameters with shapes in PyTorch's order (ggml's {@code ne} reversed), and a tree from
 * llama.cpp's dotted names ({@code blk.0.attn_q.bias} belongs to module {@code blk.0.attn_q}).
 * Values are read with one positional read when a tensor is shown.
 */
public final class GgufReader implements ModelReader {

    public static final String SOURCE = "GGUF reader (header only; values read when shown)";

    @Override
    public ModelFormat format() {
        return ModelFormat.GGUF;
    }

    @Override
    public LoadedModel read(Path file) throws IOException {
        GgufHeader header;
        long size;
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            size = channel.size();
            // mapped, not read: only the pages the header occupies are touched
            ByteBuffer start = channel.map(FileChannel.MapMode.READ_ONLY, 0, Math.min(size, Integer.MAX_VALUE))
                    .order(ByteOrder.LITTLE_ENDIAN);
            header = GgufHeader.read(new GgufCursor(start), size);
        }
        List<Parameter> parameters = new ArrayList<>();
        for (GgufHeader.TensorInfo tensor : header.tensors()) {
            parameters.add(parameter(file, size, header, tensor));
        }
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("GGUF version", String.valueOf(header.version()));
        properties.putAll(header.metadata());
        properties.put("tensors", String.valueOf(parameters.size()));
        return new LoadedModel(file, format(), SOURCE, DottedNameTree.build(parameters, GgufReader::moduleClass),
                properties);
    }

    /**
     * llama.cpp's module names say what a layer is: {@code attn_*} and {@code ffn_*} projections
     * are Linear, {@code *_norm} are norms, {@code output} is the Linear head; otherwise the shapes decide.
     */
    static String moduleClass(String path, List<Parameter> own) {
        String name = DottedNameTree.localName(path);
        if (name.endsWith("_norm") || name.endsWith("norm")) {
            return "Norm";
        }
        if (name.startsWith("attn_") || name.startsWith("ffn_") || name.equals("output")) {
            return DottedNameTree.LINEAR;
        }
        if (name.equals("token_embd")) {
            return "Embedding";
        }
        return DottedNameTree.guessClass(own);
    }

    private static Parameter parameter(Path file, long fileSize, GgufHeader header, GgufHeader.TensorInfo tensor) {
        GgmlType type = tensor.type();
        DType dtype = switch (type) {
            case F32 -> DType.FLOAT32;
            case F16 -> DType.FLOAT16;
            case BF16 -> DType.BFLOAT16;
            case F64 -> DType.FLOAT64;
            case I8 -> DType.INT8;
            case I16 -> DType.INT16;
            case I32 -> DType.INT32;
            case I64 -> DType.INT64;
            default -> DType.UNKNOWN;
        };
        TensorData data = type.decoded
                ? () -> read(file, fileSize, header.dataStart() + tensor.offset(), tensor)
                : () -> {
                    throw new ModelFormatException("values of type " + type.name() + " are not decoded");
                };
        return new Parameter(tensor.name(), DottedNameTree.localName(tensor.name()), tensor.shape(), dtype, data,
                type.shownName());
    }

    private static float[] read(Path file, long fileSize, long position, GgufHeader.TensorInfo tensor) throws IOException {
        long count = tensor.elementCount();
        dev.biasinspector.format.ReadBudget.checkValues(tensor.name(), count);
        if (count > Integer.MAX_VALUE - 8 || tensor.bytes() > Integer.MAX_VALUE - 8) {
            throw new ModelFormatException("the tensor " + tensor.name() + " is too large to show");
        }
        ByteBuffer bytes = ByteBuffer.allocate((int) tensor.bytes());
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            if (channel.size() != fileSize) {
                throw new ModelFormatException("the file changed since it was opened");
            }
            while (bytes.hasRemaining()) {
                if (channel.read(bytes, position + bytes.position()) < 0) {
                    throw new ModelFormatException(GgufCursor.TRUNCATED);
                }
            }
        }
        return GgufDequantizer.decode(bytes.array(), tensor.type(), (int) count);
    }
}
