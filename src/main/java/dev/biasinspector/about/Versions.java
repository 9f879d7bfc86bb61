package dev.biasinspector.about;

import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URL;
import java.net.URLConnection;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.jar.Manifest;

/**
 * The versions Help > About and {@code --version} print: the app's (from Maven resource filtering)
 * and those of the runtime and libraries it runs on. Each is read from a file its own build wrote
 * into its jar (a properties file or the jar's manifest), never from a string kept here, so the
 * text changes when a dependency is upgraded. No library class is loaded: reading DJL's version
 * must not start DJL.
 */
public final class Versions {

    /** One line of the list: what and which version ("unknown" when its jar says nothing). */
    public record Component(String name, String version) {
    }

    static final String UNKNOWN = "unknown";

    private Versions() {
    }

    public static String app() {
        return property("dev/biasinspector/about/version.properties", "version").orElse(UNKNOWN);
    }

    public static List<Component> all() {
        return List.of(
                new Component("Bias Inspector", app()),
                new Component("Java", System.getProperty("java.runtime.version") + " ("
                        + System.getProperty("java.vm.name") + ", " + System.getProperty("java.vendor") + ")"),
                new Component("DJL", property("ai/djl/engine/api.properties", "djl_version").orElse(UNKNOWN)),
                new Component("PyTorch native library", pytorchNative()),
                new Component("JFreeChart", property("META-INF/maven/org.jfree/jfreechart/pom.properties", "version")
                        .orElse(UNKNOWN)),
                new Component("FlatLaf", manifestVersion("com/formdev/flatlaf/FlatLaf.class").orElse(UNKNOWN)));
    }

    /** The lines of {@code --version}: "Bias Inspector 0.1.0", then one line per component. */
    public static String[] text() {
        List<Component> all = all();
        String[] lines = new String[all.size()];
        lines[0] = all.get(0).name() + " " + all.get(0).version();
        int width = all.stream().skip(1).mapToInt(c -> c.name().length()).max().orElse(0);
        for (int i = 1; i < all.size(); i++) {
            lines[i] = String.format("  %-" + width + "s  %s", all.get(i).name(), all.get(i).version());
        }
        return lines;
    }

    /** libtorch as shipped in the pytorch-native-cpu jar: "2.7.1-20250812 (cpu, linux-x86_64)". */
    private static String pytorchNative() {
        Properties p = properties("native/lib/pytorch.properties");
        if (p == null || p.getProperty("version") == null) {
            return UNKNOWN + " (no pytorch-native jar on the class path)";
        }
        return p.getProperty("version") + " (" + p.getProperty("flavor", "?") + ", "
                + p.getProperty("classifier", "?") + ")";
    }

    private static Optional<String> property(String resource, String key) {
        Properties p = properties(resource);
        return p == null ? Optional.empty() : Optional.ofNullable(p.getProperty(key)).map(String::strip);
    }

    private static Properties properties(String resource) {
        try (InputStream in = Versions.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                return null;
            }
            Properties p = new Properties();
            p.load(in);
            return p;
        } catch (IOException e) {
            return null;
        }
    }

    /** Implementation-Version from the manifest of the jar that holds {@code classResource}. */
    private static Optional<String> manifestVersion(String classResource) {
        URL url = Versions.class.getClassLoader().getResource(classResource);
        if (url == null) {
            return Optional.empty();
        }
        try {
            URLConnection connection = url.openConnection();
            if (connection instanceof JarURLConnection jar) {
                jar.setUseCaches(false);
                Manifest manifest = jar.getManifest();
                if (manifest != null) {
                    return Optional.ofNullable(manifest.getMainAttributes().getValue("Implementation-Version"));
                }
            }
        } catch (IOException e) {
            // An unreadable manifest just means "unknown".
        }
        return Optional.empty();
    }
}
