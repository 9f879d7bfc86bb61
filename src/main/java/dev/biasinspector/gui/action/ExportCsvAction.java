package dev.biasinspector.gui.action;

import dev.biasinspector.chart.ValuesCsv;
import dev.biasinspector.gui.AppContext;
import dev.biasinspector.gui.LoadFailure;
import dev.biasinspector.gui.SaveFileChooser;
import dev.biasinspector.model.BiasVector;

import javax.swing.JFileChooser;
import java.awt.event.KeyEvent;
import java.nio.file.Path;

/** File > Export Values as CSV: the shown bias as {@code index,value} rows, written on a worker. */
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
        BiasVector vector = context.chartView().vector().orElseThrow();
        SaveFileChooser chooser = new SaveFileChooser("Export Values as CSV", "csv", "CSV files (*.csv)",
                context.settings().lastFolder(), ExportPngAction.fileName(vector) + ".csv");
        if (chooser.showSaveDialog(context.frame()) != JFileChooser.APPROVE_OPTION) {
            return;
        }
        Path target = chooser.chosenPath();
        context.settings().setLastFolder(target.getParent());
        context.tasks().run(() -> {
            ValuesCsv.write(vector, target);
            return target;
        }, saved -> context.showStatus("Saved " + saved + " (" + vector.size() + " values)"),
                failure -> context.showError("Cannot Save Values",
                        LoadFailure.sentence(target.getFileName().toString(), "saved", failure), failure));
    }
}
