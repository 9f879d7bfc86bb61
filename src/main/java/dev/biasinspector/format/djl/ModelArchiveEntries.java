package dev.biasinspector.format.djl;

import dev.biasinspector.format.ModelFormatException;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * The files of a zipped or tar.gz'ed DJL model folder, read without unpacking the archive: only
 * serving.properties (into memory, capped) and the one chosen model file (into a private temporary
 * file, capped at its declared size) ever leave it.
 */
final class ModelArchiveEntries {

    static final long MAX_PROPERTIES_BYTES = 64 * 1024;
    /** Entries listed from one archive; a real model folder has a handful. */
    static final int MAX_ENTRIES = 10_000;
    private static final int TAR_BLOCK = 512;

    private ModelArchiveEntries() {
    }

    static boolean isTarGz(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".tar.gz") || name.endsWith(".tgz");
    }

    /** Names of the regular files in the archive, {@code /}-separated. */
    static List<String> list(Path archive) throws IOException {
        if (isTarGz(archive)) {
            List<String> names = new ArrayList<>();
            forEachTarEntry(archive, (name, size, in) -> {
                names.add(name);
                if (names.size() > MAX_ENTRIES) {
                    throw new ModelFormatException("the archive holds more than " + MAX_ENTRIES
                            + " files, more than a model folder has");
                }
                return false;
            });
            return names;
        }
        try (ZipFile zip = openZip(archive)) {
            return list(zip);
        }
    }

    /** Names of the regular files in an opened zip. */
    static List<String> list(ZipFile zip) {
        List<String> names = new ArrayList<>();
        Enumeration<? extends ZipEntry> entries = zip.entries();
        while (entries.hasMoreElements()) {
            ZipEntry entry = entries.nextElement();
            if (!entry.isDirectory()) {
                names.add(entry.getName());
            }
        }
        return names;
    }

    /**
     * The entry's bytes as text (for serving.properties).
     *
     * @param opened the archive's zip when the caller has it open already, else {@code null}
     */
    static String readText(Path archive, ZipFile opened, String name) throws IOException {
        byte[][] found = {null};
        copy(archive, opened, name, MAX_PROPERTIES_BYTES, in -> found[0] = in.readNBytes((int) MAX_PROPERTIES_BYTES + 1));
        if (found[0].length > MAX_PROPERTIES_BYTES) {
            throw new ModelFormatException("serving.properties in the archive is too large");
        }
        return new String(found[0], StandardCharsets.UTF_8);
    }

    /**
     * Bytes an archive may inflate to, in all (listing a tar.gz inflates it whole): the larger of
     * 64 MiB and 64 times the archive's own size. Weights barely compress (real archives inflate
     * 1.1 to 3 times); a few megabytes that claim gigabytes are a bomb, refused before the
     * temporary folder fills.
     */
    static long inflateBudget(Path archive) throws IOException {
        long size = Files.size(archive);
        return Math.max(MIN_INFLATE_BUDGET, size > Long.MAX_VALUE / INFLATE_RATIO ? Long.MAX_VALUE : size * INFLATE_RATIO);
    }

    static final long MIN_INFLATE_BUDGET = 64L << 20;
    static final long INFLATE_RATIO = 64;

    /** Copies one entry, within {@link #inflateBudget}, to a private temporary file ({@link ProcessTempFiles}). */
    static Path extract(Path archive, ZipFile opened, String name) throws IOException {
        Path copy = ProcessTempFiles.create("-" + ModelFileChooser.baseName(name));
        try {
            copy(archive, opened, name, inflateBudget(archive), in -> {
                try (OutputStream out = Files.newOutputStream(copy)) {
                    in.transferTo(out);
                }
            });
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(copy);
            throw e;
        }
        return copy;
    }

    /**
     * Copies {@code name} and every other file of its archive folder and below into a new private
     * folder, keeping their paths relative to it, and returns the copy of {@code name}: an ONNX
     * model's external data files sit beside it ({@code location} is relative to the model).
     * Entries whose path would lead out of the folder ({@code ../}) are left out; all files
     * together inflate to at most the archive's budget.
     */
    static Path extractWithFolder(Path archive, ZipFile opened, String name, List<String> names) throws IOException {
        String dir = name.substring(0, name.lastIndexOf('/') + 1);
        Path folder = ProcessTempFiles.createFolder();
        long[] left = {inflateBudget(archive)};
        try {
            if (isTarGz(archive)) {
                // one pass: the tar stream is only read from the start
                forEachTarEntry(archive, (entryName, size, in) -> {
                    Path target = target(folder, dir, entryName);
                    if (target != null) {
                        write(target, in, entryName, left);
                    }
                    return false;
                });
            } else {
                for (String entryName : names) {
                    Path target = target(folder, dir, entryName);
                    if (target != null) {
                        copy(archive, opened, entryName, left[0], in -> write(target, in, entryName, left));
                    }
                }
            }
            Path model = folder.resolve(name.substring(dir.length()));
            if (!Files.isRegularFile(model)) {
                throw new ModelFormatException("the archive has no entry " + name);
            }
            return model;
        } catch (IOException | RuntimeException e) {
            ProcessTempFiles.deleteTree(folder);
            throw e;
        }
    }

    /** Where entry {@code entryName} goes in {@code folder}, or null when it is not in {@code dir} or would leave it. */
    private static Path target(Path folder, String dir, String entryName) {
        if (!entryName.startsWith(dir) || entryName.endsWith("/") || entryName.length() == dir.length()) {
            return null;
        }
        Path target = folder.resolve(entryName.substring(dir.length())).normalize();
        return target.startsWith(folder) && !target.equals(folder) ? target : null;
    }

    private static void write(Path target, InputStream in, String entryName, long[] left) throws IOException {
        Files.createDirectories(target.getParent());
        try (OutputStream out = Files.newOutputStream(target, java.nio.file.StandardOpenOption.CREATE_NEW)) {
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) {
                left[0] -= n;
                if (left[0] < 0) {
                    throw new ModelFormatException("the archive's folder of " + entryName
                            + " inflates to more than this app's budget (64 times the archive's size, and at least "
                            + MIN_INFLATE_BUDGET + " bytes)");
                }
                out.write(buffer, 0, n);
            }
        } catch (java.nio.file.FileAlreadyExistsException duplicate) {
            // a zip may name an entry twice; the first one stays
        }
    }

    private interface StreamUser {
        void use(InputStream in) throws IOException;
    }

    private interface TarVisitor {
        /** @return true to stop */
        boolean visit(String name, long size, InputStream content) throws IOException;
    }

    private static void copy(Path archive, ZipFile opened, String name, long maxSize, StreamUser user)
            throws IOException {
        if (isTarGz(archive)) {
            boolean[] found = {false};
            forEachTarEntry(archive, (entryName, size, in) -> {
                if (!entryName.equals(name)) {
                    return false;
                }
                if (size > maxSize) {
                    throw tooLarge(name, maxSize);
                }
                user.use(in);
                found[0] = true;
                return true;
            });
            if (!found[0]) {
                throw new ModelFormatException("the archive has no entry " + name);
            }
            return;
        }
        if (opened != null) {
            copy(opened, name, maxSize, user);
            return;
        }
        try (ZipFile zip = openZip(archive)) {
            copy(zip, name, maxSize, user);
        }
    }

    private static void copy(ZipFile zip, String name, long maxSize, StreamUser user) throws IOException {
        ZipEntry entry = zip.getEntry(name);
        if (entry == null) {
            throw new ModelFormatException("the archive has no entry " + name);
        }
        if (entry.getSize() > maxSize) {
            throw tooLarge(name, maxSize);
        }
        try (InputStream in = new BoundedInputStream(zip.getInputStream(entry), Math.min(maxSize,
                entry.getSize() < 0 ? Long.MAX_VALUE : entry.getSize()))) {
            user.use(in);
        } catch (ZipException | java.io.EOFException e) {
            throw new ModelFormatException("the model archive is damaged or truncated", e);
        }
    }

    private static ModelFormatException tooLarge(String name, long budget) {
        return new ModelFormatException("the archive's " + name + " inflates to more than " + budget
                + " bytes (this app inflates at most 64 times the archive's size, and at least "
                + MIN_INFLATE_BUDGET + " bytes)");
    }

    private static ZipFile openZip(Path archive) throws IOException {
        try {
            return new ZipFile(archive.toFile());
        } catch (ZipException | java.io.EOFException e) { // EOF: an end record pointing past the file
            throw new ModelFormatException("the model archive is damaged or truncated", e);
        }
    }

    /**
     * A minimal reader for ustar/GNU tar (regular files only): 512-byte headers with the name at
     * 0, the octal size at 124, the type at 156 and the ustar prefix at 345.
     */
    private static void forEachTarEntry(Path archive, TarVisitor visitor) throws IOException {
        long budget = inflateBudget(archive);
        try (InputStream in = new InflateBudget(new GZIPInputStream(Files.newInputStream(archive)), budget, archive)) {
            byte[] header = new byte[TAR_BLOCK];
            String longName = null;
            while (true) {
                if (in.readNBytes(header, 0, TAR_BLOCK) < TAR_BLOCK) {
                    throw new ModelFormatException("the model archive is truncated");
                }
                if (isZeroBlock(header)) {
                    return;
                }
                long size = octal(header, 124, 12);
                char type = (char) header[156];
                String name = longName != null ? longName : tarName(header);
                longName = null;
                long padded = (size + TAR_BLOCK - 1) / TAR_BLOCK * TAR_BLOCK;
                BoundedInputStream content = new BoundedInputStream(in, size);
                if (type == 'L') {
                    // GNU long name: the next entry's name is the content of this one
                    if (size > 4096) {
                        throw new ModelFormatException("the model archive is damaged (a file name is too long)");
                    }
                    longName = new String(content.readAllBytes(), StandardCharsets.UTF_8).replace("\0", "");
                } else if ((type == '0' || type == '\0') && visitor.visit(stripDot(name), size, content)) {
                    return;
                }
                content.skipRest();
                in.skipNBytes(padded - size);
            }
        } catch (java.io.EOFException | java.util.zip.ZipException e) {
            throw new ModelFormatException("the model archive is damaged or truncated", e);
        }
    }

    private static String stripDot(String name) {
        return name.startsWith("./") ? name.substring(2) : name;
    }

    private static boolean isZeroBlock(byte[] block) {
        for (byte b : block) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }

    private static String tarName(byte[] header) {
        String name = cString(header, 0, 100);
        String prefix = cString(header, 345, 155);
        return prefix.isEmpty() ? name : prefix + "/" + name;
    }

    private static String cString(byte[] bytes, int offset, int length) {
        int end = offset;
        while (end < offset + length && bytes[end] != 0) {
            end++;
        }
        return new String(bytes, offset, end - offset, StandardCharsets.UTF_8);
    }

    private static long octal(byte[] bytes, int offset, int length) throws ModelFormatException {
        long value = 0;
        for (int i = offset; i < offset + length && bytes[i] != 0 && bytes[i] != ' '; i++) {
            if (bytes[i] < '0' || bytes[i] > '7') {
                throw new ModelFormatException("the model archive is damaged (not a tar archive)");
            }
            value = value * 8 + (bytes[i] - '0');
        }
        return value;
    }

    /** Counts what a gzip stream inflates to and stops it at the archive's {@link #inflateBudget}. */
    private static final class InflateBudget extends java.io.FilterInputStream {
        private final long budget;
        private final Path archive;
        private long inflated;

        InflateBudget(InputStream in, long budget, Path archive) {
            super(in);
            this.budget = budget;
            this.archive = archive;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = in.read(b, off, len);
            count(n);
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            // through read(), so skipped bytes are inflated bytes and are counted too
            byte[] buffer = new byte[(int) Math.min(Math.max(n, 0), 64 * 1024)];
            int read = read(buffer, 0, buffer.length);
            return Math.max(read, 0);
        }

        private void count(int n) throws ModelFormatException {
            if (n > 0) {
                inflated += n;
                if (inflated > budget) {
                    throw new ModelFormatException("the archive inflates to more than " + budget
                            + " bytes (this app inflates at most 64 times the archive's size, and at least "
                            + MIN_INFLATE_BUDGET + " bytes)");
                }
            }
        }
    }

    /** Reads at most {@code limit} bytes, and fails if the stream ends before the declared size. */
    private static final class BoundedInputStream extends InputStream {
        private final InputStream in;
        private long left;

        BoundedInputStream(InputStream in, long limit) {
            this.in = in;
            this.left = limit;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (left <= 0) {
                return -1;
            }
            int n = in.read(b, off, (int) Math.min(len, left));
            if (n < 0) {
                if (left != Long.MAX_VALUE) {
                    throw new ModelFormatException("the model archive is truncated");
                }
                return -1;
            }
            left -= n;
            return n;
        }

        void skipRest() throws IOException {
            while (left > 0 && left != Long.MAX_VALUE) {
                long skipped = in.skip(left);
                if (skipped <= 0) {
                    if (in.read() < 0) {
                        throw new ModelFormatException("the model archive is truncated");
                    }
                    skipped = 1;
                }
                left -= skipped;
            }
        }

        @Override
        public void close() throws IOException {
            // the tar stream is shared between entries; the zip entry stream is closed by its ZipFile
        }
    }
}
