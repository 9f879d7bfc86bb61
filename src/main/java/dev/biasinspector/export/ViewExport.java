package dev.biasinspector.export;

import dev.biasinspector.chart.ChartSeries;
import dev.biasinspector.chart.ChartTheme;
import dev.biasinspector.model.BiasVector;
import dev.biasinspector.session.ChartContent;
import dev.biasinspector.session.ChartOptions;
import org.jfree.chart.JFreeChart;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes what a view shows, the same way for File > Export in the window and for the command
 * line's {@code export}: the chart as PNG, the values as CSV. Any thread; files are written atomically.
 */
public final class ViewExport {

    private ViewExport() {
    }

    /** The chart of {@code content} as the window draws it (before any zoom). */
    public static JFreeChart chart(ChartContent content, ChartOptions options, ChartTheme theme) {
        return content.chart(options, theme);
    }

    public static void writePng(ChartContent content, ChartOptions options, ChartTheme theme, Path target,
                                int width, int height, double scale) throws IOException {
        ChartExporter.writePng(chart(content, options, theme), target, width, height, scale);
    }

    /**
     * The values of what is shown: one bias as {@code index,value} (what {@code dump --csv}
     * prints), several series (an overlay, a comparison, a checkpoint series) side by side.
     */
    public static String csv(ChartContent content, ChartOptions options) {
        List<ChartSeries> columns = content.columns(options);
        if (columns.size() == 1) {
            BiasVector one = content.primary(options);
            return ValuesCsv.format(one);
        }
        return ValuesCsv.format(columns);
    }

    public static void writeCsv(ChartContent content, ChartOptions options, Path target) throws IOException {
        ValuesCsv.write(csv(content, options), target);
    }
}
