package dev.biasinspector.gui;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Where a model comes from: a file the user chose, or the demo shipped inside the jar (copied to a
 * temporary file on first use, because readers need random access to a real file).
 */
public sealed interface ModelSource {

    /** Classpath location of the bundled demo, the tutorial's SimpleNet. */
    String DEMO_RESOURCE = "/demo/simple_net.pt";

    /** The file to read; may copy the demo out of the jar, so call it off the EDT. */
    Path resolve() throws IOException;

    /** Name for the window title and messages. */
    String displayName();

    /** The user's own file (remembered in Open Recent). */
    record UserFile(Path path) implements ModelSource {
        @Override
        public Path resolve() {
            return path;
        }

        @Override
        public String displayName() {
            Path name = path.getFileName();
            return name == null ? path.toString() : name.toString();
        }
    }

    /** The bundled demo. */
    record Demo() implements ModelSource {
        @Override
        public Path resolve() throws IOException {
            return DemoFile.path();
        }

        @Override
        public String displayName() {
            return "simple_net.pt (demo)";
        }
    }

    /** Copies the demo out of the jar once per run. */
    final class DemoFile {
        private static Path copy;

        private DemoFile() {
        }

        static synchronized Path path() throws IOException {
            if (copy == null || !Files.exists(copy)) {
                try (InputStream in = ModelSource.class.getResourceAsStream(DEMO_RESOURCE)) {
                    if (in == null) {
                        throw new IOException("the demo model is missing from this build");
                    }
                    Path folder = Files.createTempDirectory("bias-inspector-demo");
                    Path file = folder.resolve("simple_net.pt");
                    Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
                    // Deleted in reverse order of registration: the file, then its folder.
                    folder.toFile().deleteOnExit();
                    file.toFile().deleteOnExit();
                    copy = file;
                }
            }
            return copy;
        }
    }
}
