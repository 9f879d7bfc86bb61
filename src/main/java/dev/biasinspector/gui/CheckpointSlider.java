package dev.biasinspector.gui;

import javax.swing.BorderFactory;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JSlider;
import java.awt.BorderLayout;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * Steps through a checkpoint series: a slider with a tick per checkpoint, named below it, and the
 * current checkpoint's name beside it. Arrow keys move it one checkpoint at a time.
 */
final class CheckpointSlider extends JPanel {

    /** Above this many checkpoints only some ticks are named, or the names would overlap. */
    private static final int MAX_NAMED_TICKS = 10;

    private final JSlider slider = new JSlider(0, 0, 0);
    private final JLabel current = new JLabel();
    private List<String> labels = List.of();
    private boolean updating;

    /** @param moved told the new index when the user moves the slider, on the EDT */
    CheckpointSlider(IntConsumer moved) {
        super(new BorderLayout(10, 0));
        setBorder(BorderFactory.createEmptyBorder(2, 12, 0, 12));
        slider.setName("checkpointSlider");
        slider.setSnapToTicks(true);
        slider.setPaintTicks(true);
        slider.setPaintLabels(true);
        slider.setMajorTickSpacing(1);
        slider.addChangeListener(e -> {
            showCurrent();
            if (!updating && !slider.getValueIsAdjusting()) {
                moved.accept(slider.getValue());
            }
        });
        current.setName("checkpointName");
        JLabel caption = new JLabel("Checkpoint");
        caption.setEnabled(false);
        add(caption, BorderLayout.WEST);
        add(slider, BorderLayout.CENTER);
        add(current, BorderLayout.EAST);
    }

    /** Shows these checkpoints with {@code index} selected, without telling the listener. */
    void setCheckpoints(List<String> names, int index) {
        updating = true;
        try {
            labels = List.copyOf(names);
            slider.setMaximum(Math.max(0, names.size() - 1));
            slider.setLabelTable(tickLabels(names));
            slider.setValue(index);
        } finally {
            updating = false;
        }
        showCurrent();
    }

    int index() {
        return slider.getValue();
    }

    private void showCurrent() {
        int i = slider.getValue();
        current.setText(labels.isEmpty() ? "" : labels.get(i) + "  (" + (i + 1) + " of " + labels.size() + ")");
    }

    private static Dictionary<Integer, JLabel> tickLabels(List<String> names) {
        Hashtable<Integer, JLabel> table = new Hashtable<>();
        int step = Math.max(1, (int) Math.ceil(names.size() / (double) MAX_NAMED_TICKS));
        for (int i = 0; i < names.size(); i += step) {
            table.put(i, small(names.get(i)));
        }
        table.put(names.size() - 1, small(names.get(names.size() - 1)));
        return table;
    }

    private static JLabel small(String text) {
        JLabel label = new JLabel(text);
        label.putClientProperty("FlatLaf.styleClass", "small");
        return label;
    }
}
