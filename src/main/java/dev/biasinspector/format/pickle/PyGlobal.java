package dev.biasinspector.format.pickle;

/** A reference to a Python global ({@code GLOBAL module name}); only a name, never resolved to code. */
public record PyGlobal(String module, String name) {

    public String qualifiedName() {
        return module + "." + name;
    }

    @Override
    public String toString() {
        return qualifiedName();
    }
}
