package dev.biasinspector.gui;

import javax.swing.JFileChooser;
import javax.swing.JOptionPane;
import javax.swing.filechooser.FileNameExtensionFilter;
import java.io.File;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/** A save dialog that adds the extension when missing and asks before replacing a file. */
public class SaveFileChooser extends JFileChooser {

    private final String extension;

    public SaveFileChooser(String title, String extension, String description, Optional<Path> folder,
                           String suggestedName) {
        super(folder.map(Path::toFile).orElse(null));
        this.extension = extension;
        setName("saveChooser");
        setDialogTitle(title);
        setDialogType(SAVE_DIALOG);
        setApproveButtonText("Save");
        setFileFilter(new FileNameExtensionFilter(description, extension));
        setSelectedFile(new File(getCurrentDirectory(), suggestedName));
    }

    /** The chosen file with its extension, after the user confirmed any overwrite. */
    public Path chosenPath() {
        return withExtension(getSelectedFile()).toPath();
    }

    @Override
    public void approveSelection() {
        File file = withExtension(getSelectedFile());
        setSelectedFile(file);
        if (file.exists()) {
            int answer = JOptionPane.showConfirmDialog(this,
                    file.getName() + " already exists. Replace it?", "Replace File",
                    JOptionPane.YES_NO_OPTION, JOptionPane.WARNING_MESSAGE);
            if (answer != JOptionPane.YES_OPTION) {
                return;
            }
        }
        super.approveSelection();
    }

    private File withExtension(File file) {
        String suffix = "." + extension;
        return file.getName().toLowerCase(Locale.ROOT).endsWith(suffix) ? file
                : new File(file.getParentFile(), file.getName() + suffix);
    }
}
