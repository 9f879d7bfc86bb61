package dev.biasinspector.export;

import dev.biasinspector.chart.ChartSeries;

import dev.biasinspector.model.BiasVector;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * A bias (or several series side by side) as CSV, {@code index,value} with a header, values printed by {@link Float#toString} so
 * that they read back as the same float (the command line's {@code dump --csv} prints the same).
 */
public final class ValuesCsv {

    private ValuesCsv() {
    }

    public static String format(BiasVector vector) {
        StringBuilder csv = new StringBuilder("index,value\n");
        for (int i = 0; i < vector.size(); i++) {
            csv.append(i).append(',').append(vector.get(i)).append('\n');
        }
        return csv.toString();
    }

    /**
     * Several series side by side: {@code index,<label 1>,<label 2>,...}, a row per index; a
     * series shorter than the longest leaves its cells empty. Labels holding a comma or a quote
     * are quoted as RFC 4180 says.
     */
    public static String format(List<ChartSeries> columns) {
        StringBuilder csv = new StringBuilder("index");
        int rows = 0;
        for (ChartSeries column : columns) {
            csv.append(',').append(quote(column.label()));
            rows = Math.max(rows, column.size());
        }
        csv.append('\n');
        List<float[]> values = columns.stream().map(ChartSeries::values).toList();
        for (int i = 0; i < rows; i++) {
            csv.append(i);
            for (float[] column : values) {
                csv.append(',');
                if (i < column.length) {
                    csv.append(column[i]);
                }
            }
            csv.append('\n');
        }
        return csv.toString();
    }

    /** Writes atomically (see {@link AtomicFiles}); any thread. */
    public static void write(BiasVector vector, Path target) throws IOException {
        write(format(vector), target);
    }

    /** Writes {@link #format(List) several series} atomically; any thread. */
    public static void write(List<ChartSeries> columns, Path target) throws IOException {
        write(format(columns), target);
    }

    private static String quote(String label) {
        if (label.contains(",") || label.contains("\"") || label.contains("\n")) {
            return '"' + label.replace("\"", "\"\"") + '"';
        }
        return label;
    }

    /** Writes CSV text made by one of the {@code format} methods, atomically; any thread. */
    public static void write(String text, Path target) throws IOException {
        AtomicFiles.write(target, out -> {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            writer.write(text);
            writer.flush();
        });
    }
}
