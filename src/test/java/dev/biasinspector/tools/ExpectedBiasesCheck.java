package dev.biasinspector.tools;

import dev.biasinspector.format.ModelOpener;
import dev.biasinspector.model.*;
import com.google.gson.*;
import java.nio.file.*;
import java.util.*;

/** Compares the archive reader with what torchvision_check.py recorded from PyTorch; prints one line per file. */
public final class ExpectedBiasesCheck {

    private ExpectedBiasesCheck() {
    }

    public static void main(String[] a) throws Exception {
        JsonObject exp = JsonParser.parseString(Files.readString(Path.of(a[0]))).getAsJsonObject();
        for (String f : exp.keySet()) {
            long t0 = System.nanoTime();
            LoadedModel m = ModelOpener.open(Path.of(f));
            long t1 = System.nanoTime();
            List<BiasEntry> got = m.allBiases();
            JsonArray want = exp.getAsJsonArray(f);
            int bad = 0;
            if (got.size() != want.size()) { System.out.println(f + " COUNT " + got.size() + " vs " + want.size()); }
            for (int i = 0; i < Math.min(got.size(), want.size()); i++) {
                JsonObject w = want.get(i).getAsJsonObject();
                BiasEntry g = got.get(i);
                if (!g.name().equals(w.get("name").getAsString())) { bad++; if (bad < 3) System.out.println(f + " NAME " + g.name() + " vs " + w.get("name")); continue; }
                if (!w.get("class").isJsonNull() && !g.type().equals(w.get("class").getAsString())) { bad++; if (bad < 3) System.out.println(f + " CLASS " + g.name() + " " + g.type() + " vs " + w.get("class")); }
                float[] v = g.load().values();
                JsonArray wv = w.getAsJsonArray("values");
                for (int j = 0; j < v.length; j++) if (Float.floatToRawIntBits(v[j]) != Float.floatToRawIntBits((float) wv.get(j).getAsDouble())) { bad++; System.out.println(f + " VALUE " + g.name() + "[" + j + "]"); break; }
            }
            System.out.printf("%s: %d biases, %d modules, open %.1f ms, %s%n", f, got.size(), m.moduleCount(), (t1 - t0) / 1e6, bad == 0 ? "OK" : bad + " mismatches");
        }
    }
}
