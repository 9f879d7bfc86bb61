package dev.biasinspector.model;

/**
 * A bias parameter together with the module that owns it; values not read yet.
 *
 * @param parameter the bias tensor
 * @param module    the module that holds it
 */
public record BiasEntry(Parameter parameter, ModuleNode module) {

    public String name() {
        return parameter.name();
    }

    /** Path of the owning module, e.g. {@code fc1}; empty for a bias held by the root. */
    public String modulePath() {
        return module.path();
    }

    /** Class name of the owning module, e.g. {@code Linear}. */
    public String type() {
        return module.className();
    }

    public boolean isLinear() {
        return module.isLinear();
    }

    /** Reads the values from the file (or engine) now. */
    public BiasVector load() throws java.io.IOException {
        float[] values = parameter.data().read();
        return new BiasVector(name(), modulePath(), type(), parameter.shape(), parameter.dtype(), values);
    }
}
