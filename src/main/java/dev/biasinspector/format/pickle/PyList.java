package dev.biasinspector.format.pickle;

import java.util.ArrayList;
import java.util.Collection;

/**
 * A Python list (and set) from a pickle. Compared and hashed by identity, printed without looking
 * inside: {@code l.append(l)} or a chain of shared references is legal in a pickle, and
 * {@link ArrayList}'s own equals/hashCode/toString would walk it without end.
 */
public final class PyList extends ArrayList<Object> {

    public PyList() {
    }

    PyList(Collection<Object> items) {
        super(items);
    }

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
        return "list of " + size();
    }
}
