package dev.biasinspector.session;

import dev.biasinspector.model.BiasChange;
import dev.biasinspector.model.BiasEntry;
import dev.biasinspector.model.BiasVector;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Builds the chart content for a selection: what the window shows and {@code export} writes. */
final class ContentReader {

    private ContentReader() {
    }

    /** The content when every value it needs was read before (a plain selection, no file access). */
    static Optional<ChartContent> cached(OpenModel model, OpenComparison compared, List<BiasEntry> selection) {
        if (compared != null || model.checkpoints().isPresent()) {
            return Optional.empty();
        }
        List<BiasVector> vectors = new ArrayList<>();
        selection.forEach(entry -> model.cached(entry.name()).ifPresent(vectors::add));
        return vectors.size() == selection.size() ? Optional.of(new ChartContent.Biases(vectors, "", source(model)))
                : Optional.empty();
    }

    /**
     * Reads what the chart needs: a series or a comparison shows the first selected bias (saying
     * so when several are selected); otherwise every selected bias is overlaid. Runs on a worker.
     */
    static ChartContent read(OpenModel model, OpenComparison compared, List<BiasEntry> selection) throws IOException {
        BiasEntry first = selection.get(0);
        String onlyFirst = selection.size() > 1 ? "Shows one layer at a time: " + first.name() + "." : "";
        if (model.checkpoints().isPresent()) {
            return new ChartContent.Evolution(model.checkpoints().get().evolution(first.name()), first, onlyFirst,
                    source(model));
        }
        if (compared != null) {
            Optional<BiasChange> change = compared.change(first.name());
            if (change.isPresent()) {
                return new ChartContent.Compared(change.get(), compared.before(), compared.after(), onlyFirst);
            }
            return new ChartContent.Biases(List.of(vector(model, first)), compared.whyNotCompared(first.name()),
                    source(model));
        }
        List<BiasVector> vectors = new ArrayList<>();
        for (BiasEntry entry : selection) {
            vectors.add(vector(model, entry));
        }
        return new ChartContent.Biases(vectors, "", source(model));
    }

    /** The open file's name, under every chart's title so that an exported PNG says where it comes from. */
    private static String source(OpenModel model) {
        return model.source().displayName();
    }

    private static BiasVector vector(OpenModel model, BiasEntry entry) throws IOException {
        Optional<BiasVector> cached = model.cached(entry.name());
        if (cached.isPresent()) {
            return cached.get();
        }
        BiasVector vector = entry.load();
        model.cache(vector);
        return vector;
    }
}
