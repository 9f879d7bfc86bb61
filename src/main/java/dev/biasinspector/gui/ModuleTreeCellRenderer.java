package dev.biasinspector.gui;

import javax.swing.JTree;
import javax.swing.UIManager;
import javax.swing.tree.DefaultMutableTreeNode;
import javax.swing.tree.DefaultTreeCellRenderer;
import java.awt.Color;
import java.awt.Component;

/** Draws a tree row as "path  Class  [shape]", the class and shape in the theme's muted colour. */
final class ModuleTreeCellRenderer extends DefaultTreeCellRenderer {

    @Override
    public Component getTreeCellRendererComponent(JTree tree, Object value, boolean selected, boolean expanded,
                                                  boolean leaf, int row, boolean hasFocus) {
        super.getTreeCellRendererComponent(tree, value, selected, expanded, leaf, row, hasFocus);
        Object item = value instanceof DefaultMutableTreeNode node ? node.getUserObject() : value;
        if (item instanceof ModuleTreeItem moduleItem) {
            setText(html(moduleItem, selected));
            setToolTipText(moduleItem.bias() == null
                    ? moduleItem.fullName() + " (" + moduleItem.module().className() + ")"
                    : moduleItem.bias().name() + " " + moduleItem.shape() + " "
                    + moduleItem.bias().parameter().dtypeName() + " (" + moduleItem.module().className() + ")");
        }
        return this;
    }

    private static String html(ModuleTreeItem item, boolean selected) {
        StringBuilder text = new StringBuilder("<html>").append(escape(item.title()));
        String muted = selected ? null : hex(UIManager.getColor("Label.disabledForeground"));
        appendMuted(text, item.detail(), muted);
        appendMuted(text, item.shape(), muted);
        return text.append("</html>").toString();
    }

    private static void appendMuted(StringBuilder text, String part, String colour) {
        if (part.isEmpty()) {
            return;
        }
        text.append("&nbsp;&nbsp;");
        if (colour == null) {
            text.append(escape(part));
        } else {
            text.append("<font color='").append(colour).append("'>").append(escape(part)).append("</font>");
        }
    }

    private static String hex(Color colour) {
        return colour == null ? "#808080" : String.format("#%06x", colour.getRGB() & 0xFFFFFF);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
