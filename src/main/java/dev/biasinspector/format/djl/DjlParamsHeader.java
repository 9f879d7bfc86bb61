package dev.biasinspector.format.djl;

import dev.biasinspector.format.ModelFormatException;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The header {@code BaseModel.save} writes before the block tree: "DJL@", i32 version, UTF model
 * name, UTF data type, i32 n × (UTF input name, Shape), i32 m × (UTF key, UTF value).
 *
 * @param blockStart file offset of the root block's first byte
 */
record DjlParamsHeader(int version, String modelName, String dataType, List<Input> inputs,
                       Map<String, String> properties, long blockStart) {

    static final byte[] MAGIC = {'D', 'J', 'L', '@'};
    /** BaseModel.save writes 1; its loader rejects anything else. */
    static final int SUPPORTED_VERSION = 1;

    record Input(String name, DjlShape shape) {
        @Override
        public String toString() {
            return (name.isEmpty() ? "" : name + " ") + shape;
        }
    }

    DjlParamsHeader {
        inputs = List.copyOf(inputs);
        properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
    }

    static DjlParamsHeader read(BinaryCursor in) throws ModelFormatException {
        if (!in.lookingAt(MAGIC)) {
            throw new ModelFormatException("not a DJL parameter file (it does not start with DJL@)");
        }
        in.skip(MAGIC.length);
        int version = in.i32();
        if (version != SUPPORTED_VERSION) {
            throw new ModelFormatException("unsupported DJL parameter file version " + version);
        }
        String modelName = in.utf();
        String dataType = in.utf();
        int inputCount = in.i32();
        // every input takes at least 2 (name) + 8 (empty shape) bytes
        if (inputCount < 0 || 10L * inputCount > in.remaining()) {
            throw new ModelFormatException(BinaryCursor.TRUNCATED);
        }
        List<Input> inputs = new ArrayList<>();
        for (int i = 0; i < inputCount; i++) {
            inputs.add(new Input(in.utf(), DjlShape.read(in)));
        }
        int propertyCount = in.i32();
        if (propertyCount < 0 || 4L * propertyCount > in.remaining()) {
            throw new ModelFormatException(BinaryCursor.TRUNCATED);
        }
        Map<String, String> properties = new LinkedHashMap<>();
        for (int i = 0; i < propertyCount; i++) {
            properties.put(in.utf(), in.utf());
        }
        return new DjlParamsHeader(version, modelName, dataType, inputs, properties, in.position());
    }
}
