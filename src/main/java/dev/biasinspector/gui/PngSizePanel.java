package dev.biasinspector.gui;

import javax.swing.BorderFactory;
import javax.swing.JCheckBox;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JSpinner;
import javax.swing.SpinnerNumberModel;
import java.awt.Dimension;
import java.awt.GridBagConstraints;
import java.awt.GridBagLayout;
import java.awt.Insets;

/**
 * Width, height, "2x for high-DPI" and, when the window is dark, "Light theme" beside the file
 * list of the PNG export dialog: a chart for a paper or a slide is usually wanted light whatever
 * the window looks like.
 */
public final class PngSizePanel extends JPanel {

    /** Largest side offered; at 2x that is 10,000 pixels, about 400 MB while rendering. */
    public static final int MAX_SIDE = 5000;

    private final JSpinner width;
    private final JSpinner height;
    private final JCheckBox doubleScale = new JCheckBox("2x (high-DPI)");
    private final JCheckBox lightTheme = new JCheckBox("Light theme");

    public PngSizePanel(Dimension initial) {
        this(initial, false);
    }

    /** @param windowIsDark whether to offer the light theme (a light window exports light anyway) */
    public PngSizePanel(Dimension initial, boolean windowIsDark) {
        super(new GridBagLayout());
        setBorder(BorderFactory.createCompoundBorder(BorderFactory.createTitledBorder("Image size"),
                BorderFactory.createEmptyBorder(4, 6, 4, 6)));
        width = spinner("pngWidth", initial.width);
        height = spinner("pngHeight", initial.height);
        doubleScale.setName("pngDoubleScale");
        GridBagConstraints c = new GridBagConstraints();
        c.insets = new Insets(2, 2, 2, 2);
        c.anchor = GridBagConstraints.LINE_START;
        add(new JLabel("Width"), at(c, 0, 0));
        add(width, at(c, 1, 0));
        add(new JLabel("Height"), at(c, 0, 1));
        add(height, at(c, 1, 1));
        c.gridwidth = 2;
        add(doubleScale, at(c, 0, 2));
        lightTheme.setName("pngLightTheme");
        lightTheme.setToolTipText("Export with a white background whatever the window's theme");
        lightTheme.setVisible(windowIsDark);
        add(lightTheme, at(c, 0, 3));
        add(new JLabel(" "), at(c, 0, 4));
    }

    public int pngWidth() {
        return (Integer) width.getValue();
    }

    public int pngHeight() {
        return (Integer) height.getValue();
    }

    public double scale() {
        return doubleScale.isSelected() ? 2.0 : 1.0;
    }

    /** Whether the PNG is drawn in the light theme instead of the window's. */
    public boolean lightTheme() {
        return lightTheme.isVisible() && lightTheme.isSelected();
    }

    private static JSpinner spinner(String name, int value) {
        int clamped = Math.max(16, Math.min(MAX_SIDE, value));
        JSpinner spinner = new JSpinner(new SpinnerNumberModel(clamped, 16, MAX_SIDE, 10));
        spinner.setName(name);
        ((JSpinner.DefaultEditor) spinner.getEditor()).getTextField().setColumns(5);
        return spinner;
    }

    private static GridBagConstraints at(GridBagConstraints c, int x, int y) {
        c.gridx = x;
        c.gridy = y;
        return c;
    }
}
