package dev.biasinspector.format.torchscript;

import dev.biasinspector.format.ModelFormatException;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * The zip container PyTorch writes ({@code torch.jit.save}, {@code torch.save}). All records sit
 * under one folder whose name depends on how the file was saved, so it is taken from the file.
 *
 * <p>{@link ZipFile} is used rather than {@code ZipInputStream}: PyTorch's writer sets the
 * data-descriptor flag on stored entries, which {@code ZipInputStream} refuses.
 */
final class PyTorchArchive implements Closeable {

    /** data.pkl of a real model is kilobytes to a few megabytes; this bounds what a crafted one inflates to. */
    static final long MAX_PICKLE_BYTES = 64L << 20;
    /**
     * A compressed record is inflated whole (once) to read values from it; PyTorch stores tensor
     * records uncompressed, so one that inflates past this is refused rather than inflated.
     */
    static final long MAX_INFLATED_RECORD_BYTES = 64L << 20;

    private final ZipFile zip;
    private final String prefix;
    /** False when the zip was opened by the format detector, which closes it. */
    private final boolean ownsZip;

    private PyTorchArchive(ZipFile zip, String prefix, boolean ownsZip) {
        this.zip = zip;
        this.prefix = prefix;
        this.ownsZip = ownsZip;
    }

    static PyTorchArchive open(Path file) throws IOException {
        ZipFile zip;
        try {
            zip = new ZipFile(file.toFile());
        } catch (ZipException | java.io.EOFException e) { // EOF: an end record pointing past the file
            throw new ModelFormatException("the archive is damaged or truncated"
                    + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")"), e);
        }
        try {
            return of(zip, true);
        } catch (IOException | RuntimeException e) {
            zip.close();
            throw e;
        }
    }

    /**
     * Two entries with one name: PyTorch's miniz reader binary-searches a sorted directory and may
     * take either, {@link ZipFile} takes another, so the biases shown here could differ from those
     * PyTorch loads. Such a file is refused instead of guessed at.
     */
    private static void refuseDuplicateNames(ZipFile zip) throws ModelFormatException {
        java.util.Set<String> names = new java.util.HashSet<>();
        Enumeration<? extends ZipEntry> entries = zip.entries();
        while (entries.hasMoreElements()) {
            String name = entries.nextElement().getName();
            if (!names.add(name)) {
                throw new ModelFormatException("the archive holds two records named " + name
                        + "; PyTorch might load either, so it is not shown");
            }
        }
    }

    /** The archive in a zip the caller opened (and closes): its directory is not read again. */
    static PyTorchArchive borrow(ZipFile zip) throws IOException {
        return of(zip, false);
    }

    private static PyTorchArchive of(ZipFile zip, boolean owned) throws IOException {
        refuseDuplicateNames(zip);
        String prefix = findPrefix(zip);
        if (prefix == null) {
            throw new ModelFormatException("not a PyTorch archive: the zip has no data.pkl");
        }
        return new PyTorchArchive(zip, prefix, owned);
    }

    /** The folder holding {@code data.pkl}, e.g. {@code simple_net/}; the shallowest one wins. */
    private static String findPrefix(ZipFile zip) {
        String best = null;
        Enumeration<? extends ZipEntry> entries = zip.entries();
        while (entries.hasMoreElements()) {
            String name = entries.nextElement().getName();
            if (name.equals("data.pkl") || name.endsWith("/data.pkl")) {
                String candidate = name.substring(0, name.length() - "data.pkl".length());
                if (candidate.chars().filter(c -> c == '/').count() <= 1
                        && (best == null || candidate.length() < best.length())) {
                    best = candidate;
                }
            }
        }
        return best;
    }

    /** Unpickles {@code data.pkl}, executing nothing. */
    Object loadDataPickle() throws IOException {
        try {
            return TorchPickle.load(read("data.pkl", MAX_PICKLE_BYTES));
        } catch (dev.biasinspector.format.pickle.PickleException e) {
            throw new ModelFormatException("the model structure (data.pkl) is damaged: " + e.getMessage(), e);
        }
    }

    /** The byte order of tensor data: the {@code byteorder} record, little-endian when absent. */
    java.nio.ByteOrder byteOrder() throws IOException {
        if (!has("byteorder")) {
            return java.nio.ByteOrder.LITTLE_ENDIAN;
        }
        String order = text("byteorder");
        return switch (order) {
            case "little" -> java.nio.ByteOrder.LITTLE_ENDIAN;
            case "big" -> java.nio.ByteOrder.BIG_ENDIAN;
            default -> throw new ModelFormatException("unknown byte order '" + order + "' in the archive");
        };
    }

    /** Facts about the container, shown as model properties. */
    java.util.Map<String, String> describe() throws IOException {
        java.util.Map<String, String> properties = new java.util.LinkedHashMap<>();
        properties.put("archive folder", prefix.isEmpty() ? "(none)" : prefix);
        for (String record : new String[]{"version", ".data/version"}) {
            if (has(record)) {
                properties.put("archive version", text(record));
                break;
            }
        }
        properties.put("byte order", byteOrder() == java.nio.ByteOrder.LITTLE_ENDIAN ? "little" : "big");
        return properties;
    }

    private String text(String record) throws IOException {
        return new String(read(record, 64), java.nio.charset.StandardCharsets.US_ASCII).trim();
    }

    boolean has(String record) {
        return zip.getEntry(prefix + record) != null;
    }

    /** Uncompressed size the zip declares for a record, or -1 when it has none. */
    long declaredSize(String record) {
        ZipEntry entry = zip.getEntry(prefix + record);
        return entry == null ? -1 : entry.getSize();
    }

    /**
     * Reads a whole record, refusing more than {@code maxBytes} however the zip declares it
     * (a compressed record could inflate without bound).
     */
    byte[] read(String record, long maxBytes) throws IOException {
        ZipEntry entry = zip.getEntry(prefix + record);
        if (entry == null) {
            throw new ModelFormatException("the archive has no record " + record);
        }
        if (entry.getSize() > maxBytes) {
            throw new ModelFormatException("record " + record + " is larger than " + maxBytes + " bytes");
        }
        try (InputStream in = zip.getInputStream(entry)) {
            byte[] bytes = in.readNBytes((int) Math.min(maxBytes + 1, Integer.MAX_VALUE - 8));
            if (bytes.length > maxBytes) {
                throw new ModelFormatException("record " + record + " is larger than " + maxBytes + " bytes");
            }
            return bytes;
        } catch (ZipException | java.io.EOFException e) {
            throw new ModelFormatException("the archive is damaged or truncated (record " + record + ")", e);
        }
    }

    /** Whether a record is compressed, so that reading from its middle means inflating from its start. */
    boolean isCompressed(String record) {
        ZipEntry entry = zip.getEntry(prefix + record);
        return entry != null && entry.getMethod() != ZipEntry.STORED;
    }

    /** Inflates a compressed record whole, refusing one that inflates past {@link #MAX_INFLATED_RECORD_BYTES}. */
    byte[] inflate(String record) throws IOException {
        ZipEntry entry = zip.getEntry(prefix + record);
        if (entry != null && entry.getSize() > MAX_INFLATED_RECORD_BYTES) {
            throw new ModelFormatException("record " + record + " is compressed and would inflate to "
                    + entry.getSize() + " bytes, more than the " + MAX_INFLATED_RECORD_BYTES
                    + " this app inflates for one record");
        }
        try {
            return read(record, MAX_INFLATED_RECORD_BYTES);
        } catch (ModelFormatException e) {
            if (e.getMessage().startsWith("record " + record + " is larger")) {
                throw new ModelFormatException("record " + record + " is compressed and inflates to more than the "
                        + MAX_INFLATED_RECORD_BYTES + " bytes this app inflates for one record");
            }
            throw e;
        }
    }

    /** Reads {@code length} bytes of a record starting at {@code offset}. */
    byte[] readRange(String record, long offset, int length) throws IOException {
        ZipEntry entry = zip.getEntry(prefix + record);
        if (entry == null) {
            throw new ModelFormatException("the archive has no record " + record);
        }
        try (InputStream in = zip.getInputStream(entry)) {
            in.skipNBytes(offset);
            byte[] bytes = in.readNBytes(length);
            if (bytes.length != length) {
                throw new ModelFormatException("record " + record + " is shorter than its tensor");
            }
            return bytes;
        } catch (ZipException | java.io.EOFException e) {
            throw new ModelFormatException("the archive is damaged or truncated (record " + record + ")", e);
        }
    }

    @Override
    public void close() throws IOException {
        if (ownsZip) {
            zip.close();
        }
    }
}
