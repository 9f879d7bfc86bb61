package dev.biasinspector.gui;

import dev.biasinspector.session.BiasSession;
import dev.biasinspector.session.LoadFailure;
import dev.biasinspector.session.TaskRunner;
import dev.biasinspector.settings.AppSettings;

import javax.swing.JFrame;

/**
 * What the menu commands work on: the session (what is open and shown), the window as the parent
 * of dialogs, the settings, the background worker for writing files, and the chart as drawn on
 * screen (its size and zoom, for exports). Views are bound to the session, not handed to commands.
 */
public record AppContext(JFrame frame, AppSettings settings, TaskRunner tasks, BiasSession session,
                         BiasChartView chart) {

    /** Shows a one-line message in the status bar (e.g. "Saved fc1.png"). */
    public void showStatus(String message) {
        session.setStatus(message);
    }

    /** Reports a failure with one sentence and expandable details. */
    public void showError(String title, String sentence, Throwable failure) {
        ErrorDialog.show(frame, title, sentence, LoadFailure.details(failure));
    }
}
