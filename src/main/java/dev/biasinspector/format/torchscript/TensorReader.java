package dev.biasinspector.format.torchscript;

import dev.biasinspector.format.ElementDecoder;
import dev.biasinspector.format.ModelFormatException;
import dev.biasinspector.format.ReadBudget;
import dev.biasinspector.model.DType;
import dev.biasinspector.model.Parameter;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Reads one tensor's values from its storage when asked. The file is opened for the read and closed
 * again, so an open model holds no file handle and no weights in memory.
 */
final class TensorReader {

    /** See {@link ReadBudget}; the span read for a strided view is bounded by the same budget in bytes. */
    private static final long MAX_ELEMENTS = ReadBudget.MAX_TENSOR_VALUES;

    private TensorReader() {
    }

    /**
     * The parameter for a tensor record, checked against its storage now and read only when asked.
     * Used by every reader of PyTorch's pickles (TorchScript archives and torch.save checkpoints).
     */
    static Parameter parameter(StorageSource storages, ByteOrder order, String name, String localName,
                               TensorRecord tensor) throws ModelFormatException {
        validate(tensor, storages.size(tensor.storage().key()), name);
        return new Parameter(name, localName, tensor.size(), tensor.storage().dtype(),
                () -> read(storages, tensor, order, name));
    }

    /** Checks a tensor record against its storage without reading any values. */
    static void validate(TensorRecord tensor, long storageBytes, String name) throws ModelFormatException {
        StorageRef storage = tensor.storage();
        if (storage.dtype() == DType.UNKNOWN) {
            throw new ModelFormatException("tensor " + name + " has an unsupported element type");
        }
        long expectedBytes;
        try {
            expectedBytes = Math.multiplyExact(storage.numel(), storage.dtype().itemSize());
        } catch (ArithmeticException e) {
            throw new ModelFormatException("tensor " + name + " declares an impossible size");
        }
        if (storageBytes != expectedBytes) {
            throw new ModelFormatException("tensor " + name + " does not match its stored data ("
                    + storageBytes + " bytes stored, " + expectedBytes + " declared)");
        }
        long[] size = tensor.size();
        long[] stride = tensor.stride();
        long last = tensor.storageOffset();
        long count = 1;
        try {
            for (int i = 0; i < size.length; i++) {
                count = Math.multiplyExact(count, size[i]);
                if (size[i] > 0) {
                    last = Math.addExact(last, Math.multiplyExact(size[i] - 1, stride[i]));
                }
            }
        } catch (ArithmeticException e) {
            throw new ModelFormatException("tensor " + name + " declares an impossible size");
        }
        if (count > 0 && last >= storage.numel()) {
            throw new ModelFormatException("tensor " + name + " reaches past its stored data");
        }
    }

    static float[] read(StorageSource storages, TensorRecord tensor, ByteOrder order, String name) throws IOException {
        long[] size = tensor.size();
        long[] stride = tensor.stride();
        long count = 1;
        long first = tensor.storageOffset();
        long last = first;
        for (int i = 0; i < size.length; i++) {
            count *= size[i];
            if (size[i] > 0) {
                last += (size[i] - 1) * stride[i];
            }
        }
        if (count == 0) {
            return new float[0];
        }
        ReadBudget.checkValues(name, count);
        DType dtype = tensor.storage().dtype();
        int itemSize = dtype.itemSize();
        long spanBytes = (last - first + 1) * itemSize;
        if (spanBytes > MAX_ELEMENTS * 8) {
            throw new ModelFormatException("tensor " + name + " spans " + spanBytes + " bytes of its storage, more than the "
                    + MAX_ELEMENTS * 8 + " this app reads for one tensor");
        }
        byte[] span = storages.read(tensor.storage().key(), first * itemSize, (int) spanBytes);
        ByteBuffer buffer = ByteBuffer.wrap(span).order(order);
        float[] values = new float[(int) count];
        int[] index = new int[size.length];
        for (int n = 0; n < values.length; n++) {
            long element = 0;
            for (int d = 0; d < size.length; d++) {
                element += index[d] * stride[d];
            }
            values[n] = ElementDecoder.decode(buffer, (int) (element * itemSize), dtype);
            // row-major increment of the multi-index
            for (int d = size.length - 1; d >= 0; d--) {
                if (++index[d] < size[d]) {
                    break;
                }
                index[d] = 0;
            }
        }
        return values;
    }
}
