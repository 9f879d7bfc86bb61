package dev.biasinspector.format.djl;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Private copies of model files taken out of an archive (a zipped or tar.gz'ed model folder, a
 * TorchScript model inside a DJL .params). Values are read from them lazily, so they live as long
 * as the process: all sit in one folder named after this process's id, deleted on exit; a folder
 * left behind by a process that was killed is deleted the next time one is needed.
 */
final class ProcessTempFiles {

    private static final String PREFIX = "bias-inspector-";
    private static final String SUFFIX = ".tmp-models";
    private static Path folder;

    private ProcessTempFiles() {
    }

    /** A new empty file in this process's folder; {@code suffix} keeps the original file name readable. */
    static synchronized Path create(String suffix) throws IOException {
        Path file = Files.createTempFile(folder(), "model-", suffix.replaceAll("[^A-Za-z0-9._-]", "_"));
        file.toFile().deleteOnExit();
        return file;
    }

    /** A new empty folder in this process's folder, for a model file with the files beside it. */
    static synchronized Path createFolder() throws IOException {
        return Files.createTempDirectory(folder(), "model-");
    }

    private static Path folder() throws IOException {
        if (folder == null) {
            Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
            removeLeftovers(tmp);
            folder = Files.createDirectories(tmp.resolve(PREFIX + ProcessHandle.current().pid() + SUFFIX));
            Path created = folder;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(created), "temp-model-cleanup"));
        }
        return folder;
    }

    /** Folders of processes that no longer run (killed before their shutdown hook ran). */
    static void removeLeftovers(Path tmp) {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(tmp, PREFIX + "*" + SUFFIX)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                String pid = name.substring(PREFIX.length(), name.length() - SUFFIX.length());
                if (pid.matches("\\d{1,18}") && ProcessHandle.of(Long.parseLong(pid)).isEmpty()
                        && Files.isDirectory(entry, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    deleteTree(entry);
                }
            }
        } catch (IOException | RuntimeException e) {
            // Cleaning up after another process is best effort; it never stops a model from opening.
        }
    }

    static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    // best effort
                }
            });
        } catch (IOException | RuntimeException e) {
            // best effort
        }
    }
}
