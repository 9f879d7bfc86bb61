package dev.biasinspector.session;

import java.util.function.Consumer;

/**
 * Runs slow work (reading files, running the engine) for the session.
 *
 * <p>Thread contract: {@link #run} is called on the session's thread (the EDT in the window, the
 * calling thread on the command line and in tests). {@code work} may run on any thread and must
 * not touch the session or a view. {@code onSuccess} or {@code onFailure} runs exactly once, on the
 * session's thread, unless the task was cancelled before; then neither runs.
 */
public interface TaskRunner {

    /** Work that may fail. */
    @FunctionalInterface
    interface Work<T> {
        T run() throws Exception;
    }

    /** A started task. */
    interface Handle {
        /** Drops the outcome (its callbacks will not run) and interrupts the work. Session thread only. */
        void cancel();

        boolean isCancelled();
    }

    <T> Handle run(Work<T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure);

    /**
     * Runs the work at once on the caller's thread and calls back before returning: deterministic,
     * for the command line and unit tests.
     */
    static TaskRunner sameThread() {
        return new TaskRunner() {
            @Override
            public <T> Handle run(Work<T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure) {
                T result;
                try {
                    result = work.run();
                } catch (Exception | OutOfMemoryError | StackOverflowError failure) {
                    onFailure.accept(failure);
                    return DONE;
                }
                onSuccess.accept(result);
                return DONE;
            }
        };
    }

    /** The handle of a task that has already finished: cancelling it changes nothing. */
    Handle DONE = new Handle() {
        @Override
        public void cancel() {
        }

        @Override
        public boolean isCancelled() {
            return false;
        }
    };
}
