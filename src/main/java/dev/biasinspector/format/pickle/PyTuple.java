package dev.biasinspector.format.pickle;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * A Python tuple.
 *
 * <p>Equality and hashing are by identity and {@link #toString} does not look inside: a pickle can
 * build cycles and million-level nestings (through its memo), and value-based equality or printing
 * would walk them until the stack or the heap runs out. Use {@link PickleValues#describe} to show
 * one in a message.
 */
public final class PyTuple {

    private static final PyTuple EMPTY = new PyTuple(new Object[0]);

    private final Object[] items;

    private PyTuple(Object[] items) {
        this.items = items;
    }

    public static PyTuple of(Object... items) {
        return items.length == 0 ? EMPTY : new PyTuple(items.clone());
    }

    /** The empty tuple; like CPython, every {@code ()} is this one object, so a million cost nothing. */
    public static PyTuple empty() {
        return EMPTY;
    }

    static PyTuple copyOf(List<Object> items) {
        return items.isEmpty() ? EMPTY : new PyTuple(items.toArray());
    }

    public List<Object> items() {
        return Collections.unmodifiableList(Arrays.asList(items));
    }

    public int size() {
        return items.length;
    }

    public Object get(int index) {
        return items[index];
    }

    @Override
    public String toString() {
        return "tuple of " + items.length;
    }
}
