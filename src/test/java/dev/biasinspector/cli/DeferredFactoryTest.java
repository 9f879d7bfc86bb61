package dev.biasinspector.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The commands never need picocli's default factory, whose class initialiser looks for Groovy's
 * Closure class through every jar on the class path (13% of a {@code list} on the demo). Each run
 * is in a class loader of its own, so that what other tests did in this JVM does not count.
 */
class DeferredFactoryTest {

    private static final Path DEMO = Path.of("models", "simple_net.pt");
    private static final Path TRAINED = Path.of("models", "simple_net_trained.pt");

    @TempDir
    Path dir;

    @Test
    void listDumpExportAndDiffOnTheDemoNeverCreatePicocliDefaultFactory() throws Exception {
        Path png = dir.resolve("fc1.png");
        assertRunsWithoutTheFactory("list", DEMO.toString());
        assertRunsWithoutTheFactory("dump", DEMO.toString(), "fc2");
        assertRunsWithoutTheFactory("export", DEMO.toString(), "fc1", "-o", png.toString());
        assertRunsWithoutTheFactory("diff", DEMO.toString(), TRAINED.toString());
        assertThat(Files.size(png)).isPositive();
    }

    @Test
    void collectionsAreWhatPicocliWouldMakeAndAnythingElseGoesToPicocliFactory() throws Exception {
        DeferredFactory factory = DeferredFactory.INSTANCE;
        assertThat(factory.create(java.util.List.class)).isInstanceOf(java.util.ArrayList.class);
        assertThat(factory.create(java.util.Collection.class)).isInstanceOf(java.util.ArrayList.class);
        assertThat(factory.create(java.util.Set.class)).isInstanceOf(java.util.LinkedHashSet.class);
        assertThat(factory.create(java.util.SortedSet.class)).isInstanceOf(java.util.TreeSet.class);
        assertThat(factory.create(java.util.Queue.class)).isInstanceOf(java.util.LinkedList.class);
        assertThat(factory.create(java.util.Map.class)).isInstanceOf(java.util.LinkedHashMap.class);
        assertThat(factory.create(java.util.SortedMap.class)).isInstanceOf(java.util.TreeMap.class);
        assertThat(factory.create(StringBuilder.class)).isInstanceOf(StringBuilder.class);
        assertThat(factory.used()).isTrue();
    }

    private static void assertRunsWithoutTheFactory(String... args) throws Exception {
        URL[] classPath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .map(entry -> {
                    try {
                        return Path.of(entry).toUri().toURL();
                    } catch (java.net.MalformedURLException e) {
                        throw new IllegalStateException(e);
                    }
                }).toArray(URL[]::new);
        try (URLClassLoader isolated = new URLClassLoader(classPath, ClassLoader.getPlatformClassLoader())) {
            Class<?> command = isolated.loadClass(BiasInspectorCommand.class.getName());
            assertThat(command).isNotSameAs(BiasInspectorCommand.class);
            Method run = command.getMethod("run", Consumer.class, String[].class);
            Consumer<Optional<Path>> noWindow = model -> {
                throw new AssertionError("opened the window");
            };
            assertThat((int) run.invoke(null, noWindow, args)).as(String.join(" ", args)).isZero();
            Class<?> factory = isolated.loadClass(DeferredFactory.class.getName());
            java.lang.reflect.Field instanceField = factory.getDeclaredField("INSTANCE");
            instanceField.setAccessible(true); // another loader: another runtime package
            Object instance = instanceField.get(null);
            Method used = factory.getDeclaredMethod("used");
            used.setAccessible(true);
            assertThat((boolean) used.invoke(instance)).as(String.join(" ", args)).isFalse();
        }
    }
}
