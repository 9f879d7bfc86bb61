package dev.biasinspector.gui;

import javax.swing.JComponent;
import javax.swing.TransferHandler;
import java.awt.datatransfer.Clipboard;
import java.awt.datatransfer.DataFlavor;
import java.awt.datatransfer.Transferable;
import java.awt.datatransfer.UnsupportedFlavorException;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * Opens a model file dropped anywhere on the window. Wraps a component's own handler (the tree's
 * copy support, say) so that only file drops change behaviour.
 */
final class FileDropHandler extends TransferHandler {

    private final TransferHandler delegate;
    private final Consumer<Path> open;

    private FileDropHandler(TransferHandler delegate, Consumer<Path> open) {
        this.delegate = delegate;
        this.open = open;
    }

    /** Installs the handler on each component, keeping what each already handled. */
    static void install(Consumer<Path> open, JComponent... components) {
        for (JComponent component : components) {
            component.setTransferHandler(new FileDropHandler(component.getTransferHandler(), open));
        }
    }

    @Override
    public boolean canImport(TransferSupport support) {
        if (support.isDataFlavorSupported(DataFlavor.javaFileListFlavor)) {
            if (support.isDrop() && (support.getSourceDropActions() & COPY) != 0) {
                support.setDropAction(COPY);
            }
            return true;
        }
        return delegate != null && delegate.canImport(support);
    }

    @Override
    public boolean importData(TransferSupport support) {
        if (!support.isDataFlavorSupported(DataFlavor.javaFileListFlavor)) {
            return delegate != null && delegate.importData(support);
        }
        try {
            Transferable transferable = support.getTransferable();
            @SuppressWarnings("unchecked")
            List<File> files = (List<File>) transferable.getTransferData(DataFlavor.javaFileListFlavor);
            if (files.isEmpty()) {
                return false;
            }
            // One model at a time: the first file wins.
            open.accept(files.get(0).toPath());
            return true;
        } catch (UnsupportedFlavorException | IOException e) {
            return false;
        }
    }

    @Override
    public int getSourceActions(JComponent c) {
        return delegate == null ? NONE : delegate.getSourceActions(c);
    }

    @Override
    public void exportToClipboard(JComponent comp, Clipboard clip, int action) {
        if (delegate != null) {
            delegate.exportToClipboard(comp, clip, action);
        }
    }
}
