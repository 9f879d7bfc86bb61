package dev.biasinspector.cli;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.LinkedList;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * What picocli instantiates types with (converters named by class, the collection a multi-value
 * option fills). picocli's own default factory looks for Groovy's {@code Closure} class when its
 * class is initialised; that lookup misses and so opens every jar on the class path, about 13% of
 * a {@code list} on the demo. So the collections picocli asks for (the {@code NAME...} of
 * {@code export}, {@code dump} and {@code diff}) are made here, as picocli's factory makes them,
 * and picocli's factory is created only for anything else. Every {@code CommandSpec} and
 * {@link CommandLine} here is built through {@link #specOf} and {@link #commandLine}: picocli's
 * one-argument constructors create its default factory at once.
 */
final class DeferredFactory implements CommandLine.IFactory {

    static final DeferredFactory INSTANCE = new DeferredFactory();

    /** picocli's system property: regular expressions of the types it registers no converter for. */
    static final String CONVERTER_EXCLUDES = "picocli.converters.excludes";
    static final String UNUSED_CONVERTERS = "java\\.time\\..*,java\\.sql\\..*";

    /** For an interface, the first of these that implements it, as picocli's DefaultFactory chooses. */
    private static final List<Supplier<Object>> COLLECTIONS = List.of(
            ArrayList::new, LinkedHashSet::new, TreeSet::new, LinkedList::new, LinkedHashMap::new, TreeMap::new);

    private volatile CommandLine.IFactory picocliDefault;

    private DeferredFactory() {
    }

    /** picocli's model of {@code command}, declared in code (see {@link Binding}). */
    static CommandSpec specOf(Object command) {
        return CommandSpec.wrapWithoutInspection(command, INSTANCE);
    }

    /**
     * The command line of a declared command. Without the java.time and java.sql converters, which
     * picocli looks up by reflection for every {@code CommandLine} (fourteen java.time and five
     * java.sql classes, loaded with their methods). No option takes such a type (CommandLineTest); the launcher's {@code list} was
     * faster in 5 of 5 hyperfine pairs, by 6 to 37 ms.
     */
    static CommandLine commandLine(CommandSpec spec) {
        if (System.getProperty(CONVERTER_EXCLUDES) == null) {
            System.setProperty(CONVERTER_EXCLUDES, UNUSED_CONVERTERS);
        }
        return new CommandLine(spec, INSTANCE);
    }

    /** Whether picocli's default factory has been created (for the test that keeps it unneeded). */
    boolean used() {
        return picocliDefault != null;
    }

    @Override
    public <K> K create(Class<K> cls) throws Exception {
        if (cls.isInterface()) {
            for (Supplier<Object> collection : COLLECTIONS) {
                Object made = collection.get();
                if (cls.isInstance(made)) {
                    return cls.cast(made);
                }
            }
        }
        CommandLine.IFactory factory = picocliDefault;
        if (factory == null) {
            factory = CommandLine.defaultFactory();
            picocliDefault = factory;
        }
        return factory.create(cls);
    }
}
