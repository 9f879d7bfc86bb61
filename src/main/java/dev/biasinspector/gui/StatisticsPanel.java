package dev.biasinspector.gui;

import dev.biasinspector.session.StatisticsText;

import dev.biasinspector.model.BiasStatistics;

import javax.swing.BorderFactory;
import javax.swing.JLabel;
import javax.swing.JPanel;
import java.awt.FlowLayout;
import java.awt.GridLayout;
import java.util.LinkedHashMap;
import java.util.Map;

/** Summary numbers under the chart in two rows: n, min, max, mean / std, L2, zeros, NaN/Inf. */
final class StatisticsPanel extends JPanel {

    private static final int COLUMNS = 4;

    private final Map<String, JLabel> values = new LinkedHashMap<>();

    StatisticsPanel() {
        super(new GridLayout(0, COLUMNS, 12, 2));
        setBorder(BorderFactory.createEmptyBorder(4, 12, 6, 12));
        for (String label : StatisticsText.labels()) {
            JLabel name = new JLabel(label);
            name.setEnabled(false);
            JLabel value = new JLabel(StatisticsText.NONE);
            value.setName("stat." + label);
            JPanel cell = new JPanel(new FlowLayout(FlowLayout.LEADING, 6, 0));
            cell.add(name);
            cell.add(value);
            values.put(label, value);
            add(cell);
        }
    }

    void show(BiasStatistics statistics) {
        StatisticsText.of(statistics).forEach((label, text) -> values.get(label).setText(text));
        String detail = StatisticsText.nonFiniteDetail(statistics);
        values.get("NaN/Inf").setToolTipText(detail.isEmpty() ? null : detail);
    }

    void clear() {
        values.values().forEach(v -> v.setText(StatisticsText.NONE));
    }
}
