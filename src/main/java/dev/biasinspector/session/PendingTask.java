package dev.biasinspector.session;

import java.util.function.Consumer;

/**
 * A task the session started. Cancelling drops its outcome even when the work cannot be stopped
 * (a reader that ignores interrupts): the session moves on at once.
 */
final class PendingTask {

    private TaskRunner.Handle handle;
    private boolean cancelled;
    private boolean finished;

    /**
     * Starts {@code work}; its outcome arrives as a session command unless cancelled first.
     *
     * @return the task, or null when the runner already finished it (a same-thread runner)
     */
    static <T> PendingTask start(TaskRunner tasks, SessionEvents events, TaskRunner.Work<T> work,
                                 Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        PendingTask pending = new PendingTask();
        pending.handle = tasks.run(work,
                result -> {
                    pending.finished = true;
                    events.command(() -> {
                        if (!pending.cancelled) {
                            onSuccess.accept(result);
                        }
                    });
                },
                failure -> {
                    pending.finished = true;
                    events.command(() -> {
                        if (!pending.cancelled) {
                            onFailure.accept(failure);
                        }
                    });
                });
        return pending.finished ? null : pending;
    }

    void cancel() {
        cancelled = true;
        if (handle != null) {
            handle.cancel();
        }
    }
}
