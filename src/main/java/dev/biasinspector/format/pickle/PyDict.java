package dev.biasinspector.format.pickle;

import java.util.LinkedHashMap;

/**
 * A Python dict from a pickle, in insertion order (PyTorch's parameter order). Compared and hashed
 * by identity and printed without looking inside, for the same reason as {@link PyList}.
 */
public final class PyDict extends LinkedHashMap<Object, Object> {

    @Override
    public boolean equals(Object o) {
        return this == o;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }

    @Override
    public String toString() {
        return "dict of " + size();
    }
}
