package dev.biasinspector.format.djl;

import dev.biasinspector.format.ModelFormatException;
import dev.biasinspector.format.torchscript.TorchScriptArchiveReader;
import dev.biasinspector.model.LoadedModel;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;

/**
 * A DJL parameter file written for a PyTorch {@code PtSymbolBlock}: after the header comes
 * u8 1, an i64 length and a whole TorchScript zip ({@code archive/...}) instead of a block tree.
 * That zip is read by the code-free {@link TorchScriptArchiveReader}, which also yields PyTorch's
 * class names.
 */
final class EmbeddedTorchScript {

    private static final byte[] ZIP_MAGIC = {'P', 'K', 3, 4};

    private EmbeddedTorchScript() {
    }

    static boolean isAt(BinaryCursor in, long blockStart) throws ModelFormatException {
        if (in.limit() - blockStart < 1 + 8 + ZIP_MAGIC.length) {
            return false;
        }
        in.seek(blockStart);
        if (in.u8() != 1) {
            return false;
        }
        in.skip(8);
        return in.lookingAt(ZIP_MAGIC);
    }

    static LoadedModel read(Path file, BinaryCursor in, DjlParamsHeader header) throws IOException {
        in.seek(header.blockStart() + 1);
        long length = in.i64();
        if (length < 0 || length > in.remaining()) {
            throw new ModelFormatException(BinaryCursor.TRUNCATED);
        }
        // The archive reader opens zips by path with java.util.zip.ZipFile, which rejects a ZIP64
        // archive that does not start at offset 0, so the zip is copied to a private temporary file
        // that lives as long as the JVM (tensor values are read from it lazily).
        // TODO(lead): an offset-aware PyTorchArchive.open(file, offset, length) would avoid the copy.
        Path copy = ProcessTempFiles.create(".pt");
        try (FileChannel source = FileChannel.open(file, StandardOpenOption.READ);
             FileChannel target = FileChannel.open(copy, StandardOpenOption.WRITE)) {
            long copied = 0;
            while (copied < length) {
                long n = source.transferTo(in.position() + copied, length - copied, target);
                if (n <= 0) {
                    throw new ModelFormatException(BinaryCursor.TRUNCATED);
                }
                copied += n;
            }
        }
        LoadedModel inner = new TorchScriptArchiveReader().read(copy);
        Map<String, String> properties = DjlParamsReader.headerProperties(header);
        inner.properties().forEach(properties::putIfAbsent);
        return new LoadedModel(file, DjlParamsReader.FORMAT,
                "DJL parameter file holding a TorchScript model, " + inner.source(), inner.root(), properties);
    }
}
