package dev.biasinspector.format.safetensors;

import dev.biasinspector.format.DottedNameTree;
import dev.biasinspector.format.ElementDecoder;
import dev.biasinspector.format.ModelFormatException;
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
 * Turns header entries into parameters whose values are read only when shown: one positional
 * read of the tensor's byte range (no mapping, no reading of anything else), so a model of any
 * size opens with its headers only.
 */
final class SafetensorsTensors {

    private SafetensorsTensors() {
    }

    static Parameter parameter(Path file, long fileSize, SafetensorsHeader header, SafetensorsHeader.TensorEntry entry) {
        SafetensorsDType type = entry.dtype();
        DType dtype = type.decodedAs;
        TensorData data = dtype == DType.UNKNOWN
                ? () -> {
                    throw new ModelFormatException("values of type " + entry.dtypeName() + " are not decoded");
                }
                : () -> read(file, fileSize, header.dataStart() + entry.begin(), entry.end() - entry.begin(),
                        entry, dtype);
        return new Parameter(entry.name(), DottedNameTree.localName(entry.name()), entry.shape(), dtype, data,
                type.shownName());
    }

    private static float[] read(Path file, long fileSize, long position, long length,
                                SafetensorsHeader.TensorEntry entry, DType dtype) throws IOException {
        long count = entry.elementCount();
        dev.biasinspector.format.ReadBudget.checkValues(entry.name(), count);
        if (count > Integer.MAX_VALUE - 8 || length > Integer.MAX_VALUE - 8) {
            throw new ModelFormatException("the tensor " + entry.name() + " is too large to show");
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            if (channel.size() != fileSize) {
                throw new ModelFormatException("the file changed since it was opened");
            }
            ByteBuffer bytes = SafetensorsHeader.readFully(channel, position, (int) length);
            return ElementDecoder.decodeAll(bytes.array(), dtype, ByteOrder.LITTLE_ENDIAN, (int) count);
        }
    }
}
