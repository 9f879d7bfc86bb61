package dev.biasinspector.cli;

import com.google.gson.stream.JsonWriter;

import java.io.IOException;
import java.io.Writer;

/** JSON output conventions shared by the commands. */
final class Json {

    private Json() {
    }

    static JsonWriter writer(Writer out) {
        JsonWriter w = new JsonWriter(new NonClosingWriter(out));
        w.setIndent("  ");
        // Python's json module reads NaN and Infinity; a bias may hold them.
        w.setLenient(true);
        return w;
    }

    /**
     * A float written with the fewest digits that read back as the same float ({@code 0.1f} →
     * {@code 0.1}, not {@code 0.10000000149011612}).
     */
    static void value(JsonWriter w, float v) throws IOException {
        if (Float.isNaN(v)) {
            w.jsonValue("NaN");
        } else if (Float.isInfinite(v)) {
            w.jsonValue(v > 0 ? "Infinity" : "-Infinity");
        } else {
            w.jsonValue(Float.toString(v));
        }
    }

    private static final class NonClosingWriter extends java.io.FilterWriter {
        NonClosingWriter(Writer out) {
            super(out);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
