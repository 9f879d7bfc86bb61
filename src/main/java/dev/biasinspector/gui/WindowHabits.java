package dev.biasinspector.gui;

import dev.biasinspector.model.BiasEntry;
import dev.biasinspector.session.BiasSession;
import dev.biasinspector.session.ReadAhead;
import dev.biasinspector.session.SessionListener;
import dev.biasinspector.settings.AppSettings;

import javax.swing.JFrame;
import java.awt.Frame;
import java.awt.GraphicsConfiguration;
import java.awt.GraphicsDevice;
import java.awt.GraphicsEnvironment;
import java.awt.Rectangle;
import java.awt.event.WindowAdapter;
import java.awt.event.WindowEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What the window looked like when it last closed: its bounds and maximized state, the divider
 * between tree and chart, the open model and its selected layers. All on the EDT; writing settings
 * only touches the in-memory preferences node.
 */
final class WindowHabits {

    private WindowHabits() {
    }

    /** Puts the window where it was (centred when that place is on no screen). Before it shows. */
    static void restoreBounds(MainWindow window, AppSettings settings) {
        settings.windowBounds().ifPresent(b -> {
            Rectangle saved = new Rectangle(b[0], b[1], b[2], b[3]);
            window.setSize(saved.width, saved.height);
            if (onSomeScreen(saved)) {
                window.setLocation(saved.x, saved.y);
            } else {
                window.setLocationRelativeTo(null);
            }
        });
        if (settings.treeDivider() > 0) {
            window.treeDivider().setDividerLocation(settings.treeDivider());
        }
        if (settings.windowMaximized()) {
            window.setExtendedState(window.getExtendedState() | Frame.MAXIMIZED_BOTH);
        }
    }

    /**
     * Starts reading what was open last time, before the window is built (see {@link ReadAhead}):
     * the last model with its layers, or the demo on the very first start; empty when there is
     * nothing to reopen or the last model has gone ({@link #sayIfTheLastModelHasGone}).
     */
    static Optional<ReadAhead> readAhead(AppSettings settings) {
        if (settings.firstStart()) {
            return Optional.of(ReadAhead.demo());
        }
        // One stat of a local path; a vanished network share is the rare case this may wait on.
        return settings.lastModel().filter(Files::exists).map(last -> ReadAhead.start(last, settings.lastSelection()));
    }

    /** When a start reopens nothing because the last model has gone, one status line says so. */
    static void sayIfTheLastModelHasGone(BiasSession session, AppSettings settings) {
        settings.lastModel().ifPresent(last -> session.setStatus("The last model, " + last + ", no longer exists"));
    }

    /** Records the model and selection as they change, and the window's place when it closes. */
    static void remember(MainWindow window, AppSettings settings) {
        BiasSession session = window.session();
        session.addListener(new SessionListener() {
            @Override
            public void modelChanged() {
                quietly(() -> settings.setLastModel(session.current().flatMap(m -> m.source().userPath())));
            }

            @Override
            public void selectionChanged() {
                quietly(() -> settings.setLastSelection(session.selection().stream().map(BiasEntry::name).toList()));
            }
        });
        window.addWindowListener(new WindowAdapter() {
            @Override
            public void windowClosing(WindowEvent e) {
                // Closing, not closed: File > Exit and the close button both send it while the
                // window still has its bounds; a window disposed by other code saves nothing.
                quietly(() -> save(window, settings));
            }
        });
    }

    private static void save(MainWindow window, AppSettings settings) {
        boolean maximized = (window.getExtendedState() & Frame.MAXIMIZED_BOTH) == Frame.MAXIMIZED_BOTH;
        settings.setWindowMaximized(maximized);
        if (!maximized) {
            Rectangle r = window.getBounds();
            settings.setWindowBounds(r.x, r.y, r.width, r.height);
        }
        settings.setTreeDivider(window.treeDivider().getDividerLocation());
    }

    /** A habit that cannot be written (its preferences node was removed) is not worth an error. */
    private static void quietly(Runnable write) {
        try {
            write.run();
        } catch (IllegalStateException removedNode) {
            // Nothing to tell the user: the window works the same, it just starts afresh next time.
        }
    }

    private static boolean onSomeScreen(Rectangle bounds) {
        for (GraphicsDevice device : GraphicsEnvironment.getLocalGraphicsEnvironment().getScreenDevices()) {
            GraphicsConfiguration config = device.getDefaultConfiguration();
            Rectangle visible = config.getBounds().intersection(bounds);
            // At least a title bar's worth of the window on this screen, so the user can drag it.
            if (visible.width >= 100 && visible.height >= 40) {
                return true;
            }
        }
        return false;
    }
}
