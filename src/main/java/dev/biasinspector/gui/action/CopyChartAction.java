package dev.biasinspector.gui.action;

import dev.biasinspector.export.ChartExporter;
import dev.biasinspector.gui.AppContext;

import java.awt.Dimension;
import java.awt.Image;
import java.awt.Toolkit;
import java.awt.datatransfer.DataFlavor;
import java.awt.datatransfer.Transferable;
import java.awt.datatransfer.UnsupportedFlavorException;
import java.awt.event.InputEvent;
import java.awt.event.KeyEvent;
import java.awt.image.BufferedImage;

/**
 * File > Copy Chart: puts the chart, as shown, on the clipboard as an image. Rendered on the EDT:
 * at screen size that takes milliseconds, and the clipboard belongs to the EDT anyway.
 */
public final class CopyChartAction extends AppAction {

    public CopyChartAction(AppContext context) {
        super(context, "Copy Chart", KeyEvent.VK_C, menuKey(KeyEvent.VK_C, InputEvent.SHIFT_DOWN_MASK));
    }

    @Override
    protected boolean isEnabledNow() {
        return chartShown();
    }

    @Override
    protected void perform() {
        Dimension size = context.chart().chartSize();
        BufferedImage image = ChartExporter.render(context.chart().chart().orElseThrow(),
                Math.max(1, size.width), Math.max(1, size.height), 1);
        Toolkit.getDefaultToolkit().getSystemClipboard().setContents(new ImageSelection(image), null);
        context.showStatus("Chart copied to the clipboard");
    }

    /** An image on the clipboard. */
    record ImageSelection(Image image) implements Transferable {
        @Override
        public DataFlavor[] getTransferDataFlavors() {
            return new DataFlavor[] {DataFlavor.imageFlavor};
        }

        @Override
        public boolean isDataFlavorSupported(DataFlavor flavor) {
            return DataFlavor.imageFlavor.equals(flavor);
        }

        @Override
        public Object getTransferData(DataFlavor flavor) throws UnsupportedFlavorException {
            if (!isDataFlavorSupported(flavor)) {
                throw new UnsupportedFlavorException(flavor);
            }
            return image;
        }
    }
}
