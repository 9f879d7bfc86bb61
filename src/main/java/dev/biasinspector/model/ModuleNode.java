package dev.biasinspector.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;

/**
 * One module of a model's hierarchy: its dotted path ({@code ""} for the root, {@code enc.2.0}
 * deeper down), its Python class name ({@code Linear}, {@code SimpleNet}) and what it holds.
 */
public final class ModuleNode {

    private final String path;
    private final String className;
    private final List<ModuleNode> children = new ArrayList<>();
    private final List<Parameter> parameters = new ArrayList<>();

    public ModuleNode(String path, String className) {
        this.path = path;
        this.className = className;
    }

    /** Dotted path from the root; empty for the root module. */
    public String path() {
        return path;
    }

    /** The last part of the path, or the empty string for the root. */
    public String name() {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }

    /** Python class name without package and without TorchScript's mangling. */
    public String className() {
        return className;
    }

    public List<ModuleNode> children() {
        return Collections.unmodifiableList(children);
    }

    /** The module's own parameters, in the order the file holds them. */
    public List<Parameter> parameters() {
        return Collections.unmodifiableList(parameters);
    }

    public void addChild(ModuleNode child) {
        children.add(child);
    }

    public void addParameter(Parameter parameter) {
        parameters.add(parameter);
    }

    /** A layer is Linear when its class is {@code Linear} or a class whose name ends with {@code Linear}. */
    public boolean isLinear() {
        return className.endsWith("Linear");
    }

    /** Visits this module and every descendant, parents before children, in file order. */
    public void walk(Consumer<ModuleNode> visitor) {
        visitor.accept(this);
        for (ModuleNode child : children) {
            child.walk(visitor);
        }
    }

    /** Number of elements in all parameters of this module and its descendants. */
    public long totalParameterCount() {
        long[] total = {0};
        walk(m -> m.parameters.forEach(p -> total[0] += p.elementCount()));
        return total[0];
    }

    @Override
    public String toString() {
        return (path.isEmpty() ? "<root>" : path) + " (" + className + ")";
    }
}
