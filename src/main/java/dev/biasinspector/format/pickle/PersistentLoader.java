package dev.biasinspector.format.pickle;

/** Turns a persistent id ({@code BINPERSID}) into a value, e.g. a reference to a tensor storage. */
@FunctionalInterface
public interface PersistentLoader {

    Object load(Object persistentId) throws PickleException;
}
