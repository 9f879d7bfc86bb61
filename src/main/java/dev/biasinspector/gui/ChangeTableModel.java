package dev.biasinspector.gui;

import dev.biasinspector.model.BiasChange;

import javax.swing.table.AbstractTableModel;
import java.util.List;

/** Rows of the ranking: one bias each, largest maximum change first. Numbers stay numbers so columns sort. */
final class ChangeTableModel extends AbstractTableModel {

    static final int NAME = 0;
    static final int SIZE = 1;
    static final int MAX_ABS = 2;
    static final int L2 = 3;
    static final int RELATIVE = 4;

    private static final String[] COLUMNS = {"Bias", "n", "Max |\u0394|", "L2 of \u0394", "Relative \u0394"};

    private List<BiasChange> rows = List.of();

    void setRows(List<BiasChange> ranked) {
        rows = List.copyOf(ranked);
        fireTableDataChanged();
    }

    BiasChange row(int index) {
        return rows.get(index);
    }

    /** Model row of {@code biasName}, or -1. */
    int indexOf(String biasName) {
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).name().equals(biasName)) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public int getRowCount() {
        return rows.size();
    }

    @Override
    public int getColumnCount() {
        return COLUMNS.length;
    }

    @Override
    public String getColumnName(int column) {
        return COLUMNS[column];
    }

    @Override
    public Class<?> getColumnClass(int column) {
        return switch (column) {
            case NAME -> String.class;
            case SIZE -> Integer.class;
            default -> Double.class;
        };
    }

    @Override
    public Object getValueAt(int row, int column) {
        BiasChange change = rows.get(row);
        return switch (column) {
            case NAME -> change.name();
            case SIZE -> change.size();
            case MAX_ABS -> change.maxAbsChange();
            case L2 -> change.l2Change();
            case RELATIVE -> change.relativeChange();
            default -> throw new IndexOutOfBoundsException(column);
        };
    }
}
