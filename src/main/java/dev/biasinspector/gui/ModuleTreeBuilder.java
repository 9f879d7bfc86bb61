package dev.biasinspector.gui;

import dev.biasinspector.model.BiasEntry;
import dev.biasinspector.model.LoadedModel;
import dev.biasinspector.model.ModuleNode;

import javax.swing.tree.DefaultMutableTreeNode;
import java.util.List;
import java.util.Locale;

/**
 * Builds the rows of the module tree: modules holding a bias that passes the layer toggle and the
 * filter, plus their ancestors so the hierarchy stays readable. No Swing components involved.
 */
public final class ModuleTreeBuilder {

    private ModuleTreeBuilder() {
    }

    /**
     * @param allBiases whether to show every layer with a bias, not just Linear ones
     * @param filter    text typed by the user; a module stays when its path, class or a bias
     *                  name contains it, ignoring case; blank keeps everything
     * @return the root row, or {@code null} when nothing is left
     */
    public static DefaultMutableTreeNode build(LoadedModel model, boolean allBiases, String filter) {
        String needle = filter == null ? "" : filter.strip().toLowerCase(Locale.ROOT);
        List<BiasEntry> biases = model.biases(allBiases);
        return node(model.root(), biases, needle);
    }

    private static DefaultMutableTreeNode node(ModuleNode module, List<BiasEntry> biases, String needle) {
        List<BiasEntry> own = shown(module, biases.stream().filter(b -> b.module() == module).toList(), needle);
        boolean matches = !own.isEmpty();

        DefaultMutableTreeNode row = new DefaultMutableTreeNode(
                ModuleTreeItem.module(module, matches && own.size() == 1 ? own.get(0) : null));
        if (matches && own.size() > 1) {
            for (BiasEntry bias : own) {
                row.add(new DefaultMutableTreeNode(ModuleTreeItem.bias(bias), false));
            }
        }
        for (ModuleNode child : module.children()) {
            DefaultMutableTreeNode childRow = node(child, biases, needle);
            if (childRow != null) {
                row.add(childRow);
            }
        }
        return matches || row.getChildCount() > 0 ? row : null;
    }

    /** All of a module's biases when the module matches, else those whose own name does. */
    private static List<BiasEntry> shown(ModuleNode module, List<BiasEntry> own, String needle) {
        if (needle.isEmpty() || contains(module.path(), needle) || contains(module.className(), needle)) {
            return own;
        }
        return own.stream().filter(b -> contains(b.name(), needle)).toList();
    }

    private static boolean contains(String text, String needle) {
        return text.toLowerCase(Locale.ROOT).contains(needle);
    }
}
