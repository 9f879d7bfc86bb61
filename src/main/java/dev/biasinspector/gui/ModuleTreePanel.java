package dev.biasinspector.gui;

import dev.biasinspector.model.BiasEntry;
import dev.biasinspector.model.LoadedModel;

import javax.swing.Action;
import javax.swing.BorderFactory;
import javax.swing.JCheckBox;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JTextField;
import javax.swing.JTree;
import javax.swing.SwingConstants;
import javax.swing.ToolTipManager;
import javax.swing.event.DocumentEvent;
import javax.swing.event.DocumentListener;
import javax.swing.tree.DefaultMutableTreeNode;
import javax.swing.tree.DefaultTreeModel;
import javax.swing.tree.TreeNode;
import javax.swing.tree.TreePath;
import javax.swing.tree.TreeSelectionModel;
import java.awt.BorderLayout;
import java.awt.CardLayout;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The left side: a filter field, the "all layers" toggle and the tree of modules with biases.
 * Selecting rows (by mouse or keyboard; Ctrl/Shift-click for several) reports their biases in
 * row order; plain module rows add none.
 */
public final class ModuleTreePanel extends JPanel {

    private static final String TREE_CARD = "tree";
    private static final String EMPTY_CARD = "empty";

    private final JTextField filterField = new JTextField();
    private final JTree tree = new JTree(new DefaultTreeModel(null)) {
        /**
         * Scrolls rows into view vertically only: a deep row's rectangle starts far right, and
         * following it would hide the names of its parents (and every shallower row) on the left.
         */
        @Override
        public void scrollRectToVisible(java.awt.Rectangle rect) {
            super.scrollRectToVisible(new java.awt.Rectangle(0, rect.y, 1, rect.height));
        }
    };
    private final JLabel emptyLabel = new JLabel("", SwingConstants.CENTER);
    private final CardLayout cards = new CardLayout();
    private final JPanel treeArea = new JPanel(cards);
    /** How many of a container's biases are overlaid when the container's row is selected. */
    static final int CONTAINER_BIASES = 8;

    private final Consumer<List<BiasEntry>> selectionListener;

    private LoadedModel model;
    /** The biases last reported to the listener, i.e. the ones the chart shows. */
    private List<String> shownBiases = List.of();
    private boolean allBiases;
    private boolean rebuilding;

    private final JPanel top = new JPanel(new BorderLayout(0, 2));

    /** @param listener told about each new selection, on the EDT */
    public ModuleTreePanel(Consumer<List<BiasEntry>> listener) {
        super(new BorderLayout(0, 4));
        this.selectionListener = listener;
        setBorder(BorderFactory.createEmptyBorder(6, 6, 0, 0));

        filterField.setName("treeFilter");
        filterField.putClientProperty("JTextField.placeholderText", "Filter layers");
        filterField.putClientProperty("JTextField.showClearButton", true);
        filterField.getDocument().addDocumentListener(new DocumentListener() {
            @Override
            public void insertUpdate(DocumentEvent e) {
                rebuild();
            }

            @Override
            public void removeUpdate(DocumentEvent e) {
                rebuild();
            }

            @Override
            public void changedUpdate(DocumentEvent e) {
                rebuild();
            }
        });
        top.add(filterField, BorderLayout.NORTH);
        add(top, BorderLayout.NORTH);

        tree.setName("moduleTree");
        tree.setRootVisible(true);
        tree.setShowsRootHandles(true);
        tree.setCellRenderer(new ModuleTreeCellRenderer());
        // Ctrl/Shift-click selects several layers: they are overlaid in one chart.
        tree.getSelectionModel().setSelectionMode(TreeSelectionModel.DISCONTIGUOUS_TREE_SELECTION);
        tree.addTreeSelectionListener(e -> {
            if (!rebuilding) {
                List<BiasEntry> picked = selectedBiases();
                if (picked.isEmpty()) {
                    // A container row (a block, the model itself): its layers' biases, overlaid,
                    // instead of a blank chart; a row with nothing below leaves the chart as it was.
                    picked = biasesUnderSelection();
                }
                if (!picked.isEmpty() || tree.isSelectionEmpty()) {
                    report(picked);
                }
            }
        });
        ToolTipManager.sharedInstance().registerComponent(tree);
        emptyLabel.setName("treeEmpty");
        emptyLabel.setEnabled(false);
        treeArea.add(new JScrollPane(tree), TREE_CARD);
        treeArea.add(emptyLabel, EMPTY_CARD);
        add(treeArea, BorderLayout.CENTER);
        showEmpty("No model open");
    }

    /** Adds the "all layers" toggle under the filter; its SELECTED_KEY is the state. */
    public void addToggle(Action showAllAction) {
        JCheckBox showAll = new JCheckBox(showAllAction);
        showAll.setName("showAllBiases");
        top.add(showAll, BorderLayout.SOUTH);
        allBiases = Boolean.TRUE.equals(showAllAction.getValue(Action.SELECTED_KEY));
    }

    /**
     * Shows a newly loaded model with nothing selected (the caller picks the row to select);
     * keeps the filter text.
     */
    public void setModel(LoadedModel newModel) {
        this.model = newModel;
        this.shownBiases = List.of();
        rebuild(List.of(), false);
    }

    public void setAllBiases(boolean all) {
        if (all != allBiases) {
            allBiases = all;
            rebuild();
        }
    }

    public void setFilter(String text) {
        filterField.setText(text);
    }

    /** The first selected bias in row order: the one a comparison or a series shows. */
    public Optional<BiasEntry> selectedBias() {
        return selectedBiases().stream().findFirst();
    }

    /** The selected biases, top row first. */
    public List<BiasEntry> selectedBiases() {
        TreePath[] paths = tree.getSelectionPaths();
        if (paths == null) {
            return List.of();
        }
        List<TreePath> sorted = new ArrayList<>(Arrays.asList(paths));
        sorted.sort(Comparator.comparingInt(tree::getRowForPath));
        List<BiasEntry> biases = new ArrayList<>();
        for (TreePath path : sorted) {
            if (path.getLastPathComponent() instanceof DefaultMutableTreeNode node) {
                ((ModuleTreeItem) node.getUserObject()).selectedBias().ifPresent(biases::add);
            }
        }
        return biases;
    }

    /** The biases listed under the selected rows, in tree order, at most {@value #CONTAINER_BIASES}. */
    List<BiasEntry> biasesUnderSelection() {
        TreePath[] paths = tree.getSelectionPaths();
        List<BiasEntry> biases = new ArrayList<>();
        if (paths == null) {
            return biases;
        }
        for (TreePath path : paths) {
            DefaultMutableTreeNode node = (DefaultMutableTreeNode) path.getLastPathComponent();
            for (Enumeration<TreeNode> e = node.preorderEnumeration(); e.hasMoreElements()
                    && biases.size() < CONTAINER_BIASES; ) {
                ModuleTreeItem item = (ModuleTreeItem) ((DefaultMutableTreeNode) e.nextElement()).getUserObject();
                if (item.bias() != null && !biases.contains(item.bias())) {
                    biases.add(item.bias());
                }
            }
        }
        return biases;
    }

    /** Selects the row showing the bias named {@code name}; false when it is not in the tree. */
    public boolean selectBias(String name) {
        return selectBiases(List.of(name));
    }

    /**
     * Selects the rows of these biases (replacing the selection); false when one is not in the
     * tree (the others are still selected).
     */
    public boolean selectBiases(List<String> names) {
        List<TreePath> paths = new ArrayList<>();
        for (String name : names) {
            DefaultMutableTreeNode row = findRow(name);
            if (row != null) {
                paths.add(new TreePath(row.getPath()));
            }
        }
        if (paths.isEmpty()) {
            return false;
        }
        tree.setSelectionPaths(paths.toArray(TreePath[]::new));
        tree.scrollPathToVisible(paths.get(0));
        return paths.size() == names.size();
    }

    /**
     * Selects the rows of the biases the session shows, without reporting them back (the session
     * already knows); a bias the filter or the toggle hides stays unselected.
     */
    public void showSelection(List<String> names) {
        rebuilding = true;
        try {
            if (names.isEmpty() || !selectBiases(names) && selectedBiases().isEmpty()) {
                tree.clearSelection();
            }
        } finally {
            rebuilding = false;
        }
        shownBiases = List.copyOf(names);
    }

    /** Selects the first row with a bias, if any; returns its bias. */
    public Optional<BiasEntry> selectFirstBias() {
        DefaultMutableTreeNode root = root();
        if (root == null) {
            return Optional.empty();
        }
        for (Enumeration<TreeNode> e = root.preorderEnumeration(); e.hasMoreElements(); ) {
            DefaultMutableTreeNode node = (DefaultMutableTreeNode) e.nextElement();
            ModuleTreeItem item = (ModuleTreeItem) node.getUserObject();
            if (item.bias() != null) {
                selectBias(item.bias().name());
                return Optional.of(item.bias());
            }
        }
        return Optional.empty();
    }

    @Override
    public boolean requestFocusInWindow() {
        return tree.requestFocusInWindow();
    }

    /**
     * Rebuilds after a change of filter or toggle, keeping the selected bias when it is still shown.
     * The chart never follows the filter: a hidden selection leaves the plot as it was until the
     * user picks a row (typing "fc" should not flash through every match's chart).
     */
    private void rebuild() {
        if (model != null) {
            // Nothing selected (the filter hid it a moment ago): come back to the chart's biases.
            List<String> selected = names(selectedBiases());
            rebuild(selected.isEmpty() ? shownBiases : selected, false);
        }
    }

    /** Puts the cursor in the filter field with its text selected (Ctrl+F). */
    public void focusFilter() {
        filterField.selectAll();
        filterField.requestFocusInWindow();
    }

    private void report(List<BiasEntry> selection) {
        shownBiases = names(selection);
        selectionListener.accept(selection);
    }

    private static List<String> names(List<BiasEntry> biases) {
        return biases.stream().map(BiasEntry::name).toList();
    }

    private void rebuild(List<String> keep, boolean pickFirst) {
        DefaultMutableTreeNode root = ModuleTreeBuilder.build(model, allBiases, filterField.getText());
        rebuilding = true;
        try {
            ((DefaultTreeModel) tree.getModel()).setRoot(root);
            expandAll();
            if (!keep.isEmpty()) {
                selectBiases(keep);
            }
        } finally {
            rebuilding = false;
        }
        if (root == null) {
            showEmpty(emptyMessage());
        } else {
            cards.show(treeArea, TREE_CARD);
        }
        // When the filter or the toggle hides the selected row, the first match takes its place:
        // typing "fc2" should show fc2, not leave a chart the tree no longer lists.
        if (pickFirst && selectedBias().isEmpty() && root != null) {
            rebuilding = true;
            try {
                selectFirstBias();
            } finally {
                rebuilding = false;
            }
        }
        List<BiasEntry> now = selectedBiases();
        if (!now.isEmpty() && !names(now).equals(shownBiases)) {
            report(now);
        }
    }

    private String emptyMessage() {
        if (!filterField.getText().isBlank()) {
            return "<html><center>No layer matches<br>\u201c" + filterField.getText().strip()
                    .replace("&", "&amp;").replace("<", "&lt;") + "\u201d</center></html>";
        }
        return allBiases ? "This model has no biases"
                : "<html><center>No Linear layer with a bias.<br>Tick \u201cAll layers with a bias\u201d."
                + "</center></html>";
    }

    private void showEmpty(String message) {
        emptyLabel.setText(message);
        cards.show(treeArea, EMPTY_CARD);
    }

    private void expandAll() {
        for (int row = 0; row < tree.getRowCount(); row++) {
            tree.expandRow(row);
        }
    }

    private DefaultMutableTreeNode root() {
        return (DefaultMutableTreeNode) tree.getModel().getRoot();
    }

    private DefaultMutableTreeNode findRow(String biasName) {
        DefaultMutableTreeNode root = root();
        if (root == null) {
            return null;
        }
        for (Enumeration<TreeNode> e = root.preorderEnumeration(); e.hasMoreElements(); ) {
            DefaultMutableTreeNode node = (DefaultMutableTreeNode) e.nextElement();
            ModuleTreeItem item = (ModuleTreeItem) node.getUserObject();
            if (item.bias() != null && item.bias().name().equals(biasName)) {
                return node;
            }
        }
        return null;
    }
}
