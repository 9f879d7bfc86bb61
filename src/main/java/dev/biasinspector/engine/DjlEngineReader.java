package dev.biasinspector.engine;

import dev.biasinspector.format.djl.TensorDecoder;

import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.engine.EngineException;
import ai.djl.ndarray.NDArray;
import ai.djl.nn.ParameterList;
import ai.djl.util.Pair;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a TorchScript file through DJL's PyTorch engine, i.e. through libtorch itself
 * ({@code torch::jit::load}). Unlike the archive reader this runs code stored in the file
 * ({@code __setstate__} methods), so it is only used when the user picks {@code Engine.DJL}.
 *
 * <p>DJL exposes parameters (recursive {@code named_parameters()}), not buffers or module classes;
 * see {@link DottedNameTree} for how the tree and class names are rebuilt. Values are copied
 * out of libtorch before the model is closed.
 */
public final class DjlEngineReader implements ModelReader {

    public static final ModelFormat FORMAT = ModelFormat.TORCHSCRIPT;

    /**
     * Above this many elements in total, only bias values are copied out of libtorch; weights keep
     * their shapes but their values are not available (256 MB of floats is plenty for a viewer).
     */
    static final long MAX_COPIED_ELEMENTS = 64L * 1024 * 1024;

    @Override
    public ModelFormat format() {
        return FORMAT;
    }

    @Override
    public LoadedModel read(Path file) throws IOException {
        if (Files.isDirectory(file)) {
            throw new ModelFormatException("the DJL engine opens TorchScript files, not folders");
        }
        if (!Files.isRegularFile(file)) {
            throw new java.nio.file.NoSuchFileException(file.toString());
        }
        String libtorch = DjlEngineStartup.ensureStarted();
        Path absolute = file.toAbsolutePath();
        String fileName = absolute.getFileName().toString();
        try (Model model = Model.newInstance(baseName(fileName), DjlEngineStartup.ENGINE_NAME)) {
            // mapLocation: tensors saved on a GPU are loaded onto the CPU instead of failing.
            model.load(absolute.getParent(), fileName, Map.of("mapLocation", "true"));
            List<Parameter> parameters = copyParameters(model.getBlock().getParameters());
            Map<String, String> properties = new LinkedHashMap<>();
            properties.put("engine", "DJL " + Engine.getDjlVersion() + ", PyTorch engine, libtorch " + libtorch);
            return new LoadedModel(file, FORMAT, source(libtorch), DottedNameTree.build(parameters), properties);
        } catch (EngineException | MalformedModelException | IllegalArgumentException e) {
            throw new ModelFormatException("libtorch could not load this file as a TorchScript model ("
                    + DjlEngineStartup.reason(e) + ")", e);
        }
    }

    static String source(String libtorchVersion) {
        return "DJL PyTorch engine (libtorch " + libtorchVersion + "; ran code stored in the file)";
    }

    private static List<Parameter> copyParameters(ParameterList list) throws ModelFormatException {
        List<Parameter> parameters = new ArrayList<>();
        long copied = 0;
        for (Pair<String, ai.djl.nn.Parameter> pair : list) {
            String name = pair.getKey();
            NDArray array = pair.getValue().getArray();
            long[] shape = array.getShape().getShape();
            String localName = DottedNameTree.localName(name);
            if (array.size() > Integer.MAX_VALUE) {
                throw new ModelFormatException("the tensor " + name + " is too large to show");
            }
            DType dtype = DType.fromDjlName(array.getDataType().name());
            TensorData data;
            if (Parameter.isBiasName(localName) || copied + array.size() <= MAX_COPIED_ELEMENTS) {
                Copy copy = copy(array, dtype);
                dtype = copy.dtype();
                data = copy.values() == null ? unreadable(array) : TensorData.of(copy.values());
                copied += array.size();
            } else {
                data = () -> {
                    throw new ModelFormatException("weight values of models this large are not kept when read"
                            + " through DJL; open the file with the archive reader to see them");
                };
            }
            parameters.add(new Parameter(name, localName, shape, dtype, data));
        }
        return parameters;
    }

    private record Copy(DType dtype, float[] values) {
    }

    /** Raw bytes from libtorch, converted by the same decoder the file readers use. */
    private static Copy copy(NDArray array, DType dtype) throws ModelFormatException {
        int count = (int) array.size();
        ByteBuffer raw = array.toByteBuffer();
        if (dtype != DType.UNKNOWN) {
            return new Copy(dtype, TensorDecoder.decode(raw, dtype, count));
        }
        // DJL 0.36 reports libtorch's bfloat16 as UNKNOWN. Let libtorch convert to float32 and
        // check that the raw 2-byte elements are exactly the upper halves of those floats, which is
        // what bfloat16 is; anything else keeps the type "unknown".
        float[] converted;
        try {
            converted = array.toType(ai.djl.ndarray.types.DataType.FLOAT32, false).toFloatArray();
        } catch (RuntimeException e) {
            return new Copy(DType.UNKNOWN, null);
        }
        if (raw.remaining() == 2L * count && isBfloat16Of(raw, converted)) {
            return new Copy(DType.BFLOAT16, TensorDecoder.decode(raw, DType.BFLOAT16, count));
        }
        return new Copy(DType.UNKNOWN, converted);
    }

    private static boolean isBfloat16Of(ByteBuffer raw, float[] converted) {
        for (int i = 0; i < converted.length; i++) {
            int bits = Float.floatToRawIntBits(converted[i]);
            if ((bits & 0xFFFF) != 0 || (short) (bits >>> 16) != raw.getShort(raw.position() + 2 * i)) {
                return false;
            }
        }
        return true;
    }

    private static TensorData unreadable(NDArray array) {
        String type = array.getDataType().name();
        return () -> {
            throw new ModelFormatException("values of DJL type " + type + " cannot be shown");
        };
    }

    private static String baseName(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot > 0 ? fileName.substring(0, dot) : fileName;
    }
}
