package dev.biasinspector.gui;

import javax.swing.Icon;
import javax.swing.JTree;
import javax.swing.UIManager;
import javax.swing.plaf.basic.BasicGraphicsUtils;
import javax.swing.tree.DefaultMutableTreeNode;
import javax.swing.tree.DefaultTreeCellRenderer;
import java.awt.Color;
import java.awt.Component;
import java.awt.Dimension;
import java.awt.FontMetrics;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.Insets;

/**
 * Draws a tree row as "path  Class  [shape]", the class and shape in the theme's muted colour.
 * The label holds the path; the muted part is drawn after it. Not HTML: an HTML label builds a
 * document per row and loads Swing's HTML kit and style sheet on the first one, which the window's
 * start and a tree of thousands of tensors both pay for.
 */
final class ModuleTreeCellRenderer extends DefaultTreeCellRenderer {

    private static final String GAP = "  ";

    private String muted = "";
    private Color mutedColour;

    @Override
    public Component getTreeCellRendererComponent(JTree tree, Object value, boolean selected, boolean expanded,
                                                  boolean leaf, int row, boolean hasFocus) {
        super.getTreeCellRendererComponent(tree, value, selected, expanded, leaf, row, hasFocus);
        Object item = value instanceof DefaultMutableTreeNode node ? node.getUserObject() : value;
        muted = "";
        if (item instanceof ModuleTreeItem moduleItem) {
            setText(moduleItem.title());
            muted = join(moduleItem.detail(), moduleItem.shape());
            Color disabled = UIManager.getColor("Label.disabledForeground");
            mutedColour = selected || disabled == null ? getForeground() : disabled;
            setToolTipText(moduleItem.bias() == null
                    ? moduleItem.fullName() + " (" + moduleItem.module().className() + ")"
                    : moduleItem.bias().name() + " " + moduleItem.shape() + " "
                    + moduleItem.bias().parameter().dtypeName() + " (" + moduleItem.module().className() + ")");
        }
        return this;
    }

    @Override
    public Dimension getPreferredSize() {
        Dimension size = super.getPreferredSize();
        if (size != null && !muted.isEmpty()) {
            size = new Dimension(size.width + getFontMetrics(getFont()).stringWidth(GAP + muted), size.height);
        }
        return size;
    }

    @Override
    protected void paintComponent(Graphics g) {
        super.paintComponent(g);
        if (muted.isEmpty()) {
            return;
        }
        FontMetrics metrics = getFontMetrics(getFont());
        Insets insets = getInsets();
        Icon icon = getIcon();
        int x = insets.left + (icon == null ? 0 : icon.getIconWidth() + getIconTextGap())
                + metrics.stringWidth(getText() + GAP);
        int y = insets.top + (getHeight() - insets.top - insets.bottom - metrics.getHeight()) / 2 + metrics.getAscent();
        Graphics2D g2 = (Graphics2D) g.create();
        try {
            g2.setFont(getFont());
            g2.setColor(mutedColour);
            // the label's own text rendering (anti-aliasing hints of the desktop)
            BasicGraphicsUtils.drawString(this, g2, muted, x, y);
        } finally {
            g2.dispose();
        }
    }

    private static String join(String detail, String shape) {
        if (detail.isEmpty()) {
            return shape;
        }
        return shape.isEmpty() ? detail : detail + GAP + shape;
    }
}
