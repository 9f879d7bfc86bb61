package dev.biasinspector.format.djl;

import dev.biasinspector.format.ModelFormatException;
import dev.biasinspector.model.LoadedModel;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A DJL parameter file written for a PyTorch {@code PtSymbolBlock}: after the header comes
 * u8 1, an i64 length and a whole TorchScript zip ({@code archive/...}), not a block tree.
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
        // TODO(lead): hand bytes [in.position(), in.position() + length) to
        //  dev.biasinspector.format.torchscript.TorchScriptArchiveReader once it is on main (the zip's
        //  offsets are relative to its own start, entries live under "archive/"), then add
        //  DjlParamsReader.headerProperties(header) to the result and keep format "djl".
        throw new ModelFormatException("this DJL file wraps a TorchScript model, which this version cannot read yet");
    }
}
