package dev.biasinspector.gui;

import dev.biasinspector.settings.AppSettings;

import javax.imageio.ImageIO;
import javax.swing.JDialog;
import javax.swing.JFrame;
import javax.swing.JTextField;
import javax.swing.SwingUtilities;
import java.awt.Rectangle;
import java.awt.Robot;
import java.awt.Window;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import java.util.prefs.Preferences;

/**
 * Takes the screenshots of each state (demo, filtered tree, error dialog, dark theme) for looking
 * at them, and for the README: {@code ScreenshotTour OUTPUT_FOLDER [MODEL_FOR_FILTER]}. Run under
 * Xvfb; FlatLaf draws the title bar because a bare X server has no window manager.
 */
public final class ScreenshotTour {

    private ScreenshotTour() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        Files.createDirectories(out);
        JFrame.setDefaultLookAndFeelDecorated(true);
        JDialog.setDefaultLookAndFeelDecorated(true);
        Preferences node = Preferences.userRoot().node("bias-inspector-screenshots");
        node.removeNode();
        AppSettings settings = new AppSettings(Preferences.userRoot().node("bias-inspector-screenshots"));
        Robot robot = new Robot();

        MainWindow frame = onEdt(() -> BiasInspectorApp.start(settings, Optional.empty()));
        onEdt(() -> {
            frame.setBounds(40, 40, 1000, 650);
            return null;
        });
        await(frame);
        shoot(robot, frame, out.resolve("demo.png"));

        onEdt(() -> {
            frame.treePanel().setFilter("fc2");
            return null;
        });
        shoot(robot, frame, out.resolve("filtered-demo.png"));

        if (args.length > 1) {
            onEdt(() -> {
                frame.treePanel().setFilter("");
                frame.session().open(Path.of(args[1]));
                return null;
            });
            await(frame);
            onEdt(() -> {
                menuItem(frame, "View", "All layers with a bias").doClick();
                frame.treePanel().setFilter("conv.1");
                return null;
            });
            shoot(robot, frame, out.resolve("filtered-all.png"));
            onEdt(() -> {
                frame.treePanel().setFilter("");
                return null;
            });
        }

        Path corrupt = Files.write(Files.createTempFile("corrupt", ".pt"), "not a model at all".getBytes());
        onEdt(() -> {
            frame.session().open(corrupt);
            return null;
        });
        Window dialog = awaitDialog();
        shoot(robot, frame, out.resolve("error.png"));
        onEdt(() -> {
            clickDetails(dialog);
            return null;
        });
        Thread.sleep(500);
        shoot(robot, dialog, out.resolve("error-details.png"));
        onEdt(() -> {
            dialog.dispose();
            return null;
        });

        onEdt(() -> {
            menuItem(frame, "View", "Dark Theme").doClick();
            return null;
        });
        shoot(robot, frame, out.resolve("dark.png"));
        onEdt(() -> {
            frame.dispose();
            return null;
        });
        System.exit(0);
    }

    static void clickDetails(Window dialog) {
        for (java.awt.Component c : allComponents(dialog)) {
            if ("errorDetailsToggle".equals(c.getName())) {
                ((javax.swing.AbstractButton) c).doClick();
            }
        }
    }

    static java.util.List<java.awt.Component> allComponents(java.awt.Container root) {
        java.util.List<java.awt.Component> all = new java.util.ArrayList<>();
        for (java.awt.Component c : root.getComponents()) {
            all.add(c);
            if (c instanceof java.awt.Container container) {
                all.addAll(allComponents(container));
            }
        }
        return all;
    }

    static Window awaitDialog() throws Exception {
        for (int i = 0; i < 100; i++) {
            Window found = onEdt(() -> {
                for (Window w : Window.getWindows()) {
                    if (w instanceof JDialog && w.isShowing()) {
                        return w;
                    }
                }
                return null;
            });
            if (found != null) {
                Thread.sleep(500);
                return found;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("no dialog");
    }

    static void await(MainWindow frame) throws Exception {
        for (int i = 0; i < 300 && !onEdt(() -> frame.session().isIdle() && frame.session().current().isPresent()); i++) {
            Thread.sleep(100);
        }
        Thread.sleep(700);
    }

    static void shoot(Robot robot, Window window, Path file) throws Exception {
        Thread.sleep(400);
        Rectangle bounds = onEdt(window::getBounds);
        ImageIO.write(robot.createScreenCapture(bounds), "png", file.toFile());
        System.out.println("wrote " + file);
    }

    static <T> T onEdt(Callable<T> query) throws Exception {
        AtomicReference<T> result = new AtomicReference<>();
        AtomicReference<Exception> failure = new AtomicReference<>();
        SwingUtilities.invokeAndWait(() -> {
            try {
                result.set(query.call());
            } catch (Exception e) {
                failure.set(e);
            }
        });
        if (failure.get() != null) {
            throw failure.get();
        }
        return result.get();
    }

    /** A menu item found by its menu's and its own text, so a new menu entry does not shift the tour. */
    static javax.swing.JMenuItem menuItem(javax.swing.JFrame frame, String menu, String item) {
        javax.swing.JMenuBar bar = frame.getJMenuBar();
        for (int m = 0; m < bar.getMenuCount(); m++) {
            javax.swing.JMenu candidate = bar.getMenu(m);
            if (candidate != null && menu.equals(candidate.getText())) {
                for (int i = 0; i < candidate.getItemCount(); i++) {
                    javax.swing.JMenuItem entry = candidate.getItem(i);
                    if (entry != null && item.equals(entry.getText())) {
                        return entry;
                    }
                }
            }
        }
        throw new IllegalArgumentException("no menu item " + menu + " > " + item);
    }
}
