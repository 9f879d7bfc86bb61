package dev.biasinspector.format.djl;

import dev.biasinspector.format.ModelFormatException;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * A DJL {@code Shape} as {@code Shape.getEncoded()} writes it: i32 ndim, ndim × i64, i32 layout
 * length, that many u16 layout characters ({@code ?} = undefined).
 */
record DjlShape(long[] dims, String layout) {

    /** More dimensions than any real tensor has; a larger count means we are not looking at a shape. */
    static final int MAX_DIMS = 32;

    DjlShape {
        dims = dims.clone();
    }

    @Override
    public long[] dims() {
        return dims.clone();
    }

    static DjlShape read(BinaryCursor in) throws ModelFormatException {
        int ndim = in.i32();
        if (ndim < 0 || ndim > MAX_DIMS) {
            throw new ModelFormatException("damaged DJL parameter file: a shape has " + ndim + " dimensions");
        }
        in.require(8L * ndim);
        long[] dims = new long[ndim];
        for (int i = 0; i < ndim; i++) {
            dims[i] = in.i64();
            // DJL uses -1 for "unknown" in input shapes; anything more negative is not a shape.
            if (dims[i] < -1) {
                throw new ModelFormatException("damaged DJL parameter file: a shape has a negative size");
            }
        }
        int layoutLength = in.i32();
        if (layoutLength < 0 || layoutLength > MAX_DIMS) {
            throw new ModelFormatException("damaged DJL parameter file: a shape layout has length " + layoutLength);
        }
        in.require(2L * layoutLength);
        StringBuilder layout = new StringBuilder(layoutLength);
        for (int i = 0; i < layoutLength; i++) {
            int c = in.u16();
            if (c < 0x20 || c > 0x7E) {
                throw new ModelFormatException("damaged DJL parameter file: a shape layout is not text");
            }
            layout.append((char) c);
        }
        return new DjlShape(dims, layout.toString());
    }

    /** Number of elements, or -1 when a dimension is unknown or the product overflows. */
    long elementCount() {
        long n = 1;
        for (long d : dims) {
            if (d < 0) {
                return -1;
            }
            try {
                n = Math.multiplyExact(n, d);
            } catch (ArithmeticException e) {
                return -1;
            }
        }
        return n;
    }

    /** As DJL prints shapes: {@code (1, 5)}. */
    @Override
    public String toString() {
        return Arrays.stream(dims).mapToObj(Long::toString).collect(Collectors.joining(", ", "(", ")"));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DjlShape s && Arrays.equals(dims, s.dims) && layout.equals(s.layout);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(dims) * 31 + layout.hashCode();
    }
}
