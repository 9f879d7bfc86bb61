package dev.biasinspector.format;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/** The first bytes of a file (or the fact that it is a folder), used to pick a reader. */
public record FileSignature(Path path, boolean directory, long size, byte[] head) {

    public static final int HEAD_LENGTH = 64;

    public static FileSignature of(Path path) throws IOException {
        if (Files.isDirectory(path)) {
            return new FileSignature(path, true, 0, new byte[0]);
        }
        try (InputStream in = Files.newInputStream(path)) {
            byte[] head = in.readNBytes(HEAD_LENGTH);
            return new FileSignature(path, false, Files.size(path), head);
        }
    }

    public boolean startsWith(byte... prefix) {
        return head.length >= prefix.length && Arrays.equals(head, 0, prefix.length, prefix, 0, prefix.length);
    }

    public boolean isZip() {
        return startsWith((byte) 'P', (byte) 'K', (byte) 3, (byte) 4);
    }
}
