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
        // surefire points java.util.prefs.userRoot into target/; a node per test keeps them apart.
        prefsNode = Preferences.userRoot().node("bias-inspector-tests/" + UUID.randomUUID());
        settings = new AppSettings(prefsNode);
        robot = BasicRobot.robotWithCurrentAwtHierarchy();
        frame = GuiActionRunner.execute(() -> BiasInspectorApp.start(settings, model));
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
        approve(chooser, new org.assertj.swing.fixture.JTextComponentFixture(robot,
                robot.finder().findByType(chooser.target(), javax.swing.JTextField.class, true)),
                path.toAbsolutePath().toString());
    }

    /**
     * Types {@code text} into the chooser's file name field and approves. JFileChooser lists the
     * folder on a background thread and may reset the field when it is done, which a person typing
     * never notices but a robot typing at once can: so this tries again until the chooser has
     * closed, or is asking a question of its own (replace the file?).
     */
    protected void approve(org.assertj.swing.fixture.JFileChooserFixture chooser,
                           org.assertj.swing.fixture.JTextComponentFixture fileName, String text) {
        for (int attempt = 1; ; attempt++) {
            fileName.setText(text);
            chooser.approve();
            if (awaitAccepted(chooser.target())) {
                return;
            }
            if (attempt == 3) {
                throw new AssertionError("the file chooser did not take " + text);
            }
        }
    }

    private boolean awaitAccepted(javax.swing.JFileChooser target) {
        long end = System.nanoTime() + 3_000_000_000L;
        while (System.nanoTime() < end) {
            robot.waitForIdle();
            if (onEdt(() -> !target.isShowing() || optionPaneShowing())) {
                return true;
            }
            org.assertj.swing.timing.Pause.pause(50);
        }
        return false;
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
}
