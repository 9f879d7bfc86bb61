package dev.biasinspector.format.onnx;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.biasinspector.format.ElementDecoder;
import dev.biasinspector.format.ModelFormatException;
import dev.biasinspector.format.onnx.proto.OnnxProto.TensorProto;
import dev.biasinspector.model.DType;
import dev.biasinspector.model.Parameter;
import dev.biasinspector.model.TensorData;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Turns an initializer into a {@link Parameter} whose values are read only when asked: from
 * {@code raw_data} in the model file, from an external data file, or by parsing the TensorProto's
 * typed fields ({@code float_data}, {@code int32_data}, ...) with the generated parser. Sizes are
 * checked against the shape when the model is opened, so a damaged tensor fails then.
 */
final class InitializerValues {

    /** Values decoded for one chart (the budget every reader shares); a larger tensor is listed but not read. */
    static final long MAX_VALUES = dev.biasinspector.format.ReadBudget.MAX_TENSOR_VALUES;

    private InitializerValues() {
    }

    static Parameter parameter(Path modelFile, InitializerRecord record, String name, String localName)
            throws IOException {
        long count = elementCount(record);
        OnnxDataType type = OnnxDataType.of(record.dataType());
        DType dtype = type == null ? DType.UNKNOWN : type.dtype();
        TensorData data;
        if (type == null || !type.decoded()) {
            String typeName = OnnxDataType.nameOf(record.dataType());
            data = () -> {
                throw new ModelFormatException("values of ONNX type " + typeName + " are not decoded");
            };
        } else if (record.isExternal()) {
            Path folder = modelFile.toAbsolutePath().getParent();
            ExternalDataLocation location = ExternalDataLocation.resolve(folder, record.name(), record.external());
            checkBytes(record, location.length(), count, type, "external data");
            data = () -> decode(readRegion(location.file(), location.offset(), location.length()), type, count);
        } else if (record.hasRawData()) {
            checkBytes(record, record.rawLength(), count, type, "raw_data");
            data = () -> decode(readRegion(modelFile, record.rawOffset(), record.rawLength()), type, count);
        } else if (record.typedData()) {
            data = () -> decodeTyped(record, readRegion(modelFile, record.messageOffset(), record.messageLength()), type, count);
        } else if (count == 0) {
            data = () -> new float[0];
        } else {
            data = () -> {
                throw new ModelFormatException("the tensor " + record.name() + " stores no values");
            };
        }
        String typeName = dtype == DType.UNKNOWN ? OnnxDataType.nameOf(record.dataType()).toLowerCase(java.util.Locale.ROOT) : null;
        return new Parameter(name, localName, record.dims(), dtype, data, typeName);
    }

    static long elementCount(InitializerRecord record) throws ModelFormatException {
        long count = 1;
        try {
            for (long d : record.dims()) {
                if (d < 0) {
                    throw new ArithmeticException("negative dimension");
                }
                count = Math.multiplyExact(count, d);
            }
        } catch (ArithmeticException e) {
            throw new ModelFormatException("the tensor " + record.name() + " declares an impossible shape");
        }
        return count;
    }

    private static void checkBytes(InitializerRecord record, long stored, long count, OnnxDataType type, String where)
            throws ModelFormatException {
        long needed;
        try {
            needed = Math.multiplyExact(count, type.itemSize());
        } catch (ArithmeticException e) {
            throw new ModelFormatException("the tensor " + record.name() + " declares an impossible shape");
        }
        if (stored != needed) {
            throw new ModelFormatException("the tensor " + record.name() + " has " + stored + " bytes of " + where
                    + ", but its shape needs " + needed);
        }
    }

    private static byte[] readRegion(Path file, long offset, long length) throws IOException {
        if (length > MAX_VALUES * 8 || length > Integer.MAX_VALUE - 8) {
            throw new ModelFormatException("the tensor is too large to show (" + length + " bytes)");
        }
        ByteBuffer buffer = ByteBuffer.allocate((int) length);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            if (channel.size() < offset + length) {
                throw new ModelFormatException("the file " + file.getFileName() + " changed since it was opened");
            }
            while (buffer.hasRemaining()) {
                if (channel.read(buffer, offset + buffer.position()) < 0) {
                    throw new ModelFormatException("the file " + file.getFileName() + " changed since it was opened");
                }
            }
        }
        return buffer.array();
    }

    private static float[] decode(byte[] bytes, OnnxDataType type, long count) throws ModelFormatException {
        checkCount(count);
        // raw_data is always little-endian, whatever machine wrote it
        return ElementDecoder.decodeAll(bytes, type.dtype(), ByteOrder.LITTLE_ENDIAN, (int) count);
    }

    private static float[] decodeTyped(InitializerRecord record, byte[] message, OnnxDataType type, long count)
            throws ModelFormatException {
        checkCount(count);
        TensorProto tensor;
        try {
            tensor = TensorProto.parseFrom(message);
        } catch (InvalidProtocolBufferException e) {
            throw new ModelFormatException("the tensor " + record.name() + " is damaged", e);
        }
        int n = (int) count;
        float[] values = new float[n];
        int stored = switch (type) {
            case FLOAT -> tensor.getFloatDataCount();
            case DOUBLE -> tensor.getDoubleDataCount();
            case INT64 -> tensor.getInt64DataCount();
            case UINT32, UINT64 -> tensor.getUint64DataCount();
            default -> tensor.getInt32DataCount();
        };
        if (stored != n) {
            throw new ModelFormatException("the tensor " + record.name() + " holds " + stored
                    + " values, but its shape needs " + n);
        }
        for (int i = 0; i < n; i++) {
            values[i] = switch (type) {
                case FLOAT -> tensor.getFloatData(i);
                case DOUBLE -> (float) tensor.getDoubleData(i);
                case INT64 -> (float) tensor.getInt64Data(i);
                case UINT32, UINT64 -> unsignedToFloat(tensor.getUint64Data(i));
                // int32_data holds FLOAT16 and BFLOAT16 as their 16 bits, the smaller integer types and BOOL as values
                case FLOAT16 -> ElementDecoder.halfToFloat((short) tensor.getInt32Data(i));
                case BFLOAT16 -> Float.intBitsToFloat((tensor.getInt32Data(i) & 0xFFFF) << 16);
                default -> (float) tensor.getInt32Data(i);
            };
        }
        return values;
    }

    private static float unsignedToFloat(long value) {
        return value >= 0 ? value : Float.parseFloat(Long.toUnsignedString(value));
    }

    private static void checkCount(long count) throws ModelFormatException {
        if (count > MAX_VALUES) {
            throw new ModelFormatException("the tensor has " + count + " values, too many to show");
        }
    }
}
