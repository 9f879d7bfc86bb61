package dev.biasinspector.gui;

import dev.biasinspector.session.OpenComparison;

import dev.biasinspector.chart.BiasChartFactory;
import dev.biasinspector.model.ModelComparison;

import javax.swing.Action;
import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JTable;
import javax.swing.ListSelectionModel;
import javax.swing.SwingConstants;
import javax.swing.table.DefaultTableCellRenderer;
import javax.swing.table.TableRowSorter;
import java.awt.BorderLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Below the chart while comparing two files: every bias ranked by how much it changed (largest
 * maximum |Δ| first; click a header to sort otherwise), and the biases found in only one file.
 * Clicking a row shows that layer.
 */
final class ComparisonPanel extends JPanel {

    private final ChangeTableModel rows = new ChangeTableModel();
    private final JTable table = new JTable(rows);
    private final JLabel title = new JLabel();
    private final JLabel unmatched = new JLabel();
    private final Consumer<String> select;
    private boolean highlighting;

    /** @param select told the bias name of a row the user picks, on the EDT */
    ComparisonPanel(Consumer<String> select, Action stopComparing) {
        super(new BorderLayout(0, 4));
        this.select = select;
        setName("comparisonPanel");
        setBorder(BorderFactory.createEmptyBorder(6, 8, 6, 8));

        title.setName("comparisonTitle");
        title.putClientProperty("FlatLaf.styleClass", "h4");
        JButton stop = new JButton(stopComparing);
        stop.setName("stopComparing");
        // A real button (it ends the comparison), not a link-like borderless one that reads as a label.
        stop.setToolTipText("Back to the open model alone");
        JPanel header = new JPanel(new BorderLayout());
        header.add(title, BorderLayout.CENTER);
        header.add(stop, BorderLayout.EAST);

        table.setName("changeTable");
        table.setSelectionMode(ListSelectionModel.SINGLE_SELECTION);
        table.setAutoCreateRowSorter(false);
        table.setRowSorter(new TableRowSorter<>(rows));
        table.setFillsViewportHeight(true);
        // Six decimals or scientific notation, as in the chart's tooltips; the relative change in percent.
        table.setDefaultRenderer(Double.class, new NumberRenderer(BiasChartFactory::formatValue));
        table.getColumnModel().getColumn(ChangeTableModel.RELATIVE)
                .setCellRenderer(new NumberRenderer(ComparisonPanel::percent));
        table.getColumnModel().getColumn(ChangeTableModel.NAME).setPreferredWidth(220);
        table.getColumnModel().getColumn(ChangeTableModel.SIZE).setPreferredWidth(50);
        table.getSelectionModel().addListSelectionListener(e -> {
            if (!e.getValueIsAdjusting() && !highlighting && table.getSelectedRow() >= 0) {
                select.accept(rows.row(table.convertRowIndexToModel(table.getSelectedRow())).name());
            }
        });

        unmatched.setName("unmatchedBiases");
        unmatched.setEnabled(false);

        add(header, BorderLayout.NORTH);
        add(new JScrollPane(table) {
            @Override
            public java.awt.Dimension getPreferredSize() {
                // As tall as the rows (up to a dozen), so the split gives the chart the rest.
                int visibleRows = Math.min(12, Math.max(2, table.getRowCount()));
                int height = table.getTableHeader().getPreferredSize().height + visibleRows * table.getRowHeight() + 4;
                return new java.awt.Dimension(super.getPreferredSize().width, height);
            }
        }, BorderLayout.CENTER);
        add(unmatched, BorderLayout.SOUTH);
    }

    void show(OpenComparison compared) {
        ModelComparison comparison = compared.comparison();
        title.setText("Biases ranked by change: " + compared.before() + " \u2192 " + compared.after());
        highlighting = true;
        try {
            rows.setRows(comparison.rankedByChange());
            table.getRowSorter().setSortKeys(null);
        } finally {
            highlighting = false;
        }
        unmatched.setText(unmatchedText(compared));
    }

    /** Selects the row of the bias the chart shows, without reporting it back. */
    void highlight(String biasName) {
        int model = rows.indexOf(biasName);
        highlighting = true;
        try {
            if (model < 0) {
                table.clearSelection();
            } else {
                int view = table.convertRowIndexToView(model);
                table.setRowSelectionInterval(view, view);
                table.scrollRectToVisible(table.getCellRect(view, 0, true));
            }
        } finally {
            highlighting = false;
        }
    }

    static String unmatchedText(OpenComparison compared) {
        ModelComparison comparison = compared.comparison();
        List<String> parts = new ArrayList<>();
        if (!comparison.onlyInA().isEmpty()) {
            parts.add("Only in " + compared.before() + ": " + String.join(", ", comparison.onlyInA()));
        }
        if (!comparison.onlyInB().isEmpty()) {
            parts.add("Only in " + compared.after() + ": " + String.join(", ", comparison.onlyInB()));
        }
        if (!comparison.shapeChanged().isEmpty()) {
            parts.add("Shape differs: " + String.join(", ", comparison.shapeChanged()));
        }
        if (comparison.droppedPrefix() != null) {
            parts.add("Paired after dropping the prefix " + comparison.droppedPrefix().prefix() + " from "
                    + (comparison.droppedPrefix().fromA() ? compared.before() : compared.after()));
        }
        return parts.isEmpty() ? "Every bias is in both files with the same shape."
                : String.join("   \u00b7   ", parts);
    }

    /** Right-aligned numbers in the given format. */
    private static final class NumberRenderer extends DefaultTableCellRenderer {
        private final java.util.function.DoubleFunction<String> format;

        NumberRenderer(java.util.function.DoubleFunction<String> format) {
            this.format = format;
            setHorizontalAlignment(SwingConstants.TRAILING);
        }

        @Override
        protected void setValue(Object value) {
            super.setValue(value instanceof Double number ? format.apply(number) : value);
        }
    }

    /** "7.68 %" */
    static String percent(double ratio) {
        return Double.isInfinite(ratio) ? "\u221e" : String.format(Locale.ROOT, "%.2f %%", ratio * 100);
    }
}
