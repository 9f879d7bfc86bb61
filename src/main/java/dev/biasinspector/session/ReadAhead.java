package dev.biasinspector.session;

import dev.biasinspector.model.BiasEntry;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * A model file read while the window is still being built: the app starts it as it starts and
 * hands it to {@link BiasSession#open(ReadAhead)} once the window exists, so the first chart does
 * not wait for a read that could have run on the other core all along. It reads what the session
 * would read: the model, then the values of the bias the session will show first.
 *
 * <p>Thread contract: {@link #start} from any thread; the reading runs on a daemon thread of its
 * own; {@link #take} waits for it and is called by the session's worker, never on the EDT. A
 * session that moves on to another file drops it; the read still finishes and is forgotten.
 */
public final class ReadAhead {

    private final ModelSource source;
    private final List<String> select;
    private final FutureTask<OpenModel> reading;

    private ReadAhead(ModelSource source, List<String> select) {
        this.source = source;
        this.select = List.copyOf(select);
        this.reading = new FutureTask<>(this::read);
    }

    private ReadAhead begin() {
        Thread thread = new Thread(reading, "bias-inspector-read-ahead");
        thread.setDaemon(true);
        thread.start();
        return this;
    }

    /** Starts reading {@code file} (a model file or folder, as {@link BiasSession#open(Path)} takes). */
    public static ReadAhead start(Path file) {
        return start(file, List.of());
    }

    /** The same, to show {@code biasNames} (those it has), as {@link BiasSession#open(Path, List)}. */
    public static ReadAhead start(Path file, List<String> biasNames) {
        return new ReadAhead(new ModelSource.UserFile(file), biasNames).begin();
    }

    /** The bundled SimpleNet with {@code fc1}, as {@link BiasSession#openDemo()}. */
    public static ReadAhead demo() {
        return new ReadAhead(new ModelSource.Demo(), ModelSource.Demo.FIRST_BIAS).begin();
    }

    private OpenModel read() throws IOException {
        OpenModel opened = OpenModel.read(source, Engine.ARCHIVE);
        List<BiasEntry> first = BiasChoice.pick(opened.model(), select);
        // A series' chart is read across all its checkpoints by the session; not twice.
        if (!first.isEmpty() && opened.checkpoints().isEmpty()) {
            try {
                ContentReader.read(opened, null, first);
            } catch (IOException unreadable) {
                // The session finds the values missing, reads them again and says why they fail.
            }
        }
        return opened;
    }

    ModelSource source() {
        return source;
    }

    List<String> select() {
        return select;
    }

    /** The model, once read; throws what reading it threw. */
    OpenModel take() throws Exception {
        try {
            return reading.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception failure) {
                throw failure;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }
}
