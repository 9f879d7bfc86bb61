package dev.biasinspector.session;

import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Tells the session's listeners what changed, and keeps them from changing the session while
 * they are told: a command a listener issues waits until every listener has been told (and the
 * command that caused the event has finished), so no view is updated in the middle of its own update.
 * Session thread only.
 */
final class SessionEvents {

    private final List<SessionListener> listeners = new CopyOnWriteArrayList<>();
    private final ArrayDeque<Runnable> later = new ArrayDeque<>();
    private boolean telling;
    private int depth;

    void add(SessionListener listener) {
        listeners.add(listener);
    }

    void tell(Consumer<SessionListener> event) {
        boolean outer = !telling;
        telling = true;
        try {
            for (SessionListener listener : listeners) {
                event.accept(listener);
            }
        } finally {
            if (outer) {
                telling = false;
            }
        }
    }

    /** Runs one of the session's commands now, or, when a listener issued it, once the current one is done. */
    void command(Runnable body) {
        if (telling || depth > 0 && !later.isEmpty()) {
            later.add(body);
            return;
        }
        depth++;
        try {
            body.run();
        } finally {
            depth--;
        }
        while (depth == 0 && !later.isEmpty()) {
            command(later.poll());
        }
    }
}
