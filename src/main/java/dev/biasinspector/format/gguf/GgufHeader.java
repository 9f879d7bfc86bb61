package dev.biasinspector.format.gguf;

import dev.biasinspector.format.ModelFormatException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The header of a GGUF file (version 2 or 3; ggml docs/gguf.md): magic, version, tensor count,
 * metadata count, the metadata key/value pairs, the tensor infos, then padding to
 * {@code general.alignment} (32 when absent) before the tensor data. Every count is checked
 * against the bytes left before anything is allocated; arrays are skipped, not stored, beyond a
 * few elements (a tokenizer's 150,000 strings become "array of 150000 strings").
 */
record GgufHeader(int version, Map<String, String> metadata, List<TensorInfo> tensors, long dataStart, long alignment) {

    static final int MAX_DIMS = 4;
    static final long MAX_KEY_BYTES = 64 * 1024;
    static final long MAX_STRING_BYTES = 64L << 20;
    /** Arrays up to this long are shown element by element; longer ones by their size. */
    static final int SHOWN_ARRAY_ELEMENTS = 16;
    private static final int MAX_ARRAY_NESTING = 3;
    private static final long DEFAULT_ALIGNMENT = 32;

    /** One tensor; {@code offset} is relative to the data section, {@code ne} innermost first. */
    record TensorInfo(String name, long[] ne, GgmlType type, long typeId, long offset, long bytes) {
        /** Row-major shape: ggml's dimensions reversed. */
        long[] shape() {
            long[] shape = new long[ne.length];
            for (int i = 0; i < ne.length; i++) {
                shape[i] = ne[ne.length - 1 - i];
            }
            return shape;
        }

        long elementCount() {
            long n = 1;
            for (long d : ne) {
                n = Math.multiplyExact(n, d);
            }
            return n;
        }
    }

    static GgufHeader read(GgufCursor in, long fileSize) throws ModelFormatException {
        in.skip(4); // magic, checked by the detector
        int version = in.i32();
        if (version != 2 && version != 3) {
            throw new ModelFormatException("GGUF version " + Integer.toUnsignedString(version) + " is not supported");
        }
        long tensorCount = in.u64("tensor count");
        long kvCount = in.u64("metadata count");
        // each key/value takes at least 8 (key length) + 4 (type) + 1 bytes; each tensor info 8 + 4 + 4 + 8
        if (kvCount > in.remaining() / 13) {
            throw new ModelFormatException("the GGUF file is truncated or damaged: it declares " + kvCount
                    + " metadata entries, more than its remaining " + in.remaining() + " bytes can hold");
        }
        if (tensorCount > in.remaining() / 24) {
            throw new ModelFormatException("the GGUF file is truncated or damaged: it declares " + tensorCount
                    + " tensors, more than its remaining " + in.remaining() + " bytes can hold");
        }
        Map<String, String> metadata = new LinkedHashMap<>();
        long alignment = DEFAULT_ALIGNMENT;
        for (long i = 0; i < kvCount; i++) {
            String key = in.string(MAX_KEY_BYTES, "metadata key");
            long type = in.u32();
            if (key.equals("general.alignment")) {
                if (type != 4) {
                    throw new ModelFormatException("general.alignment in the GGUF file is not a uint32");
                }
                alignment = in.u32();
                if (alignment == 0 || Long.bitCount(alignment) != 1) {
                    throw new ModelFormatException("general.alignment in the GGUF file is " + alignment + ", not a power of two");
                }
                metadata.put(key, String.valueOf(alignment));
                continue;
            }
            String shown = value(in, type, 0);
            if (metadata.put(key, shown) != null) {
                throw new ModelFormatException("the GGUF metadata key " + key + " appears twice");
            }
        }
        List<TensorInfo> tensors = new ArrayList<>();
        for (long i = 0; i < tensorCount; i++) {
            tensors.add(tensorInfo(in));
        }
        long dataStart = alignUp(in.position(), alignment);
        if (dataStart > fileSize) {
            throw new ModelFormatException(GgufCursor.TRUNCATED);
        }
        checkLayout(tensors, alignment, fileSize - dataStart);
        return new GgufHeader(version, metadata, List.copyOf(tensors), dataStart, alignment);
    }

    private static TensorInfo tensorInfo(GgufCursor in) throws ModelFormatException {
        String name = in.string(MAX_KEY_BYTES, "tensor name");
        long nDims = in.u32();
        if (nDims > MAX_DIMS) {
            throw new ModelFormatException("tensor " + name + " has " + nDims + " dimensions; GGUF allows at most " + MAX_DIMS);
        }
        long[] ne = new long[(int) nDims];
        for (int d = 0; d < nDims; d++) {
            ne[d] = in.u64("dimension of tensor " + name);
        }
        long typeId = in.u32();
        long offset = in.u64("offset of tensor " + name);
        GgmlType type = GgmlType.of(typeId);
        if (type == null) {
            throw new ModelFormatException("tensor " + name + " has the unknown ggml type " + typeId);
        }
        long bytes;
        try {
            long elements = 1;
            for (long d : ne) {
                elements = Math.multiplyExact(elements, d);
            }
            if (ne.length > 0 && ne[0] % type.blockSize != 0) {
                throw new ModelFormatException("tensor " + name + " has rows of " + ne[0] + " elements, not a whole number of "
                        + type.name() + " blocks of " + type.blockSize);
            }
            bytes = type.bytesFor(elements);
        } catch (ArithmeticException e) {
            throw new ModelFormatException("tensor " + name + " declares an impossibly large shape");
        }
        return new TensorInfo(name, ne, type, typeId, offset, bytes);
    }

    /** Offsets aligned, inside the data section, and no two tensors sharing bytes. */
    private static void checkLayout(List<TensorInfo> tensors, long alignment, long dataSize) throws ModelFormatException {
        List<TensorInfo> sorted = new ArrayList<>(tensors);
        sorted.sort(java.util.Comparator.comparingLong(TensorInfo::offset));
        TensorInfo previous = null;
        java.util.Set<String> names = new java.util.HashSet<>();
        for (TensorInfo t : sorted) {
            if (!names.add(t.name())) {
                throw new ModelFormatException("the GGUF file names the tensor " + t.name() + " twice");
            }
            if (t.offset() % alignment != 0) {
                throw new ModelFormatException("tensor " + t.name() + " is not aligned to " + alignment + " bytes");
            }
            if (t.offset() > dataSize || t.bytes() > dataSize - t.offset()) {
                throw new ModelFormatException("the GGUF file is truncated: tensor " + t.name() + " reaches beyond its end");
            }
            if (previous != null && t.offset() < previous.offset() + previous.bytes()) {
                throw new ModelFormatException("tensors " + previous.name() + " and " + t.name() + " overlap in the GGUF file");
            }
            previous = t;
        }
    }

    /** A metadata value as shown: scalars as text, short arrays element by element, long ones by size. */
    private static String value(GgufCursor in, long type, int nesting) throws ModelFormatException {
        return switch ((int) type) {
            case 0 -> String.valueOf(in.u8());
            case 1 -> String.valueOf((byte) in.u8());
            case 2 -> String.valueOf(in.u8() | in.u8() << 8);
            case 3 -> String.valueOf((short) (in.u8() | in.u8() << 8));
            case 4 -> String.valueOf(in.u32());
            case 5 -> String.valueOf(in.i32());
            case 6 -> String.valueOf(in.f32());
            case 7 -> String.valueOf(in.u8() != 0);
            case 8 -> in.string(MAX_STRING_BYTES, "metadata string");
            case 9 -> array(in, nesting);
            case 10 -> Long.toUnsignedString(in.i64());
            case 11 -> String.valueOf(in.i64());
            case 12 -> String.valueOf(in.f64());
            default -> throw new ModelFormatException("the GGUF metadata has a value of unknown type " + type);
        };
    }

    private static String array(GgufCursor in, int nesting) throws ModelFormatException {
        if (nesting >= MAX_ARRAY_NESTING) {
            throw new ModelFormatException("the GGUF metadata nests arrays too deeply");
        }
        long type = in.u32();
        long count = in.u64("array length");
        int width = fixedWidth(type);
        // every element takes at least one byte (strings: their 8-byte length)
        long minimum = width > 0 ? width : type == 8 ? 8 : 12;
        if (count > in.remaining() / minimum) {
            throw new ModelFormatException("the GGUF file is truncated or damaged: a metadata array declares " + count
                    + " elements, more than the file holds");
        }
        if (count > SHOWN_ARRAY_ELEMENTS) {
            if (width > 0) {
                in.skip(count * width);
            } else {
                for (long i = 0; i < count; i++) {
                    value(in, type, nesting + 1);
                }
            }
            return "array of " + count + " " + typeName(type);
        }
        List<String> shown = new ArrayList<>();
        for (long i = 0; i < count; i++) {
            shown.add(value(in, type, nesting + 1));
        }
        return "[" + String.join(", ", shown) + "]";
    }

    private static int fixedWidth(long type) {
        return switch ((int) type) {
            case 0, 1, 7 -> 1;
            case 2, 3 -> 2;
            case 4, 5, 6 -> 4;
            case 10, 11, 12 -> 8;
            default -> 0;
        };
    }

    private static String typeName(long type) {
        return switch ((int) type) {
            case 0 -> "uint8"; case 1 -> "int8"; case 2 -> "uint16"; case 3 -> "int16";
            case 4 -> "uint32"; case 5 -> "int32"; case 6 -> "float32"; case 7 -> "bools";
            case 8 -> "strings"; case 9 -> "arrays"; case 10 -> "uint64"; case 11 -> "int64";
            case 12 -> "float64";
            default -> "values of type " + type;
        };
    }

    static long alignUp(long position, long alignment) {
        return (position + alignment - 1) / alignment * alignment;
    }

    static String describe(GgmlType type) {
        return type.name().toLowerCase(Locale.ROOT);
    }
}
