package dev.biasinspector.gui.action;

import dev.biasinspector.gui.AppContext;

import javax.swing.JFileChooser;
import javax.swing.filechooser.FileNameExtensionFilter;
import java.awt.event.KeyEvent;
import java.io.File;
import java.nio.file.Path;

/** File > Open: choose a model file, starting in the folder used last time. */
public final class OpenAction extends AppAction {

    public OpenAction(AppContext context) {
        super(context, "Open\u2026", KeyEvent.VK_O, menuKey(KeyEvent.VK_O));
    }

    @Override
    protected void perform() {
        JFileChooser chooser = new JFileChooser(context.settings().lastFolder().map(Path::toFile).orElse(null));
        chooser.setName("openChooser");
        chooser.setDialogTitle("Open Model");
        chooser.setFileSelectionMode(JFileChooser.FILES_ONLY);
        FileNameExtensionFilter models = new FileNameExtensionFilter(
                "Model files (*.pt, *.pth, *.torchscript, *.zip)", "pt", "pth", "torchscript", "zip");
        chooser.addChoosableFileFilter(models);
        chooser.setFileFilter(models);
        if (chooser.showOpenDialog(context.frame()) != JFileChooser.APPROVE_OPTION) {
            return;
        }
        File file = chooser.getSelectedFile();
        if (file.getParentFile() != null) {
            context.settings().setLastFolder(file.getParentFile().toPath());
        }
        context.models().open(file.toPath());
    }
}
