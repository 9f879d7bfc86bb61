package dev.biasinspector.gui;

import dev.biasinspector.model.LoadedModel;

import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JProgressBar;
import javax.swing.UIManager;
import java.awt.BorderLayout;
import java.awt.Dimension;
import java.awt.FlowLayout;

/**
 * Bottom line: what is open (format, layers, parameters, which reader produced the values) or, while
 * a file loads, a progress bar with Cancel.
 */
final class StatusBar extends JPanel {

    /** How long a note ("Saved fc1.png") stays before the line shows what is open again. */
    static final int NOTE_MILLIS = 10_000;

    /**
     * How long a load runs before the progress bar and Cancel appear. Most files open faster than
     * that (the demo in about 20 ms); showing the bar for them only made it flicker on every open,
     * and every show and hide after the window is up waits for the AWT lock. Escape cancels at any
     * time. 300 ms is what IDEs wait before their progress indicators.
     */
    static final int BUSY_DELAY_MILLIS = 300;

    private final JLabel text = new JLabel(" ");
    private final JLabel location = new JLabel();
    private final javax.swing.Timer noteTimer = new javax.swing.Timer(NOTE_MILLIS, null);
    private Runnable onNoteExpired = () -> { };
    private final JPanel busy = new JPanel(new FlowLayout(FlowLayout.TRAILING, 6, 0));
    private final JLabel busyText = new JLabel();
    private final JButton cancel = new JButton("Cancel");
    private Runnable onCancel = () -> { };
    private final javax.swing.Timer busyTimer;

    StatusBar() {
        this(BUSY_DELAY_MILLIS);
    }

    /** {@code busyDelayMillis}: how long a load runs before the progress bar shows (tests). */
    StatusBar(int busyDelayMillis) {
        super(new BorderLayout(8, 0));
        setBorder(BorderFactory.createCompoundBorder(
                BorderFactory.createMatteBorder(1, 0, 0, 0, UIManager.getColor("Component.borderColor")),
                BorderFactory.createEmptyBorder(3, 8, 3, 4)));
        text.setName("statusText");
        JProgressBar progress = new JProgressBar();
        progress.setIndeterminate(true);
        progress.setPreferredSize(new Dimension(120, progress.getPreferredSize().height));
        cancel.setName("cancelLoad");
        cancel.putClientProperty("JButton.buttonType", "borderless");
        cancel.addActionListener(e -> onCancel.run());
        busy.add(busyText);
        busy.add(progress);
        busy.add(cancel);
        busy.setVisible(false);
        add(text, BorderLayout.CENTER);
        location.setName("openFileLocation");
        location.putClientProperty("FlatLaf.styleClass", "small");
        location.setEnabled(false);
        JPanel east = new JPanel(new FlowLayout(FlowLayout.TRAILING, 8, 0));
        east.setOpaque(false);
        east.add(busy);
        east.add(location);
        add(east, BorderLayout.EAST);
        noteTimer.setRepeats(false);
        noteTimer.addActionListener(e -> onNoteExpired.run());
        busyTimer = new javax.swing.Timer(busyDelayMillis, e -> busy.setVisible(true));
        busyTimer.setRepeats(false);
    }

    @Override
    public void updateUI() {
        super.updateUI();
        // Theme switch: the top border colour comes from the look and feel.
        if (getBorder() != null) {
            setBorder(BorderFactory.createCompoundBorder(
                    BorderFactory.createMatteBorder(1, 0, 0, 0, UIManager.getColor("Component.borderColor")),
                    BorderFactory.createEmptyBorder(3, 8, 3, 4)));
        }
    }

    void showModel(LoadedModel model) {
        text.setText(describe(model));
    }

    /** The model and what goes with it, e.g. " · compared with b.pt". */
    void showModel(LoadedModel model, String suffix) {
        text.setText(describe(model) + suffix);
    }

    void showMessage(String message) {
        noteTimer.stop();
        text.setText(message);
    }

    /** The open file's path at the right end of the line (its full text also as a tooltip). */
    void showLocation(String path) {
        String shown = abbreviate(path, System.getProperty("user.home", ""));
        location.setText(shown.length() > 70 ? "\u2026" + shown.substring(shown.length() - 69) : shown);
        location.setToolTipText(path.isEmpty() ? null : path);
    }

    String openFileLocation() {
        return location.getToolTipText() == null ? "" : location.getToolTipText();
    }

    /** Runs {@code expire} after {@link #NOTE_MILLIS} unless another message comes first. */
    void expireLater(Runnable expire) {
        onNoteExpired = expire;
        noteTimer.restart();
    }

    String text() {
        return text.getText();
    }

    /**
     * Shows {@code what} with a progress bar and Cancel once the load has run for the busy delay,
     * or at once if the bar is already up (a second load after the first).
     */
    void showBusy(String what, Runnable cancelAction) {
        busyText.setText(what);
        onCancel = cancelAction;
        if (!busy.isVisible() && !busyTimer.isRunning()) {
            busyTimer.restart();
        }
    }

    /** The load ended: the bar goes, and a bar still waiting for its delay never shows. */
    void hideBusy() {
        busyTimer.stop();
        busy.setVisible(false);
        onCancel = () -> { };
    }

    /** True while a load runs but has not yet run for the busy delay. */
    boolean isBusyPending() {
        return busyTimer.isRunning();
    }

    /** "torchscript · 4 modules · 2 biases (2 Linear) · 430 parameters · read by: archive reader (no code run)". */
    static String describe(LoadedModel model) {
        return dev.biasinspector.session.ModelSummary.describe(model);
    }

    /** "~/models/a.pt" for a path in the user's home folder, as file managers and shells show it. */
    static String abbreviate(String path, String home) {
        if (home.length() > 1 && !home.equals(java.io.File.separator)) {
            String prefix = home.endsWith(java.io.File.separator) ? home : home + java.io.File.separator;
            if (path.startsWith(prefix)) {
                return "~" + java.io.File.separator + path.substring(prefix.length());
            }
        }
        return path;
    }
}
