package dev.biasinspector.gui.action;

import dev.biasinspector.chart.ChartSeries;
import dev.biasinspector.chart.ValuesCsv;
import dev.biasinspector.gui.AppContext;
import dev.biasinspector.gui.ChartContent;
import dev.biasinspector.gui.LoadFailure;
import dev.biasinspector.gui.SaveFileChooser;
import dev.biasinspector.model.BiasVector;

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
        ChartContent content = context.chartView().content().orElseThrow();
        List<ChartSeries> columns = content.columns(context.chartView().options());
        BiasVector vector = context.chartView().vector().orElseThrow();
        String stem = columns.size() == 1 ? ExportPngAction.fileName(vector) : ExportPngAction.fileName(content);
        SaveFileChooser chooser = new SaveFileChooser("Export Values as CSV", "csv", "CSV files (*.csv)",
                context.settings().lastFolder(), stem + ".csv");
        if (chooser.showSaveDialog(context.frame()) != JFileChooser.APPROVE_OPTION) {
            return;
        }
        Path target = chooser.chosenPath();
        context.settings().setLastFolder(target.getParent());
        int values = columns.stream().mapToInt(ChartSeries::size).sum();
        context.tasks().run(() -> {
            // One bias keeps the plain "index,value" layout of dump --csv; several go side by side.
            if (columns.size() == 1) {
                ValuesCsv.write(vector, target);
            } else {
                ValuesCsv.write(columns, target);
            }
            return target;
        }, saved -> context.showStatus("Saved " + saved + " (" + values + " values)"),
                failure -> context.showError("Cannot Save Values",
                        LoadFailure.sentence(target.getFileName().toString(), "saved", failure), failure));
    }
}
