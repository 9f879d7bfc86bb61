package dev.biasinspector.gui;

import dev.biasinspector.settings.AppSettings;
import org.assertj.swing.core.BasicRobot;
import org.assertj.swing.core.Robot;
import org.assertj.swing.edt.FailOnThreadViolationRepaintManager;
import org.assertj.swing.edt.GuiActionRunner;
import org.assertj.swing.fixture.FrameFixture;
import org.assertj.swing.fixture.JTreeFixture;
import org.assertj.swing.timing.Condition;
import org.assertj.swing.timing.Pause;
import org.assertj.swing.timing.Timeout;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;

import javax.swing.JTree;
import java.awt.Toolkit;
import java.awt.event.InputEvent;
import java.awt.event.KeyEvent;
import javax.swing.tree.DefaultMutableTreeNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

/**
 * Starts the real main window in a real (X)display: under {@code xvfb-run} in CI. Never skips when
 * headless: a GUI test that skips reports green while testing nothing.
 */
abstract class AppWindowTestBase {

    static final Timeout LOAD_TIMEOUT = Timeout.timeout(30_000);

    protected Robot robot;
    protected FrameFixture window;
    protected MainWindow frame;
    protected AppSettings settings;
    private Preferences prefsNode;

    @BeforeAll
    static void failOnSwingCallsOffTheEdt() {
        // Any component touched off the Event Dispatch Thread (by the app or by a test) now throws.
        FailOnThreadViolationRepaintManager.install();
    }

    /** Starts the app on {@code model} with fresh settings (their own preferences node). */
    protected void start(Optional<Path> model) {
        start(model, new BackgroundTasks());
    }

    /** Starts the app with its file work run by {@code tasks}. */
    protected void start(Optional<Path> model, BackgroundTasks tasks) {
        // surefire points java.util.prefs.userRoot into target/; a node per test keeps them apart.
        prefsNode = Preferences.userRoot().node("bias-inspector-tests/" + UUID.randomUUID());
        settings = new AppSettings(prefsNode);
        robot = BasicRobot.robotWithCurrentAwtHierarchy();
        frame = GuiActionRunner.execute(() -> BiasInspectorApp.start(settings, model, tasks));
        window = new FrameFixture(robot, frame);
        awaitIdle();
    }

    /**
     * Closes the window as the user does and starts the app again with the same settings, as the
     * next run of the app would.
     */
    protected void restart(Optional<Path> model) {
        onEdt(() -> {
            frame.dispatchEvent(new java.awt.event.WindowEvent(frame, java.awt.event.WindowEvent.WINDOW_CLOSING));
            return null;
        });
        awaitTrue("the window to close", () -> !frame.isDisplayable());
        window.cleanUp();
        robot = BasicRobot.robotWithCurrentAwtHierarchy();
        frame = GuiActionRunner.execute(() -> BiasInspectorApp.start(settings, model, new BackgroundTasks()));
        window = new FrameFixture(robot, frame);
        awaitIdle();
    }

    @AfterEach
    void closeWindow() throws BackingStoreException {
        if (window != null) {
            window.cleanUp();
        }
        if (prefsNode != null) {
            prefsNode.removeNode();
        }
    }

    /** Waits until no model is loading and no bias values are being read. */
    protected void awaitIdle() {
        Pause.pause(new Condition("the window to finish loading") {
            @Override
            public boolean test() {
                return onEdt(() -> frame.session().isIdle());
            }
        }, LOAD_TIMEOUT);
        robot.waitForIdle();
    }

    protected void awaitChartOf(String biasName) {
        Pause.pause(new Condition("the chart of " + biasName) {
            @Override
            public boolean test() {
                return onEdt(() -> frame.session().isIdle() && frame.chartView().vector()
                        .map(v -> v.name().equals(biasName)).orElse(false));
            }
        }, LOAD_TIMEOUT);
    }

    /** The tree, its rows read by title ("SimpleNet/fc2") rather than by rendered HTML. */
    protected JTreeFixture tree() {
        return window.tree("moduleTree").replaceCellReader((tree, value) -> item(value).title());
    }

    /** Presses Ctrl+key (Cmd+key on macOS) with the focus where it is. */
    protected void pressMenuShortcut(int keyCode) {
        int modifier = Toolkit.getDefaultToolkit().getMenuShortcutKeyMaskEx() == InputEvent.META_DOWN_MASK
                ? KeyEvent.VK_META : KeyEvent.VK_CONTROL;
        robot.pressKey(modifier);
        try {
            robot.pressAndReleaseKey(keyCode);
        } finally {
            robot.releaseKey(modifier);
        }
    }

    /** Titles of the visible rows, top to bottom. */
    protected List<String> treeRows() {
        return onEdt(() -> {
            JTree tree = (JTree) robot.finder().findByName(frame, "moduleTree", true);
            List<String> rows = new ArrayList<>();
            for (int row = 0; row < tree.getRowCount(); row++) {
                rows.add(item(tree.getPathForRow(row).getLastPathComponent()).title());
            }
            return rows;
        });
    }

    /** The y values of the chart's only series, as the floats they were made from. */
    protected float[] chartValues() {
        return onEdt(() -> {
            XYDataset dataset = frame.chartView().chart().orElseThrow().getXYPlot().getDataset();
            float[] values = new float[dataset.getItemCount(0)];
            for (int i = 0; i < values.length; i++) {
                values[i] = (float) dataset.getYValue(0, i);
            }
            return values;
        });
    }

    /** Waits until {@code check} (run on the EDT) holds. */
    protected void awaitTrue(String description, Callable<Boolean> check) {
        awaitTrue(description, check, LOAD_TIMEOUT);
    }

    protected void awaitTrue(String description, Callable<Boolean> check, org.assertj.swing.timing.Timeout timeout) {
        Pause.pause(new Condition(description) {
            @Override
            public boolean test() {
                return onEdt(check);
            }
        }, timeout);
        robot.waitForIdle();
    }

    /** The chart on screen. */
    protected org.jfree.chart.JFreeChart chart() {
        return onEdt(() -> frame.chartView().chart().orElseThrow());
    }

    /** The y values of series {@code series} of a dataset, as the floats they were made from. */
    protected static float[] values(XYDataset dataset, int series) {
        return onEdt(() -> {
            float[] values = new float[dataset.getItemCount(series)];
            for (int i = 0; i < values.length; i++) {
                values[i] = (float) dataset.getYValue(series, i);
            }
            return values;
        });
    }

    /** Answers the file chooser that a menu command opened with {@code path}. */
    protected void choose(Path path) {
        org.assertj.swing.fixture.JFileChooserFixture chooser = window.fileChooser(LOAD_TIMEOUT);
        approve(chooser, null, path.toAbsolutePath().toString());
    }

    /**
     * Approves the chooser with {@code text} as the chosen file, as its Approve button does, and
     * waits until it has closed or is asking a question of its own (replace the file?). The file
     * is set on the chooser rather than typed: JFileChooser lists the folder on a background thread
     * and may reset its name field when done, which a robot typing at once can lose to.
     *
     * @param fileName unused; kept so tests read as "the name field gets this text"
     */
    protected void approve(org.assertj.swing.fixture.JFileChooserFixture chooser,
                           org.assertj.swing.fixture.JTextComponentFixture fileName, String text) {
        javax.swing.JFileChooser target = chooser.target();
        awaitTrue("the file chooser to show", target::isShowing);
        // invokeLater, not invokeAndWait: approving may open a modal question on the EDT.
        javax.swing.SwingUtilities.invokeLater(() -> {
            target.setSelectedFile(new java.io.File(text));
            target.approveSelection();
        });
        awaitTrue("the file chooser to take " + text, () -> !target.isShowing() || optionPaneShowing());
    }

    /**
     * Cancels a file chooser through the chooser itself and waits until it has closed. A robot's
     * click on its Cancel button was lost with both cores busy: the modal chooser stayed open,
     * and the next click on the menu bar "never showed a pop-up menu".
     */
    protected void cancel(org.assertj.swing.fixture.JFileChooserFixture chooser) {
        javax.swing.JFileChooser target = chooser.target();
        awaitTrue("the file chooser to show", target::isShowing);
        javax.swing.SwingUtilities.invokeLater(target::cancelSelection);
        awaitTrue("the file chooser to close", () -> !target.isShowing());
    }

    /**
     * Clicks a dialog's button once the dialog is showing and has the focus, then waits until the
     * dialog has closed. The click is the button's own {@code doClick} on the EDT: a robot's mouse
     * click on a modal dialog opened from another modal dialog was lost now and then on a busy
     * machine (the test then waited for a dialog that stayed open), and what these tests check is
     * what the app does with the answer, not the mouse.
     */
    protected void clickAndAwaitClosed(org.assertj.swing.fixture.AbstractButtonFixture<?, ?> button) {
        java.awt.Window dialog = onEdt(() -> javax.swing.SwingUtilities.getWindowAncestor(button.target()));
        awaitTrue("the dialog to show", () -> dialog.isShowing() && button.target().isShowing()
                && button.target().isEnabled());
        onEdt(() -> {
            dialog.toFront();
            return button.target().requestFocusInWindow();
        });
        awaitTrue("the dialog to have the focus", dialog::isFocused);
        // invokeLater: the answer may open another modal dialog, which would hold invokeAndWait.
        javax.swing.SwingUtilities.invokeLater(() -> button.target().doClick());
        awaitTrue("the dialog to close", () -> !dialog.isShowing());
    }

    /**
     * Presses a button through the button itself once it shows and is enabled, then lets the
     * event queue drain (invokeLater: pressing may open a modal dialog). A robot click on a
     * dialog, or on a button that has just appeared, was lost now and then on a busy machine; what
     * these tests check is what the app does when the button is pressed, not the mouse.
     */
    protected void press(org.assertj.swing.fixture.AbstractButtonFixture<?, ?> button) {
        javax.swing.AbstractButton target = button.target();
        awaitTrue("the " + target.getName() + " button", () -> target.isShowing() && target.isEnabled());
        javax.swing.SwingUtilities.invokeLater(target::doClick);
        robot.waitForIdle();
    }

    private static boolean optionPaneShowing() {
        for (java.awt.Window w : java.awt.Window.getWindows()) {
            if (w.isShowing() && w instanceof javax.swing.JDialog d
                    && d.getContentPane().getComponentCount() > 0
                    && d.getContentPane().getComponent(0) instanceof javax.swing.JOptionPane) {
                return true;
            }
        }
        return false;
    }

    protected String chartTitle() {
        return onEdt(() -> frame.chartView().chart().orElseThrow().getTitle().getText());
    }

    protected static <T> T onEdt(Callable<T> query) {
        return GuiActionRunner.execute(query);
    }

    private static ModuleTreeItem item(Object node) {
        return (ModuleTreeItem) ((DefaultMutableTreeNode) node).getUserObject();
    }

    /** What a file manager hands over when {@code file} is dropped on the window. */
    protected static java.awt.datatransfer.Transferable files(Path file) {
        return new java.awt.datatransfer.Transferable() {
            @Override
            public java.awt.datatransfer.DataFlavor[] getTransferDataFlavors() {
                return new java.awt.datatransfer.DataFlavor[] {java.awt.datatransfer.DataFlavor.javaFileListFlavor};
            }

            @Override
            public boolean isDataFlavorSupported(java.awt.datatransfer.DataFlavor flavor) {
                return java.awt.datatransfer.DataFlavor.javaFileListFlavor.equals(flavor);
            }

            @Override
            public Object getTransferData(java.awt.datatransfer.DataFlavor flavor) {
                return java.util.List.of(file.toFile());
            }
        };
    }
}
