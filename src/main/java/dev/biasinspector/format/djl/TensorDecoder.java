package dev.biasinspector.format.djl;

import dev.biasinspector.format.ElementDecoder;
import dev.biasinspector.format.ModelFormatException;
import dev.biasinspector.model.DType;

import java.nio.ByteBuffer;

/** Checked bulk conversion of tensor bytes to float, element by element through {@link ElementDecoder}. */
public final class TensorDecoder {

    private TensorDecoder() {
    }

    /**
     * Decodes {@code count} elements starting at the buffer's position; the buffer's byte order is
     * the order of the stored data.
     */
    public static float[] decode(ByteBuffer bytes, DType dtype, int count) throws ModelFormatException {
        if (!dtype.isFloating() && !isPlainInteger(dtype)) {
            throw new ModelFormatException("values of type " + dtype.pythonName() + " cannot be shown");
        }
        if ((long) count * dtype.itemSize() > bytes.remaining()) {
            throw new ModelFormatException(BinaryCursor.TRUNCATED);
        }
        float[] out = new float[count];
        int start = bytes.position();
        for (int i = 0; i < count; i++) {
            out[i] = ElementDecoder.decode(bytes, start + i * dtype.itemSize(), dtype);
        }
        return out;
    }

    private static boolean isPlainInteger(DType dtype) {
        return switch (dtype) {
            case INT8, UINT8, INT16, INT32, INT64, UINT16, UINT32, UINT64, BOOL -> true;
            default -> false;
        };
    }
}
