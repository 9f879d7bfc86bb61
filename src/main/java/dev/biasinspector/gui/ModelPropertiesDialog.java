package dev.biasinspector.gui;

import dev.biasinspector.session.OpenModel;

import dev.biasinspector.model.LoadedModel;

import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JComboBox;
import javax.swing.JComponent;
import javax.swing.JDialog;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JTable;
import javax.swing.KeyStroke;
import javax.swing.table.DefaultTableModel;
import java.awt.BorderLayout;
import java.awt.Dimension;
import java.awt.FlowLayout;
import java.awt.event.KeyEvent;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Model > Properties: what the file says about itself. For DJL files, the header (model name,
 * epoch, data type, inputs); for DJL model folders, serving.properties and which model file was
 * read, with the other model files of the folder to open instead.
 */
public final class ModelPropertiesDialog extends JDialog {

    private final DefaultTableModel rows = new DefaultTableModel(new Object[] {"Property", "Value"}, 0) {
        @Override
        public boolean isCellEditable(int row, int column) {
            return false;
        }
    };

    /**
     * @param modelFiles the model files of the folder the model was read from (empty for a file)
     * @param openOther  opens one of {@code modelFiles}, given its path
     */
    public ModelPropertiesDialog(java.awt.Frame owner, OpenModel open, List<String> modelFiles,
                                 Consumer<Path> openOther) {
        super(owner, "Properties \u2014 " + open.model().fileName(), ModalityType.APPLICATION_MODAL);
        setName("propertiesDialog");
        setDefaultCloseOperation(DISPOSE_ON_CLOSE);
        rowsOf(open.model()).forEach((key, value) -> rows.addRow(new Object[] {key, value}));

        JTable table = new JTable(rows);
        table.setName("propertiesTable");
        table.getColumnModel().getColumn(0).setPreferredWidth(150);
        table.getColumnModel().getColumn(1).setPreferredWidth(590);
        table.setFillsViewportHeight(true);
        // Long values (a DJL file's structure note) are cut at the column's edge: the tooltip has them whole.
        table.setDefaultRenderer(Object.class, new javax.swing.table.DefaultTableCellRenderer() {
            @Override
            public java.awt.Component getTableCellRendererComponent(JTable t, Object value, boolean selected,
                                                                    boolean focused, int row, int column) {
                java.awt.Component c = super.getTableCellRendererComponent(t, value, selected, focused, row, column);
                setToolTipText(value == null ? null : "<html><div style='width:420px'>"
                        + value.toString().replace("&", "&amp;").replace("<", "&lt;") + "</div></html>");
                return c;
            }
        });
        JScrollPane scroll = new JScrollPane(table);
        scroll.setPreferredSize(new Dimension(760, Math.min(420, 40 + rows.getRowCount() * table.getRowHeight())));

        JPanel content = new JPanel(new BorderLayout(0, 8));
        content.setBorder(BorderFactory.createEmptyBorder(10, 12, 10, 12));
        content.add(scroll, BorderLayout.CENTER);
        JPanel south = new JPanel(new BorderLayout());
        if (modelFiles.size() > 1 && open.modelFolder().isPresent()) {
            south.add(otherModelFiles(open, modelFiles, openOther), BorderLayout.CENTER);
        }
        JButton close = new JButton("Close");
        close.setName("propertiesClose");
        close.addActionListener(e -> dispose());
        JPanel buttons = new JPanel(new FlowLayout(FlowLayout.TRAILING, 0, 0));
        buttons.add(close);
        south.add(buttons, BorderLayout.SOUTH);
        content.add(south, BorderLayout.SOUTH);
        setContentPane(content);
        getRootPane().setDefaultButton(close);
        getRootPane().registerKeyboardAction(e -> dispose(), KeyStroke.getKeyStroke(KeyEvent.VK_ESCAPE, 0),
                JComponent.WHEN_IN_FOCUSED_WINDOW);
        pack();
        setLocationRelativeTo(owner);
    }

    /** File facts first, then the file's own properties in their stored order. */
    static Map<String, String> rowsOf(LoadedModel model) {
        Map<String, String> rows = new LinkedHashMap<>();
        rows.put("File", model.file().toString());
        rows.put("Format", model.format().id());
        rows.put("Read by", model.source());
        rows.put("Modules", Integer.toString(model.moduleCount()));
        rows.put("Biases", String.format(Locale.ROOT, "%d (%d Linear)", model.allBiases().size(),
                model.linearBiases().size()));
        model.properties().forEach(rows::putIfAbsent);
        return rows;
    }

    private JPanel otherModelFiles(OpenModel open, List<String> modelFiles, Consumer<Path> openOther) {
        Path folder = open.modelFolder().orElseThrow();
        JComboBox<String> choice = new JComboBox<>(modelFiles.toArray(String[]::new));
        choice.setName("modelFileChoice");
        choice.setSelectedItem(open.model().modelFileInFolder().orElse(null));
        JButton openButton = new JButton("Open This One");
        openButton.setName("openModelFile");
        openButton.addActionListener(e -> {
            dispose();
            openOther.accept(folder.resolve((String) choice.getSelectedItem()));
        });
        JPanel panel = new JPanel(new FlowLayout(FlowLayout.LEADING, 6, 4));
        JLabel label = new JLabel("This folder holds " + modelFiles.size() + " model files:");
        panel.add(label);
        panel.add(choice);
        panel.add(openButton);
        return panel;
    }
}
