package dev.biasinspector.gui;

import javax.swing.BorderFactory;
import javax.swing.JComponent;
import javax.swing.JDialog;
import javax.swing.JLabel;
import javax.swing.JOptionPane;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JTextArea;
import javax.swing.JToggleButton;
import java.awt.BorderLayout;
import java.awt.Component;
import java.awt.Dimension;
import java.awt.Font;

/** A failure shown to the user: one plain sentence, and the technical details behind a toggle. */
public final class ErrorDialog {

    private static final String SHOW = "\u25b8 Details";
    private static final String HIDE = "\u25be Details";

    private ErrorDialog() {
    }

    /** Shows the dialog modally; call on the EDT. */
    public static void show(Component parent, String title, String sentence, String details) {
        JDialog dialog = create(parent, title, sentence, details);
        dialog.setVisible(true);
        dialog.dispose();
    }

    static JDialog create(Component parent, String title, String sentence, String details) {
        JLabel text = new JLabel("<html><div style='width:360px'>" + escape(sentence) + "</div></html>");
        text.setName("errorMessage");

        JTextArea area = new JTextArea(details, 12, 60);
        area.setName("errorDetails");
        area.setEditable(false);
        // Wrapped so the first line, the exception and its message, is readable without scrolling.
        area.setLineWrap(true);
        area.setFont(new Font(Font.MONOSPACED, Font.PLAIN, area.getFont().getSize()));
        area.setCaretPosition(0);
        JScrollPane scroll = new JScrollPane(area);
        scroll.setVisible(false);

        JToggleButton toggle = new JToggleButton(SHOW);
        toggle.setName("errorDetailsToggle");
        toggle.putClientProperty("JButton.buttonType", "borderless");

        JPanel top = new JPanel(new BorderLayout(0, 8));
        top.add(text, BorderLayout.CENTER);
        JPanel toggleRow = new JPanel(new BorderLayout());
        toggleRow.add(toggle, BorderLayout.WEST);
        top.add(toggleRow, BorderLayout.SOUTH);
        JPanel content = new JPanel(new BorderLayout(0, 8));
        content.add(top, BorderLayout.NORTH);
        content.add(scroll, BorderLayout.CENTER);

        JOptionPane pane = new JOptionPane(content, JOptionPane.ERROR_MESSAGE);
        JDialog dialog = pane.createDialog(parent, title);
        dialog.setName("errorDialog");
        dialog.setResizable(true);
        toggle.addActionListener(e -> {
            scroll.setVisible(toggle.isSelected());
            toggle.setText(toggle.isSelected() ? HIDE : SHOW);
            dialog.pack();
            dialog.setLocationRelativeTo(parent);
        });
        scroll.setPreferredSize(new Dimension(560, 220));
        ((JComponent) dialog.getContentPane()).setBorder(BorderFactory.createEmptyBorder());
        return dialog;
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
