package dev.biasinspector.format.pickle;

/**
 * An object the pickle asked to construct ({@code NEWOBJ}) or a call the reader does not know
 * ({@code REDUCE} on a global outside the allow-list). Inert: it keeps the class name, the
 * arguments and the state given by {@code BUILD}, and nothing is ever executed.
 */
public final class PyObject {

    private final PyGlobal type;
    private final PyTuple args;
    private Object state;

    public PyObject(PyGlobal type, PyTuple args) {
        this.type = type;
        this.args = args;
    }

    public PyGlobal type() {
        return type;
    }

    public PyTuple args() {
        return args;
    }

    /** What {@code BUILD} set: usually an attribute dict, or whatever {@code __getstate__} returned. */
    public Object state() {
        return state;
    }

    void setState(Object state) {
        this.state = state;
    }

    @Override
    public String toString() {
        return "PyObject(" + type + ")";
    }
}
