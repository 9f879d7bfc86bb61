package dev.biasinspector.session;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Where a model comes from: a file or folder the user chose, a folder of checkpoints, or one of
 * the examples shipped inside the jar (copied to temporary files on first use, because readers
 * need random access to real files).
 */
public sealed interface ModelSource {

    /** The file or folder to read; may copy an example out of the jar, so call it off the EDT. */
    Path resolve() throws IOException;

    /** Name for the window title and messages. */
    String displayName();

    /** Whether this is a folder of checkpoints rather than one model. */
    default boolean isCheckpointSeries() {
        return false;
    }

    /** The user's own file or folder, to remember in Open Recent and reopen at start; empty for examples. */
    default java.util.Optional<Path> userPath() {
        return java.util.Optional.empty();
    }

    /** The user's own file or model folder (remembered in Open Recent), as an absolute, normal path. */
    record UserFile(Path path) implements ModelSource {
        public UserFile {
            path = path.toAbsolutePath().normalize();
        }

        @Override
        public java.util.Optional<Path> userPath() {
            return java.util.Optional.of(path);
        }

        @Override
        public Path resolve() {
            return path;
        }

        @Override
        public String displayName() {
            return nameOf(path);
        }
    }

    /** A bundled example model, by default the tutorial's untrained SimpleNet. */
    record Demo(String fileName) implements ModelSource {

        /** The bias the examples show first. */
        static final List<String> FIRST_BIAS = List.of("fc1.bias");

        public Demo() {
            this("simple_net.pt");
        }

        @Override
        public Path resolve() throws IOException {
            return ExampleFiles.file(fileName);
        }

        @Override
        public String displayName() {
            return fileName + " (demo)";
        }
    }

    /** A folder of checkpoints of one model, shown in natural order. */
    record CheckpointFolder(Path folder) implements ModelSource {
        @Override
        public java.util.Optional<Path> userPath() {
            return java.util.Optional.of(folder);
        }

        @Override
        public Path resolve() {
            return folder;
        }

        @Override
        public String displayName() {
            return nameOf(folder);
        }

        @Override
        public boolean isCheckpointSeries() {
            return true;
        }
    }

    /** The bundled checkpoint series: SimpleNet after 1, 2, 5 and 10 epochs of training. */
    record ExampleCheckpoints() implements ModelSource {
        static final List<String> FILES = List.of("epoch_1.pt", "epoch_2.pt", "epoch_5.pt", "epoch_10.pt");

        @Override
        public Path resolve() throws IOException {
            return ExampleFiles.folder("checkpoints", FILES);
        }

        @Override
        public String displayName() {
            return "checkpoints (demo)";
        }

        @Override
        public boolean isCheckpointSeries() {
            return true;
        }
    }

    private static String nameOf(Path path) {
        Path name = path.getFileName();
        return name == null ? path.toString() : name.toString();
    }
}
