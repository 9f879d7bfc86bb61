package dev.biasinspector.gui.action;

import dev.biasinspector.chart.ChartSeries;
import dev.biasinspector.export.ViewExport;
import dev.biasinspector.gui.AppContext;
import dev.biasinspector.gui.SaveFileChooser;
import dev.biasinspector.session.ChartContent;
import dev.biasinspector.session.ChartOptions;
import dev.biasinspector.session.LoadFailure;

import javax.swing.JFileChooser;
import java.awt.event.KeyEvent;
import java.nio.file.Path;
import java.util.List;

/**
 * File > Export Values as CSV: the shown bias as {@code index,value} rows, or, for an overlay, a
 * comparison or a checkpoint series, every series of the chart side by side; written on a worker.
 */
public final class ExportCsvAction extends AppAction {

    public ExportCsvAction(AppContext context) {
        super(context, "Export Values as CSV\u2026", KeyEvent.VK_V, null);
    }

    @Override
    protected boolean isEnabledNow() {
        return chartShown();
    }

    @Override
    protected void perform() {
        ChartContent content = context.session().content().orElseThrow();
        ChartOptions options = context.session().options();
        List<ChartSeries> columns = content.columns(options);
        String stem = columns.size() == 1 ? ExportPngAction.fileName(content.primary(options))
                : ExportPngAction.fileName(content);
        SaveFileChooser chooser = new SaveFileChooser("Export Values as CSV", "csv", "CSV files (*.csv)",
                context.settings().lastFolder(), stem + ".csv");
        if (chooser.showSaveDialog(context.frame()) != JFileChooser.APPROVE_OPTION) {
            return;
        }
        Path target = chooser.chosenPath();
        context.settings().setLastFolder(target.getParent());
        int values = columns.stream().mapToInt(ChartSeries::size).sum();
        context.tasks().run(() -> {
            ViewExport.writeCsv(content, options, target);
            return target;
        }, saved -> context.showStatus("Saved " + saved + " (" + values + " values)"),
                failure -> context.showError("Cannot Save Values",
                        LoadFailure.sentence(target.getFileName().toString(), "saved", failure), failure));
    }
}
