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
import java.util.Enumeration;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The left side: a filter field, the "all layers" toggle and the tree of modules with biases.
 * Selecting a row (by mouse or keyboard) reports its bias, or none for a plain module row.
 */
public final class ModuleTreePanel extends JPanel {

    private static final String TREE_CARD = "tree";
    private static final String EMPTY_CARD = "empty";

    private final JTextField filterField = new JTextField();
    private final JTree tree = new JTree(new DefaultTreeModel(null));
    private final JLabel emptyLabel = new JLabel("", SwingConstants.CENTER);
    private final CardLayout cards = new CardLayout();
    private final JPanel treeArea = new JPanel(cards);
    private final Consumer<Optional<BiasEntry>> selectionListener;

    private LoadedModel model;
    /** The bias last reported to the listener, i.e. the one the chart shows. */
    private String shownBias;
    private boolean allBiases;
    private boolean rebuilding;

    private final JPanel top = new JPanel(new BorderLayout(0, 2));

    /** @param listener told about each new selection, on the EDT */
    public ModuleTreePanel(Consumer<Optional<BiasEntry>> listener) {
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
        tree.getSelectionModel().setSelectionMode(TreeSelectionModel.SINGLE_TREE_SELECTION);
        tree.addTreeSelectionListener(e -> {
            if (!rebuilding) {
                report(selectedBias());
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
        this.shownBias = null;
        rebuild(Optional.empty(), false);
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

    public Optional<BiasEntry> selectedBias() {
        TreePath path = tree.getSelectionPath();
        if (path == null || !(path.getLastPathComponent() instanceof DefaultMutableTreeNode node)) {
            return Optional.empty();
        }
        return ((ModuleTreeItem) node.getUserObject()).selectedBias();
    }

    /** Selects the row showing the bias named {@code name}; false when it is not in the tree. */
    public boolean selectBias(String name) {
        DefaultMutableTreeNode row = findRow(name);
        if (row == null) {
            return false;
        }
        TreePath path = new TreePath(row.getPath());
        tree.setSelectionPath(path);
        tree.scrollPathToVisible(path);
        return true;
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

    /** Rebuilds after a change of filter or toggle, keeping the selected bias when it is still shown. */
    private void rebuild() {
        if (model != null) {
            // Nothing selected (the filter matched nothing a moment ago): come back to the chart's bias.
            rebuild(selectedBias().map(BiasEntry::name).or(() -> Optional.ofNullable(shownBias)), true);
        }
    }

    private void report(Optional<BiasEntry> selection) {
        shownBias = selection.map(BiasEntry::name).orElse(null);
        selectionListener.accept(selection);
    }

    private void rebuild(Optional<String> keep, boolean pickFirst) {
        DefaultMutableTreeNode root = ModuleTreeBuilder.build(model, allBiases, filterField.getText());
        rebuilding = true;
        try {
            ((DefaultTreeModel) tree.getModel()).setRoot(root);
            expandAll();
            keep.ifPresent(this::selectBias);
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
        Optional<BiasEntry> now = selectedBias();
        if (now.isPresent() && !now.get().name().equals(shownBias)) {
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
