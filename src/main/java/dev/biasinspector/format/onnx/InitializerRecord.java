package dev.biasinspector.format.onnx;

import java.util.List;
import java.util.Map;

/**
 * What opening learned about one initializer ({@code GraphProto.initializer}, a TensorProto)
 * without reading its values.
 *
 * @param name          the tensor's name in the graph
 * @param dims          the shape, outermost first
 * @param dataType      {@code TensorProto.DataType} number
 * @param messageOffset absolute file offset of the TensorProto's body (for typed fields, parsed when read)
 * @param messageLength length of that body
 * @param rawOffset     absolute file offset of {@code raw_data}, or -1 when there is none
 * @param rawLength     its length in bytes
 * @param typedData     whether a typed field ({@code float_data}, {@code int32_data}, ...) is present
 * @param external      {@code external_data} entries when {@code data_location} is EXTERNAL, else empty
 */
record InitializerRecord(String name, long[] dims, int dataType, long messageOffset, long messageLength,
                         long rawOffset, long rawLength, boolean typedData, Map<String, String> external) {

    InitializerRecord {
        dims = dims.clone();
        external = Map.copyOf(external);
    }

    @Override
    public long[] dims() {
        return dims.clone();
    }

    int rank() {
        return dims.length;
    }

    boolean isExternal() {
        return !external.isEmpty();
    }

    boolean hasRawData() {
        return rawOffset >= 0;
    }

    static List<String> knownExternalKeys() {
        return List.of("location", "offset", "length", "checksum");
    }
}
