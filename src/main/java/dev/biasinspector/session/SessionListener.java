package dev.biasinspector.session;

/**
 * Told what changed in a {@link BiasSession}, on the session's thread, after the session's state
 * is complete. A listener may call the session back; such a call runs once every listener has
 * been told (never in the middle of telling them), so a view is never asked to change while it
 * is being updated.
 */
public interface SessionListener {

    /** Another model (or checkpoint series) is open; the selection follows with {@link #selectionChanged()}. */
    default void modelChanged() {
    }

    /** The session selected other biases (after a load, or when asked to); the chart follows. */
    default void selectionChanged() {
    }

    /**
     * What the chart area shows changed.
     *
     * @param sameContent true when only the options changed (histogram, checkpoint, shading), so
     *                    a view may keep its zoom
     */
    default void chartChanged(boolean sameContent) {
    }

    /** A comparison started, was replaced or ended. */
    default void comparisonChanged() {
    }

    /** The status line or the loading state changed. */
    default void statusChanged() {
    }

    /** Open Recent gained or lost a file. */
    default void recentFilesChanged() {
    }

    /** Something the user asked for failed; the open model is unchanged. */
    default void failed(Failure failure) {
    }

    /**
     * A failure as the user reads it.
     *
     * @param title    e.g. "Cannot Open Model"
     * @param sentence one sentence naming the file and the reason
     * @param cause    the exception, for the details a user may expand
     */
    record Failure(String title, String sentence, Throwable cause) {
    }
}
