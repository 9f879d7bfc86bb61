package dev.biasinspector.chart;

import dev.biasinspector.model.BiasVector;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * A bias as CSV, {@code index,value} with a header, values printed by {@link Float#toString} so
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

    /** Writes atomically (see {@link AtomicFiles}); any thread. */
    public static void write(BiasVector vector, Path target) throws IOException {
        String text = format(vector);
        AtomicFiles.write(target, out -> {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            writer.write(text);
            writer.flush();
        });
    }
}
