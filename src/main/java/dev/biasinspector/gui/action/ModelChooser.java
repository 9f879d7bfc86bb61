package dev.biasinspector.gui.action;

import dev.biasinspector.gui.AppContext;

import javax.swing.JFileChooser;
import javax.swing.filechooser.FileNameExtensionFilter;
import java.io.File;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The file chooser of Open, Compare With and Open Checkpoint Folder: starts in the folder used
 * last time and remembers the new one.
 */
final class ModelChooser {

    private ModelChooser() {
    }

    /**
     * A model file or folder (a DJL or Hugging Face model folder is opened by selecting it and pressing Open).
     */
    static Optional<Path> chooseModel(AppContext context, String name, String title, String approve) {
        JFileChooser chooser = chooser(context, name, title);
        chooser.setFileSelectionMode(JFileChooser.FILES_AND_DIRECTORIES);
        FileNameExtensionFilter models = new FileNameExtensionFilter(
                "Models: PyTorch, DJL, safetensors, GGUF, ONNX (*.pt, *.pth, *.bin, *.torchscript, *.params, *.zip,"
                        + " *.tar.gz, *.safetensors, *.gguf, *.onnx)",
                "pt", "pth", "bin", "torchscript", "ptl", "params", "zip", "gz", "tgz", "safetensors", "gguf", "onnx");
        chooser.addChoosableFileFilter(models);
        chooser.setFileFilter(models);
        chooser.setApproveButtonToolTipText("Open the selected model file, DJL model folder or Hugging Face model folder");
        return show(context, chooser, approve);
    }

    /** A folder. */
    static Optional<Path> chooseFolder(AppContext context, String name, String title, String approve) {
        JFileChooser chooser = chooser(context, name, title);
        chooser.setFileSelectionMode(JFileChooser.DIRECTORIES_ONLY);
        return show(context, chooser, approve);
    }

    private static JFileChooser chooser(AppContext context, String name, String title) {
        JFileChooser chooser = new JFileChooser(context.settings().lastFolder().map(Path::toFile).orElse(null));
        chooser.setName(name);
        chooser.setDialogTitle(title);
        return chooser;
    }

    private static Optional<Path> show(AppContext context, JFileChooser chooser, String approve) {
        if (chooser.showDialog(context.frame(), approve) != JFileChooser.APPROVE_OPTION) {
            return Optional.empty();
        }
        File file = chooser.getSelectedFile();
        if (file == null) {
            // Open pressed inside a folder with nothing selected: the folder itself.
            file = chooser.getCurrentDirectory();
        }
        if (file.getParentFile() != null) {
            context.settings().setLastFolder(file.getParentFile().toPath());
        }
        return Optional.of(file.toPath());
    }
}
