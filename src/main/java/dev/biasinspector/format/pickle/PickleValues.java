package dev.biasinspector.format.pickle;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;

/** Short descriptions of values read from a pickle, for messages. Never looks inside a container. */
public final class PickleValues {

    private static final int MAX_TEXT = 60;

    private PickleValues() {
    }

    /** {@code 'cpu'}, {@code 42}, {@code tuple of 3}, {@code torch.FloatStorage}: one level only. */
    public static String describe(Object value) {
        if (value == null) {
            return "None";
        }
        if (value instanceof String s) {
            return "'" + (s.length() > MAX_TEXT ? s.substring(0, MAX_TEXT) + "…" : s) + "'";
        }
        if (value instanceof Long || value instanceof Double || value instanceof Boolean || value instanceof PyGlobal) {
            return value.toString();
        }
        if (value instanceof BigInteger big) {
            return big.bitLength() > 256 ? "an integer of " + big.bitLength() + " bits" : big.toString();
        }
        if (value instanceof PyTuple t) {
            return "tuple of " + t.size();
        }
        if (value instanceof List<?> l) {
            return "list of " + l.size();
        }
        if (value instanceof Map<?, ?> m) {
            return "dict of " + m.size();
        }
        if (value instanceof PyObject o) {
            return o.type().qualifiedName() + " object";
        }
        if (value instanceof byte[] b) {
            return b.length + " bytes";
        }
        return value.getClass().getSimpleName();
    }
}
