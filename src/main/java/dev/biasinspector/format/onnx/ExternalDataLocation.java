package dev.biasinspector.format.onnx;

import dev.biasinspector.format.ModelFormatException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where an externally stored tensor's bytes lie: {@code location} relative to the model's folder,
 * {@code offset} and {@code length} in that file (ONNX {@code docs/ExternalData.md}).
 *
 * <p>A location may never leave the model's folder: absolute paths, {@code ..} and anything that
 * resolves (also through symbolic links) outside the folder are refused, as the ONNX checker does,
 * so a downloaded model cannot make the app read {@code /etc/passwd} or another user's files.
 *
 * @param file   the data file, inside the model's folder
 * @param offset where the tensor's bytes start
 * @param length how many bytes it has
 */
record ExternalDataLocation(Path file, long offset, long length) {

    /** Resolves and checks an initializer's external_data entries against the file they name. */
    static ExternalDataLocation resolve(Path modelFolder, String tensor, Map<String, String> entries)
            throws IOException {
        String location = entries.getOrDefault("location", "");
        if (location.isEmpty()) {
            throw new ModelFormatException("the tensor " + tensor + " is stored externally but names no file");
        }
        Path file = insideFolder(modelFolder, tensor, location);
        if (!Files.isRegularFile(file)) {
            throw new ModelFormatException("the external data file " + location + " of tensor " + tensor + " is missing");
        }
        long size = Files.size(file);
        long offset = number(entries, "offset", 0, tensor);
        if (offset > size) {
            throw new ModelFormatException("the tensor " + tensor + " starts at byte " + offset + " of " + location
                    + ", beyond its end (" + size + " bytes)");
        }
        long length = number(entries, "length", size - offset, tensor);
        if (length > size - offset) {
            throw new ModelFormatException("the tensor " + tensor + " claims " + length + " bytes from byte " + offset
                    + " of " + location + ", beyond its end (" + size + " bytes)");
        }
        return new ExternalDataLocation(file, offset, length);
    }

    private static Path insideFolder(Path modelFolder, String tensor, String location) throws IOException {
        String refused = "the tensor " + tensor + " refers to data outside the model's folder (" + location + ")";
        if (location.startsWith("/") || location.startsWith("\\") || location.matches("^[A-Za-z]:.*")
                || location.indexOf('\0') >= 0) {
            throw new ModelFormatException(refused);
        }
        for (String part : location.split("[/\\\\]")) {
            if (part.equals("..")) {
                throw new ModelFormatException(refused);
            }
        }
        Path folder = modelFolder.toAbsolutePath().normalize();
        Path file;
        try {
            file = folder.resolve(location).normalize();
        } catch (InvalidPathException e) {
            throw new ModelFormatException("the tensor " + tensor + " names an invalid external data file (" + location + ")", e);
        }
        if (!file.startsWith(folder) || file.equals(folder)) {
            throw new ModelFormatException(refused);
        }
        if (Files.exists(file, LinkOption.NOFOLLOW_LINKS) && Files.exists(file)
                && !file.toRealPath().startsWith(folder.toRealPath())) {
            // a symbolic link inside the folder that points out of it
            throw new ModelFormatException(refused);
        }
        return file;
    }

    private static long number(Map<String, String> entries, String key, long otherwise, String tensor)
            throws ModelFormatException {
        String text = entries.get(key);
        if (text == null) {
            return otherwise;
        }
        try {
            long value = Long.parseLong(text.trim());
            if (value >= 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ModelFormatException("the tensor " + tensor + " has an invalid external data " + key + " (" + text + ")");
    }
}
