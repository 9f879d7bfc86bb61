package dev.biasinspector.format;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.zip.ZipFile;

/**
 * The answer of {@link FormatDetector}: the kind of a path and what the detector already opened to
 * decide it, so the reader picked does not open it again. For zips that is the {@link ZipFile}
 * (its central directory read once); close the detection when the reader is done with it.
 *
 * @param path    the file or folder looked at
 * @param kind    what it holds
 * @param what    for {@link ModelKind#UNSUPPORTED}: what the file is ("a Keras HDF5 file"); else the
 *                kind's description
 * @param zip     the opened zip when the file is one, else {@code null}; owned by this object
 * @param entries for a zip: the names of its entries in directory order; else empty
 */
public record DetectedModel(Path path, ModelKind kind, String what, ZipFile zip, List<String> entries)
        implements Closeable {

    public DetectedModel {
        entries = List.copyOf(entries);
    }

    static DetectedModel of(Path path, ModelKind kind) {
        return new DetectedModel(path, kind, kind.description(), null, List.of());
    }

    static DetectedModel unsupported(Path path, String what) {
        return new DetectedModel(path, ModelKind.UNSUPPORTED, what, null, List.of());
    }

    /** The opened zip, for readers of zip-based kinds. */
    public Optional<ZipFile> openedZip() {
        return Optional.ofNullable(zip);
    }

    /** The sentence for a file that is recognised but not supported. */
    public String unsupportedSentence() {
        return what + ": not supported yet";
    }

    @Override
    public void close() throws IOException {
        if (zip != null) {
            zip.close();
        }
    }
}
