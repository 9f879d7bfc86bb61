package dev.biasinspector.gui;

import dev.biasinspector.settings.AppSettings;

import javax.swing.JFrame;

/**
 * What the menu commands work on: the window (dialog parent), the settings, the background
 * worker, the model controller and the chart on screen.
 */
public record AppContext(JFrame frame, AppSettings settings, BackgroundTasks tasks, ModelController models,
                         BiasChartView chartView, ModuleTreePanel treePanel, StatusBar statusBar) {

    /** Shows a one-line message in the status bar (e.g. "Saved fc1.png"). */
    public void showStatus(String message) {
        statusBar.showMessage(message);
    }

    /** Reports a failure with one sentence and expandable details. */
    public void showError(String title, String sentence, Throwable failure) {
        ErrorDialog.show(frame, title, sentence, LoadFailure.details(failure));
    }
}
