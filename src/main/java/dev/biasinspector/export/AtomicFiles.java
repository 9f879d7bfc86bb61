package dev.biasinspector.export;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes a file so that it is either the old one or the complete new one: the bytes go to a
 * temporary file in the same folder, which is then renamed over the target. A failed write leaves
 * an existing file untouched and no temporary file behind.
 */
public final class AtomicFiles {

    /** What to write into the temporary file. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private static final FileAttribute<Set<PosixFilePermission>> ALL_READ_WRITE =
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-rw-rw-"));

    private AtomicFiles() {
    }

    /**
     * Writes {@code target}. Only a regular file (or a new one) is replaced by renaming a temporary
     * file over it. Renaming over anything else would destroy it — a symbolic link, or, as root,
     * a device such as {@code /dev/full} — so: a symbolic link is followed and what it points to is
     * written by these same rules ({@code /dev/stdout} ends up written into); a device or FIFO is
     * written into, as a shell redirection would; a folder or socket is refused.
     */
    public static void write(Path target, Content content) throws IOException {
        Path absolute = target.toAbsolutePath();
        if (Files.isSymbolicLink(absolute)) {
            Path resolved;
            try {
                resolved = absolute.toRealPath();
            } catch (java.nio.file.NoSuchFileException e) {
                throw new IOException("it is a symbolic link to a file that does not exist; nothing was written");
            }
            write(resolved, content);
            return;
        }
        if (Files.exists(absolute, java.nio.file.LinkOption.NOFOLLOW_LINKS)
                && !Files.isRegularFile(absolute, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            writeInto(target, absolute, content);
            return;
        }
        Path temp = createTempBeside(absolute.getParent(), absolute.getFileName().toString());
        try {
            try (OutputStream out = Files.newOutputStream(temp)) {
                content.writeTo(out);
            }
            moveIntoPlace(temp, absolute);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** A device or FIFO: opened for writing as it is, never created, truncated or replaced. */
    private static void writeInto(Path target, Path absolute, Content content) throws IOException {
        if (Files.isDirectory(absolute, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            throw new IOException("it is a folder, not a file; nothing was written");
        }
        java.nio.file.attribute.BasicFileAttributes attributes = Files.readAttributes(absolute,
                java.nio.file.attribute.BasicFileAttributes.class, java.nio.file.LinkOption.NOFOLLOW_LINKS);
        if (!attributes.isOther()) {
            throw new IOException("it is not a file that can be written; nothing was written");
        }
        try (OutputStream out = Files.newOutputStream(absolute, java.nio.file.StandardOpenOption.WRITE)) {
            content.writeTo(out);
        } catch (java.nio.file.FileSystemException e) {
            // e.g. a socket: "No such device or address"
            throw new IOException("it cannot be written (" + (e.getReason() == null ? "not a file" : e.getReason())
                    + ")", e);
        } catch (IOException e) {
            // e.g. /dev/full: "No space left on device"
            throw new IOException("writing into it failed (" + e.getMessage() + ")", e);
        }
    }

    /**
     * Not {@link Files#createTempFile}: that makes the file private (0600) and the rename would
     * carry those permissions over to the user's file. Mode 0666 lets the umask decide, as for any
     * new file.
     */
    private static Path createTempBeside(Path folder, String name) throws IOException {
        boolean posix = folder.getFileSystem().supportedFileAttributeViews().contains("posix");
        for (int attempt = 0; ; attempt++) {
            String suffix = Long.toHexString(ThreadLocalRandom.current().nextLong());
            Path temp = folder.resolve("." + name + "." + suffix + ".tmp");
            try {
                return posix ? Files.createFile(temp, ALL_READ_WRITE) : Files.createFile(temp);
            } catch (FileAlreadyExistsException e) {
                if (attempt > 100) {
                    throw e;
                }
            }
        }
    }

    private static void moveIntoPlace(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            // Some file systems (network shares, some FUSE mounts) cannot rename atomically.
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
