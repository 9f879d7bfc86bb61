package dev.biasinspector.gui;

import dev.biasinspector.about.Versions;

import javax.swing.BorderFactory;
import javax.swing.ImageIcon;
import javax.swing.JButton;
import javax.swing.JComponent;
import javax.swing.JDialog;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.KeyStroke;
import java.awt.BorderLayout;
import java.awt.Font;
import java.awt.Frame;
import java.awt.GridBagConstraints;
import java.awt.GridBagLayout;
import java.awt.Image;
import java.awt.Insets;
import java.awt.Toolkit;
import java.awt.datatransfer.StringSelection;
import java.awt.event.KeyEvent;
import java.util.List;

/**
 * Help > About: the icon, the app's version and the versions of Java, DJL, the PyTorch native
 * library, JFreeChart and FlatLaf, as {@code --version} prints them (both read {@link Versions}).
 * "Copy" puts the same text on the clipboard for a bug report.
 */
public final class AboutDialog extends JDialog {

    public AboutDialog(Frame owner) {
        super(owner, "About " + MainWindow.APP_NAME, ModalityType.APPLICATION_MODAL);
        setName("aboutDialog");
        setDefaultCloseOperation(DISPOSE_ON_CLOSE);
        List<Versions.Component> versions = Versions.all();

        JPanel content = new JPanel(new BorderLayout(16, 12));
        content.setBorder(BorderFactory.createEmptyBorder(16, 16, 12, 16));
        Image icon = AppIcon.image(128);
        if (icon != null) {
            JLabel iconLabel = new JLabel(new ImageIcon(icon));
            iconLabel.setVerticalAlignment(JLabel.TOP);
            content.add(iconLabel, BorderLayout.WEST);
        }

        JPanel text = new JPanel(new GridBagLayout());
        GridBagConstraints c = new GridBagConstraints();
        c.anchor = GridBagConstraints.WEST;
        c.gridx = 0;
        c.gridy = 0;
        c.gridwidth = 2;
        c.insets = new Insets(0, 0, 2, 0);
        JLabel title = new JLabel(versions.get(0).name() + " " + versions.get(0).version());
        title.setName("aboutTitle");
        title.setFont(title.getFont().deriveFont(Font.BOLD, title.getFont().getSize2D() * 1.4f));
        text.add(title, c);
        c.gridy++;
        c.insets = new Insets(0, 0, 10, 0);
        text.add(new JLabel("Look at the biases of neural network model files. Apache-2.0."), c);
        c.gridwidth = 1;
        c.insets = new Insets(1, 0, 1, 12);
        for (Versions.Component component : versions.subList(1, versions.size())) {
            c.gridy++;
            c.gridx = 0;
            text.add(new JLabel(component.name()), c);
            c.gridx = 1;
            JLabel version = new JLabel(component.version());
            version.setName("version:" + component.name());
            text.add(version, c);
        }
        content.add(text, BorderLayout.CENTER);

        JButton copy = new JButton("Copy");
        copy.setName("copyVersions");
        copy.addActionListener(e -> Toolkit.getDefaultToolkit().getSystemClipboard()
                .setContents(new StringSelection(String.join("\n", Versions.text()) + "\n"), null));
        JButton close = new JButton("Close");
        close.setName("closeAbout");
        close.addActionListener(e -> dispose());
        JPanel buttons = new JPanel(new java.awt.FlowLayout(java.awt.FlowLayout.RIGHT, 6, 0));
        buttons.add(copy);
        buttons.add(close);
        content.add(buttons, BorderLayout.SOUTH);
        setContentPane(content);
        getRootPane().setDefaultButton(close);
        getRootPane().registerKeyboardAction(e -> dispose(), KeyStroke.getKeyStroke(KeyEvent.VK_ESCAPE, 0),
                JComponent.WHEN_IN_FOCUSED_WINDOW);
        pack();
        setResizable(false);
        setLocationRelativeTo(owner);
    }
}
