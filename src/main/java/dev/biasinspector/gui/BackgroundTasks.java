package dev.biasinspector.gui;

import javax.swing.SwingUtilities;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Runs file work (opening models, reading bias values, writing exports) off the Event Dispatch
 * Thread and hands the outcome back on it. A cancelled task's outcome is dropped: the reader may
 * not notice the interrupt, but the window moves on at once.
 */
public final class BackgroundTasks {

    /** Work that may fail; runs on a background thread and must not touch Swing. */
    @FunctionalInterface
    public interface Work<T> {
        T run() throws Exception;
    }

    /** A running task. */
    public interface Handle {
        /** Stops waiting for the task; its callbacks will not run. Call on the EDT. */
        void cancel();

        boolean isCancelled();
    }

    private final ExecutorService executor;

    public BackgroundTasks() {
        AtomicInteger count = new AtomicInteger();
        ThreadFactory threads = runnable -> {
            Thread thread = new Thread(runnable, "bias-inspector-worker-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
        // Cached rather than single-threaded: a cancelled load that ignores interrupts must not
        // block the next file the user opens.
        this.executor = Executors.newCachedThreadPool(threads);
    }

    /**
     * Runs {@code work} in the background, then {@code onSuccess} or {@code onFailure} on the EDT
     * unless the task was cancelled first.
     */
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
