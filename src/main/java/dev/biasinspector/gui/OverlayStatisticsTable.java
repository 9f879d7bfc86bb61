package dev.biasinspector.gui;

import dev.biasinspector.model.BiasStatistics;
import dev.biasinspector.model.BiasVector;
import dev.biasinspector.session.StatisticsText;

import javax.swing.BorderFactory;
import javax.swing.JScrollPane;
import javax.swing.JTable;
import javax.swing.table.AbstractTableModel;
import java.awt.Dimension;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One row of statistics per series when several biases are overlaid: the grid above describes
 * the first only, and comparing fc1 with fc2 is why a user overlays them. Hidden for one series.
 */
final class OverlayStatisticsTable extends JScrollPane {

    private static final List<String> COLUMNS = List.of("n", "min", "max", "mean", "std", "NaN/Inf");

    private final Model model = new Model();
    /** Made the first time several series are shown, as BiasChartView makes its choices (start-up). */
    private JTable table;

    OverlayStatisticsTable() {
        setBorder(BorderFactory.createEmptyBorder(0, 12, 6, 12));
        setVisible(false);
    }

    /** Shows a row per vector, or hides the table for fewer than two. */
    void show(List<BiasVector> vectors) {
        if (table == null) {
            if (vectors.size() < 2) {
                return;
            }
            table = new JTable(model);
            table.setName("overlayStatistics");
            table.setFillsViewportHeight(true);
            table.setRowSelectionAllowed(false);
            setViewportView(table);
        }
        model.rows.clear();
        if (vectors.size() > 1) {
            for (BiasVector v : vectors) {
                BiasStatistics s = v.statistics();
                Map<String, String> text = StatisticsText.of(s);
                List<String> row = new ArrayList<>();
                row.add(v.name());
                COLUMNS.forEach(c -> row.add(text.get(c)));
                model.rows.add(row);
            }
        }
        model.fireTableDataChanged();
        int header = table.getTableHeader().getPreferredSize().height;
        setPreferredSize(new Dimension(100, header + Math.min(model.rows.size(), 5) * table.getRowHeight() + 8));
        setVisible(vectors.size() > 1);
        revalidate();
    }

    private static final class Model extends AbstractTableModel {
        private final List<List<String>> rows = new ArrayList<>();

        @Override
        public int getRowCount() {
            return rows.size();
        }

        @Override
        public int getColumnCount() {
            return COLUMNS.size() + 1;
        }

        @Override
        public String getColumnName(int column) {
            return column == 0 ? "Series" : COLUMNS.get(column - 1);
        }

        @Override
        public Object getValueAt(int row, int column) {
            return rows.get(row).get(column);
        }
    }
}
