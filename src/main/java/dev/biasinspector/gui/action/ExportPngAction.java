package dev.biasinspector.gui.action;

import dev.biasinspector.chart.BiasChartFactory;
import dev.biasinspector.export.ChartExporter;
import dev.biasinspector.gui.AppContext;
import dev.biasinspector.session.ChartContent;
import dev.biasinspector.session.LoadFailure;
import dev.biasinspector.chart.ChartTheme;
import dev.biasinspector.gui.PngSizePanel;
import dev.biasinspector.gui.SaveFileChooser;
import dev.biasinspector.model.BiasVector;
import org.jfree.chart.JFreeChart;

import javax.swing.JFileChooser;
import java.awt.Dimension;
import java.awt.event.KeyEvent;
import java.nio.file.Path;
import java.util.Locale;

/**
 * File > Export Chart as PNG (Ctrl+S): asks for a file and a size (default: the chart's size on
 * screen, optionally doubled for high-DPI), then renders and writes on a worker.
 */
public final class ExportPngAction extends AppAction {

    public ExportPngAction(AppContext context) {
        super(context, "Export Chart as PNG\u2026", KeyEvent.VK_E, menuKey(KeyEvent.VK_S));
    }

    @Override
    protected boolean isEnabledNow() {
        return chartShown();
    }

    @Override
    protected void perform() {
        String stem = fileName(context.session().content().orElseThrow());
        Dimension size = context.chart().chartSize();
        ChartTheme windowTheme = context.chart().theme();
        PngSizePanel sizePanel = new PngSizePanel(size, windowTheme.isDark());
        SaveFileChooser chooser = new SaveFileChooser("Export Chart as PNG", "png", "PNG images (*.png)",
                context.settings().lastFolder(), stem + ".png");
        chooser.setAccessory(sizePanel);
        if (chooser.showSaveDialog(context.frame()) != JFileChooser.APPROVE_OPTION) {
            return;
        }
        Path target = chooser.chosenPath();
        context.settings().setLastFolder(target.getParent());
        int width = sizePanel.pngWidth();
        int height = sizePanel.pngHeight();
        double scale = sizePanel.scale();
        // A copy with the same zoom: the worker draws it while the EDT keeps painting the original.
        ChartTheme theme = sizePanel.lightTheme() ? ChartTheme.light().withFont(windowTheme.font()) : windowTheme;
        JFreeChart copy = context.chart().copyOfChart(theme).orElseThrow();
        context.showStatus("Saving " + target.getFileName() + "\u2026");
        context.tasks().run(() -> {
            ChartExporter.writePng(copy, target, width, height, scale);
            return target;
        }, saved -> context.showStatus(String.format(Locale.ROOT, "Saved %s (%d \u00d7 %d pixels)", saved,
                Math.round(width * scale), Math.round(height * scale))),
                failure -> {
                    context.showStatus("Chart not saved");
                    context.showError("Cannot Save Chart",
                            LoadFailure.sentence(target.getFileName().toString(), "saved", failure), failure);
                });
    }

    /** "fc1", "lstm.bias_ih_l0", "fc1-compare": safe as a file name on every platform. */
    static String fileName(BiasVector vector) {
        return safe(BiasChartFactory.label(vector));
    }

    static String fileName(ChartContent content) {
        return safe(content.fileStem());
    }

    private static String safe(String name) {
        return name.replaceAll("[^A-Za-z0-9._+-]", "_");
    }
}
