package dev.biasinspector.gui;

import dev.biasinspector.session.TaskRunner;

import javax.swing.SwingUtilities;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The window's {@link TaskRunner}: file work (opening models, reading bias values, writing
 * exports) runs on worker threads and the outcome comes back on the Event Dispatch Thread, the
 * session's thread in the window. A cancelled task's outcome is dropped: the reader may not notice
 * the interrupt, but the window moves on at once.
 */
public final class BackgroundTasks implements TaskRunner {

    private final ExecutorService executor;

    public BackgroundTasks() {
        this(workers());
    }

    /** Runs the work on {@code executor} (tests hold it back to catch a load half-way). */
    BackgroundTasks(ExecutorService executor) {
        this.executor = executor;
    }

    private static ExecutorService workers() {
        AtomicInteger count = new AtomicInteger();
        ThreadFactory threads = runnable -> {
            Thread thread = new Thread(runnable, "bias-inspector-worker-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
        // Cached rather than single-threaded: a cancelled load that ignores interrupts must not
        // block the next file the user opens.
        return Executors.newCachedThreadPool(threads);
    }

    /**
     * Runs {@code work} in the background, then {@code onSuccess} or {@code onFailure} on the EDT
     * unless the task was cancelled first.
     */
    @Override
    public <T> Handle run(Work<T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure) {
        AtomicBoolean cancelled = new AtomicBoolean();
        Future<?> future = executor.submit(() -> {
            T result;
            try {
                result = work.run();
            } catch (Throwable failure) {
                SwingUtilities.invokeLater(() -> {
                    if (!cancelled.get()) {
                        onFailure.accept(failure);
                    }
                });
                return;
            }
            SwingUtilities.invokeLater(() -> {
                if (!cancelled.get()) {
                    onSuccess.accept(result);
                }
            });
        });
        return new Handle() {
            @Override
            public void cancel() {
                cancelled.set(true);
                future.cancel(true);
            }

            @Override
            public boolean isCancelled() {
                return cancelled.get();
            }
        };
    }

    public void shutdown() {
        executor.shutdownNow();
    }
}
