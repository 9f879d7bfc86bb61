package dev.biasinspector.gui;

import javax.swing.AbstractAction;
import javax.swing.JFrame;
import javax.swing.JMenu;
import javax.swing.JMenuItem;
import javax.swing.KeyStroke;
import java.awt.event.ActionEvent;
import java.awt.event.KeyEvent;

/** The Help menu: User Guide (F1) and About. Needs only the window, no open model. */
final class HelpMenu {

    private HelpMenu() {
    }

    static JMenu create(JFrame frame) {
        JMenu help = new JMenu("Help");
        help.setMnemonic(KeyEvent.VK_H);
        help.setName("helpMenu");
        JMenuItem guide = help.add(new AbstractAction("User Guide") {
            @Override
            public void actionPerformed(ActionEvent e) {
                new UserGuideWindow(frame).setVisible(true);
            }
        });
        guide.setMnemonic(KeyEvent.VK_U);
        guide.setAccelerator(KeyStroke.getKeyStroke(KeyEvent.VK_F1, 0));
        JMenuItem about = help.add(new AbstractAction("About " + MainWindow.APP_NAME) {
            @Override
            public void actionPerformed(ActionEvent e) {
                new AboutDialog(frame).setVisible(true);
            }
        });
        about.setMnemonic(KeyEvent.VK_A);
        return help;
    }
}
