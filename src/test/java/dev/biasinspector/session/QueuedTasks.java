package dev.biasinspector.session;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A task runner that holds every task until the test says {@link #runAll()}: a load can be caught
 * half-way (to cancel it, or to start another) with no thread and no waiting.
 */
final class QueuedTasks implements TaskRunner {

    private final List<Runnable> queued = new ArrayList<>();

    @Override
    public <T> Handle run(Work<T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure) {
        boolean[] cancelled = {false};
        queued.add(() -> {
            if (cancelled[0]) {
                return;
            }
            T result;
            try {
                result = work.run();
            } catch (Exception e) {
                onFailure.accept(e);
                return;
            }
            onSuccess.accept(result);
        });
        return new Handle() {
            @Override
            public void cancel() {
                cancelled[0] = true;
            }

            @Override
            public boolean isCancelled() {
                return cancelled[0];
            }
        };
    }

    int size() {
        return queued.size();
    }

    /** Runs what is queued, including tasks those tasks start, in order. */
    void runAll() {
        while (!queued.isEmpty()) {
            queued.remove(0).run();
        }
    }
}
