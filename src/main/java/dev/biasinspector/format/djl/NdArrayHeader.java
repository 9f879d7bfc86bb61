package dev.biasinspector.format.djl;

import dev.biasinspector.format.ModelFormatException;
import dev.biasinspector.model.DType;

import java.nio.ByteOrder;

/**
 * The header of one NDArray as DJL's {@code NDSerializer.encode} writes it (versions 1–3), and
 * where its element bytes lie in the file. The bytes themselves are not read here.
 *
 * @param djlType    DJL's {@code DataType} name, e.g. {@code FLOAT32}
 * @param dtype      the same as a domain type ({@link DType#UNKNOWN} for STRING, COMPLEX64, UINT16…)
 * @param order      byte order of the element bytes
 * @param dataOffset absolute file offset of the first element byte
 * @param dataLength number of element bytes
 */
record NdArrayHeader(String name, String djlType, DType dtype, DjlShape shape, ByteOrder order,
                     long dataOffset, long dataLength) {

    static final String MAGIC = "NDAR";
    static final int MAX_VERSION = 3;

    /** Reads a header at the cursor (which must be at the {@code "NDAR"} UTF) and skips the data. */
    static NdArrayHeader read(BinaryCursor in) throws ModelFormatException {
        if (!MAGIC.equals(in.utf())) {
            throw new ModelFormatException("damaged DJL parameter file: a tensor does not start with NDAR");
        }
        int version = in.i32();
        if (version < 1 || version > MAX_VERSION) {
            throw new ModelFormatException("unsupported DJL tensor encoding version " + version);
        }
        String name = null;
        if (version > 1 && in.u8() == 1) {
            name = in.utf();
        }
        String sparse = in.utf();
        if (!"DENSE".equals(sparse)) {
            throw new ModelFormatException("DJL sparse tensors (" + sparse + ") are not supported");
        }
        String djlType = in.utf();
        DjlShape shape = DjlShape.read(in);
        if ("STRING".equals(djlType)) {
            return readStrings(in, name, shape);
        }
        // Versions before 3 wrote the machine's native order, which is little-endian on every
        // platform DJL ships native libraries for.
        ByteOrder order = ByteOrder.LITTLE_ENDIAN;
        if (version > 2) {
            int mark = in.u8();
            if (mark == '>') {
                order = ByteOrder.BIG_ENDIAN;
            } else if (mark != '<') {
                throw new ModelFormatException("damaged DJL parameter file: unknown byte order mark in a tensor");
            }
        }
        int length = in.i32();
        if (length < 0) {
            throw new ModelFormatException("damaged DJL parameter file: a tensor has a negative length");
        }
        DType dtype = DType.fromDjlName(djlType);
        long count = shape.elementCount();
        if (count < 0) {
            throw new ModelFormatException("damaged DJL parameter file: a tensor has an invalid shape");
        }
        if (dtype.itemSize() > 0 && (count > Integer.MAX_VALUE || count * dtype.itemSize() != length)) {
            throw new ModelFormatException("damaged DJL parameter file: a tensor's size does not match its shape");
        }
        long dataOffset = in.position();
        in.skip(length);
        return new NdArrayHeader(name, djlType, dtype, shape, order, dataOffset, length);
    }

    private static NdArrayHeader readStrings(BinaryCursor in, String name, DjlShape shape) throws ModelFormatException {
        int count = in.i32();
        // each string takes at least its two length bytes
        if (count < 0 || 2L * count > in.remaining()) {
            throw new ModelFormatException(BinaryCursor.TRUNCATED);
        }
        long start = in.position();
        for (int i = 0; i < count; i++) {
            in.skip(in.u16());
        }
        return new NdArrayHeader(name, "STRING", DType.UNKNOWN, shape, ByteOrder.BIG_ENDIAN,
                start, in.position() - start);
    }
}
