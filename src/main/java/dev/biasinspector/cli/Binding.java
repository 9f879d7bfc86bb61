package dev.biasinspector.cli;

import picocli.CommandLine.Model.IGetter;
import picocli.CommandLine.Model.ISetter;
import picocli.CommandLine.Model.OptionSpec;

import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A command's field as picocli's getter and setter, so the commands declare their options in code
 * rather than with picocli's annotations: reading annotations makes the JVM generate a dynamic
 * proxy class per annotation type, about 65 ms of every start for the first few (the first one
 * alone, 48 ms, generates the proxy machinery itself), and no JDK 17 CDS archive holds them.
 */
final class Binding<T> implements IGetter, ISetter {

    private final Supplier<T> get;
    private final Consumer<T> set;

    private Binding(Supplier<T> get, Consumer<T> set) {
        this.get = get;
        this.set = set;
    }

    static <T> Binding<T> of(Supplier<T> get, Consumer<T> set) {
        return new Binding<>(get, set);
    }

    /** An option without a value, such as --json. */
    static OptionSpec flag(String name, String description, Supplier<Boolean> get, Consumer<Boolean> set) {
        Binding<Boolean> field = of(get, set);
        return OptionSpec.builder(name).type(boolean.class).description(description).initialValue(get.get())
                .getter(field).setter(field).build();
    }

    /** An option with a value of this type, such as --width W. */
    static <T> OptionSpec.Builder option(Class<T> type, Supplier<T> get, Consumer<T> set, String... names) {
        Binding<T> field = of(get, set);
        return OptionSpec.builder(names).type(type).initialValue(get.get()).getter(field).setter(field);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <R> R get() {
        return (R) get.get();
    }

    @Override
    @SuppressWarnings("unchecked")
    public <R> R set(R value) {
        R old = (R) get.get();
        set.accept((T) value);
        return old;
    }
}
