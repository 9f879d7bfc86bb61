package dev.biasinspector.gui;

import dev.biasinspector.instance.SingleInstance;
import dev.biasinspector.session.LoadFailure;
import dev.biasinspector.session.ReadAhead;

import dev.biasinspector.settings.AppSettings;

import javax.swing.SwingUtilities;
import java.awt.GraphicsEnvironment;
import java.awt.event.WindowAdapter;
import java.awt.event.WindowEvent;
import java.nio.file.Path;
import java.util.Optional;

/** Starts the desktop app. */
public final class BiasInspectorApp {

    private BiasInspectorApp() {
    }

    /**
     * Opens the main window on {@code model}, or on the bundled demo when empty, and returns at
     * once; the JVM exits when the window is closed. Called by {@code Main} when no subcommand is
     * given.
     *
     * @throws IllegalStateException when there is no display (the command line still works); its
     *                               message is one sentence for the user
     */
    public static void launch(Optional<Path> model) {
        if (GraphicsEnvironment.isHeadless()) {
            // Not HeadlessException: its message gets two more lines about X11 appended.
            throw new IllegalStateException("no display available; use the command line (list, dump, export)");
        }
        // A double-clicked file while a window is open goes to that window (see SingleInstance).
        Optional<SingleInstance> instance = Optional.empty();
        if (!"false".equals(System.getProperty("bias-inspector.singleInstance"))) {
            Path folder = SingleInstance.defaultFolder();
            instance = SingleInstance.claim(folder);
            if (instance.isEmpty() && SingleInstance.handOver(folder, model)) {
                System.exit(0);
            }
        }
        Optional<SingleInstance> receiver = instance;
        SwingUtilities.invokeLater(() -> {
            Thread.setDefaultUncaughtExceptionHandler(BiasInspectorApp::showUnexpected);
            MainWindow window = start(AppSettings.forUser(), model);
            FirstChartProbe.installIfAsked(window);
            receiver.ifPresent(r -> acceptHandOvers(r, window));
            window.addWindowListener(new WindowAdapter() {
                @Override
                public void windowClosed(WindowEvent e) {
                    // DJL's native engine may leave non-daemon threads running.
                    System.exit(0);
                }
            });
        });
    }

    /**
     * Installs the theme, shows the window and starts opening {@code model} (or the demo). Call on
     * the EDT. Tests use this with their own settings node.
     */
    public static MainWindow start(AppSettings settings, Optional<Path> model) {
        return start(settings, model, new BackgroundTasks());
    }

    static MainWindow start(AppSettings settings, Optional<Path> model, BackgroundTasks tasks) {
        // Read on the other core while the theme and the window are built (see ReadAhead): the
        // file given, else what was open last time, else (first start) the demo.
        Optional<ReadAhead> ahead = model.isPresent() ? model.map(ReadAhead::start) : WindowHabits.readAhead(settings);
        Themes.install(settings.darkTheme());
        MainWindow window = new MainWindow(settings, tasks);
        window.setIconImages(AppIcon.images());
        WindowHabits.restoreBounds(window, settings);
        WindowHabits.remember(window, settings);
        // The file has been read since before the theme was installed, on the other core while
        // the EDT built the window; the session takes it on a worker and shows it, usually before
        // the window's first paint (first chart of the demo 441 instead of 457 ms median, 20
        // interleaved starts; MobileNet v2 488 instead of 521 ms).
        ahead.ifPresentOrElse(window.session()::open,
                () -> WindowHabits.sayIfTheLastModelHasGone(window.session(), settings));
        window.setVisible(true);
        return window;
    }

    /**
     * Files handed over by later starts open in {@code window}, which comes to the front; a start
     * without a file only brings it to the front.
     */
    public static void acceptHandOvers(SingleInstance instance, MainWindow window) {
        instance.start(file -> SwingUtilities.invokeLater(() -> {
            file.ifPresent(window.session()::open);
            if ((window.getExtendedState() & java.awt.Frame.ICONIFIED) != 0) {
                window.setExtendedState(window.getExtendedState() & ~java.awt.Frame.ICONIFIED);
            }
            window.toFront();
            window.requestFocus();
        }));
    }

    /** A bug, not a user error: say so in one sentence, with the trace behind "Details". */
    private static void showUnexpected(Thread thread, Throwable failure) {
        failure.printStackTrace();
        Runnable show = () -> ErrorDialog.show(null, "Unexpected Error",
                "Something went wrong inside Bias Inspector (" + failure.getClass().getSimpleName()
                        + "). The open model is unchanged; details below.", LoadFailure.details(failure));
        if (SwingUtilities.isEventDispatchThread()) {
            show.run();
        } else {
            SwingUtilities.invokeLater(show);
        }
    }
}
