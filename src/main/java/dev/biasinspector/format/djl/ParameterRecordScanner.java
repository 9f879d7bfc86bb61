package dev.biasinspector.format.djl;

import dev.biasinspector.format.ModelFormatException;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds the parameter records of a DJL block tree without knowing the block classes.
 *
 * <p>Block metadata has no length prefix, so the records cannot be reached by walking the tree.
 * Instead we look for the byte pattern that starts every initialised parameter,
 * {@code 00 50 01 <u16 n><name> 00 04 "NDAR" 00 00 00 0[1-3]}, parse that tensor fully and
 * continue after its data. Jumping over the data means tensor bytes are never searched, so a
 * weight that happens to contain the pattern cannot produce a false hit.
 */
final class ParameterRecordScanner {

    /** Longest local name we accept; DJL's are short identifiers such as runningMean or l0_i2h_weight. */
    private static final int MAX_NAME_LENGTH = 256;
    private static final byte[] NDAR_UTF = {0, 4, 'N', 'D', 'A', 'R'};

    private ParameterRecordScanner() {
    }

    static List<ParameterRecord> scan(BinaryCursor in, long from) throws ModelFormatException {
        List<ParameterRecord> records = new ArrayList<>();
        long p = from;
        while (p < in.limit()) {
            in.seek(p);
            ParameterRecord record = tryRecordAt(in);
            if (record == null) {
                p++;
            } else {
                records.add(record);
                p = record.end();
            }
        }
        return records;
    }

    /** The record starting at the cursor, or null when the bytes there do not start one. */
    private static ParameterRecord tryRecordAt(BinaryCursor in) throws ModelFormatException {
        long start = in.position();
        if (in.remaining() < 5 + NDAR_UTF.length + 4 || in.u8() != 0 || in.u8() != 'P' || in.u8() != 1) {
            return null;
        }
        int nameLength = in.u16();
        if (nameLength == 0 || nameLength > MAX_NAME_LENGTH || nameLength + NDAR_UTF.length + 4L > in.remaining()) {
            return null;
        }
        in.seek(in.position() + nameLength);
        if (!in.lookingAt(NDAR_UTF)) {
            return null;
        }
        in.skip(NDAR_UTF.length);
        int version = in.i32();
        if (version < 1 || version > NdArrayHeader.MAX_VERSION) {
            return null;
        }
        // The pattern matched: from here on a failure means a damaged or truncated file.
        in.seek(start + 3);
        String name = in.utf();
        NdArrayHeader array = NdArrayHeader.read(in);
        return new ParameterRecord(name, array, start, in.position());
    }
}
