package dev.biasinspector.session;

import dev.biasinspector.model.LoadedModel;

import java.util.Locale;

/** The one-line summary of an open model, for the status line. */
public final class ModelSummary {

    private ModelSummary() {
    }

    /** "torchscript · 4 modules · 2 biases (2 Linear) · 430 parameters · read by: archive reader (no code run)". */
    public static String describe(LoadedModel model) {
        int linear = model.linearBiases().size();
        int all = model.allBiases().size();
        return String.join("  \u00b7  ",
                model.format().id(),
                count(model.moduleCount(), "module"),
                count(all, "bias", "biases") + " (" + linear + " Linear)",
                count(model.root().totalParameterCount(), "parameter"),
                "read by: " + model.source());
    }

    /** The open model's summary and what goes with it: " · compared with b.pt" or " · 4 checkpoints". */
    static String describe(OpenModel current, OpenComparison comparison) {
        if (current == null) {
            return "Nothing open";
        }
        String companion = comparison != null ? "  \u00b7  compared with " + comparison.after()
                : current.checkpoints().map(c -> "  \u00b7  " + c.size() + " checkpoints, tree of the last").orElse("");
        return describe(current.model()) + companion;
    }

    private static String count(long n, String singular) {
        return count(n, singular, singular + "s");
    }

    private static String count(long n, String singular, String plural) {
        return String.format(Locale.ROOT, "%,d %s", n, n == 1 ? singular : plural);
    }
}
