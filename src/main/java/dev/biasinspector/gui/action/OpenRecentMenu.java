package dev.biasinspector.gui.action;

import dev.biasinspector.gui.AppContext;

import javax.swing.JMenu;
import javax.swing.JMenuItem;
import javax.swing.UIManager;
import java.awt.event.KeyEvent;
import java.nio.file.Files;
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
        // Without touching the disk on the EDT; refresh() follows at once with the folders marked.
        rebuild(context.settings().recentFiles().list().stream().map(p -> new Recent(p, false)).toList());
    }

    /** A remembered file or folder; folders get a folder icon and a trailing "/". */
    private record Recent(Path path, boolean folder) {
    }

    /** Drops missing files in the background, then shows what is left. Call on the EDT. */
    public void refresh() {
        context.tasks().run(() -> context.settings().recentFiles().dropMissing().stream()
                .map(p -> new Recent(p, Files.isDirectory(p))).toList(), this::rebuild, failure -> { });
    }

    private void rebuild(List<Recent> entries) {
        removeAll();
        int number = 1;
        List<Path> files = entries.stream().map(Recent::path).toList();
        for (Recent entry : entries) {
            Path file = entry.path();
            JMenuItem item = new JMenuItem(number + "  " + file.getFileName() + (entry.folder() ? "/" : ""));
            if (entry.folder()) {
                item.setIcon(UIManager.getIcon("FileView.directoryIcon"));
            }
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
