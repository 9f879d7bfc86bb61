package dev.biasinspector.format.djl;

import dev.biasinspector.format.ModelFormatException;
import dev.biasinspector.format.ReadBudget;
import dev.biasinspector.format.ModelReader;
import dev.biasinspector.model.DType;
import dev.biasinspector.model.LoadedModel;
import dev.biasinspector.model.ModelFormat;
import dev.biasinspector.model.TensorData;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Reads a DJL parameter file ({@code <name>-<epoch>.params}, written by {@code Model.save})
 * without the Java classes of its blocks and without starting any engine: the header exactly,
 * then the parameters found by {@link ParameterRecordScanner}, grouped into layers by
 * {@link LayerInference}. Tensor values are read from the file only when asked for.
 */
public final class DjlParamsReader implements ModelReader {

    public static final ModelFormat FORMAT = ModelFormat.DJL;
    static final String SOURCE = "DJL parameter reader (no code run; layers inferred from the file's layout)";

    @Override
    public ModelFormat format() {
        return FORMAT;
    }

    @Override
    public LoadedModel read(Path file) throws IOException {
        if (Files.isDirectory(file)) {
            throw new ModelFormatException("not a DJL parameter file (it is a folder)");
        }
        long size = Files.size(file);
        if (size > Integer.MAX_VALUE) {
            throw new ModelFormatException("DJL parameter files larger than 2 GiB are not supported");
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer bytes = channel.map(FileChannel.MapMode.READ_ONLY, 0, size);
            BinaryCursor in = new BinaryCursor(bytes, 0, size);
            DjlParamsHeader header = DjlParamsHeader.read(in);
            if (EmbeddedTorchScript.isAt(in, header.blockStart())) {
                return EmbeddedTorchScript.read(file, in, header);
            }
            List<ParameterRecord> records = ParameterRecordScanner.scan(in, header.blockStart());
            LayerInference.Result layers = LayerInference.infer(in, header.blockStart(), records,
                    record -> lazyValues(file, record));
            if (records.isEmpty() && !layers.headersUnderstood()) {
                // neither a parameter nor a block we know: most likely the file was cut inside the header area
                throw new ModelFormatException(BinaryCursor.TRUNCATED);
            }
            Map<String, String> properties = headerProperties(header);
            layers.notes().forEach(properties::putIfAbsent);
            return new LoadedModel(file, FORMAT, SOURCE, layers.root(), properties);
        }
    }

    static Map<String, String> headerProperties(DjlParamsHeader header) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("modelName", header.modelName());
        properties.put("dataType", header.dataType());
        properties.put("inputs", header.inputs().stream().map(Object::toString).collect(Collectors.joining(", ")));
        header.properties().forEach((key, value) ->
                properties.put(properties.containsKey(key) ? "property." + key : key, value));
        return properties;
    }

    /** Values are read again from the file on demand, so opening a large model costs no heap. */
    private static TensorData lazyValues(Path file, ParameterRecord record) {
        NdArrayHeader array = record.array();
        return () -> {
            if (array.dtype() == DType.UNKNOWN) {
                throw new ModelFormatException("values of DJL type " + array.djlType() + " cannot be shown");
            }
            long count = array.shape().elementCount();
            ReadBudget.checkValues(record.localName(), count);
            if (count > Integer.MAX_VALUE || array.dataLength() > Integer.MAX_VALUE) {
                throw new ModelFormatException("the tensor " + record.localName() + " is too large to show");
            }
            ByteBuffer data = ByteBuffer.allocate((int) array.dataLength()).order(array.order());
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
                if (channel.size() < array.dataOffset() + array.dataLength()) {
                    throw new ModelFormatException("the file changed since it was opened");
                }
                while (data.hasRemaining()) {
                    if (channel.read(data, array.dataOffset() + data.position()) < 0) {
                        throw new ModelFormatException("the file changed since it was opened");
                    }
                }
            }
            data.flip();
            return TensorDecoder.decode(data, array.dtype(), (int) count);
        };
    }
}
