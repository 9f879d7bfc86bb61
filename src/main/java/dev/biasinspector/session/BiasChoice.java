package dev.biasinspector.session;

import dev.biasinspector.model.BiasEntry;
import dev.biasinspector.model.LoadedModel;

import java.util.ArrayList;
import java.util.List;

/** Which biases the session shows: the ones asked for by name, or after a load, a sensible first one. */
final class BiasChoice {

    private BiasChoice() {
    }

    /** The biases named {@code wanted} when the model has any of them, else its first Linear bias (else its first). */
    static List<BiasEntry> pick(LoadedModel model, List<String> wanted) {
        List<BiasEntry> found = find(model, wanted);
        if (!found.isEmpty()) {
            return found;
        }
        List<BiasEntry> linear = model.linearBiases();
        List<BiasEntry> any = linear.isEmpty() ? model.allBiases() : linear;
        return any.isEmpty() ? List.of() : List.of(any.get(0));
    }

    static List<BiasEntry> find(LoadedModel model, List<String> names) {
        List<BiasEntry> all = model.allBiases();
        List<BiasEntry> found = new ArrayList<>();
        for (String name : names) {
            all.stream().filter(b -> b.name().equals(name)).findFirst().ifPresent(found::add);
        }
        return List.copyOf(found);
    }
}
