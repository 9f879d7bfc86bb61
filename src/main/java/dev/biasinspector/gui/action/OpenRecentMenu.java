package dev.biasinspector.gui.action;

import dev.biasinspector.gui.AppContext;

import javax.swing.JMenu;
import javax.swing.JMenuItem;
import java.awt.event.KeyEvent;
import java.nio.file.Path;
import java.util.List;

/**
 * File > Open Recent. The list is checked for vanished files on a worker, then the menu is rebuilt
 * on the EDT; a file that vanishes after that fails to open and is dropped then.
 */
public final class OpenRecentMenu extends JMenu {

    private final AppContext context;

    public OpenRecentMenu(AppContext context) {
        super("Open Recent");
        this.context = context;
        setName("openRecent");
        setMnemonic(KeyEvent.VK_T);
        rebuild(context.settings().recentFiles().list());
    }

    /** Drops missing files in the background, then shows what is left. Call on the EDT. */
    public void refresh() {
        context.tasks().run(() -> context.settings().recentFiles().dropMissing(), this::rebuild, failure -> { });
    }

    private void rebuild(List<Path> files) {
        removeAll();
        int number = 1;
        for (Path file : files) {
            JMenuItem item = new JMenuItem(number + "  " + file.getFileName());
            if (number <= 9) {
                item.setMnemonic(KeyEvent.VK_0 + number);
            }
            item.setToolTipText(file.toString());
            item.addActionListener(e -> context.session().open(file));
            add(item);
            number++;
        }
        if (files.isEmpty()) {
            JMenuItem none = new JMenuItem("No recent files");
            none.setEnabled(false);
            add(none);
        } else {
            addSeparator();
            JMenuItem clear = new JMenuItem("Clear List");
            clear.addActionListener(e -> {
                files.forEach(context.settings().recentFiles()::remove);
                rebuild(List.of());
            });
            add(clear);
        }
    }
}
