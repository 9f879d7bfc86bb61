package dev.biasinspector.session;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * Copies the example models shipped inside the jar (under {@value #ROOT}) to a temporary folder,
 * once per run, keeping their names: charts and tables label series by file name. Deleted at exit.
 */
final class ExampleFiles {

    static final String ROOT = "/demo/";

    private static Path folder;

    private ExampleFiles() {
    }

    /** The example file {@code name} as a real file. */
    static synchronized Path file(String name) throws IOException {
        Path target = root().resolve(name);
        if (!Files.exists(target)) {
            copy(name, target);
        }
        return target;
    }

    /** The example folder {@code name} holding {@code files}, as a real folder. */
    static synchronized Path folder(String name, List<String> files) throws IOException {
        Path target = root().resolve(name);
        if (!Files.isDirectory(target)) {
            Files.createDirectories(target);
            target.toFile().deleteOnExit();
        }
        for (String file : files) {
            Path copy = target.resolve(file);
            if (!Files.exists(copy)) {
                copy(name + "/" + file, copy);
            }
        }
        return target;
    }

    private static Path root() throws IOException {
        if (folder == null || !Files.isDirectory(folder)) {
            folder = Files.createTempDirectory("bias-inspector-demo");
            folder.toFile().deleteOnExit();
        }
        return folder;
    }

    private static void copy(String resource, Path target) throws IOException {
        try (InputStream in = ExampleFiles.class.getResourceAsStream(ROOT + resource)) {
            if (in == null) {
                throw new IOException("the example " + resource + " is missing from this build");
            }
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        }
        // Registered after its folder, so deleted before it (deleteOnExit runs in reverse order).
        target.toFile().deleteOnExit();
    }
}
