package dev.biasinspector.format.pickle;

/**
 * What to build for {@code REDUCE callable args} when the callable is an allow-listed global.
 * Implementations build plain Java values; they never call into anything named by the file.
 */
@FunctionalInterface
public interface CallHandler {

    Object call(PyTuple args) throws PickleException;
}
