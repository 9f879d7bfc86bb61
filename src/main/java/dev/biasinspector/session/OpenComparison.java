package dev.biasinspector.session;

import dev.biasinspector.model.BiasChange;
import dev.biasinspector.model.FileLabels;
import dev.biasinspector.model.LoadedModel;
import dev.biasinspector.model.ModelComparison;

import java.util.Optional;

/**
 * The open model compared with a second file: every bias of both, paired by name.
 *
 * @param other       the second model
 * @param otherSource where it came from (to read it again on Reload)
 * @param comparison  the biases of both, their changes and the names found in only one
 * @param before      the open model's name in charts and tables ({@code simple_net.pt})
 * @param after       the second model's name ({@code simple_net_trained.pt})
 */
public record OpenComparison(LoadedModel other, ModelSource otherSource, ModelComparison comparison,
                             String before, String after) {

    /** Compares {@code model} with {@code other}, reading every bias of both; call off the EDT. */
    static OpenComparison of(LoadedModel model, LoadedModel other, ModelSource otherSource)
            throws java.io.IOException {
        String[] names = FileLabels.distinct(model.file(), other.file());
        return new OpenComparison(other, otherSource, ModelComparison.of(model, other), names[0], names[1]);
    }

    public Optional<BiasChange> change(String biasName) {
        return comparison.changes().stream().filter(c -> c.name().equals(biasName)).findFirst();
    }

    /** Why {@code biasName} has no before/after chart, in one sentence. */
    public String whyNotCompared(String biasName) {
        if (comparison.onlyInA().contains(biasName)) {
            return biasName + " is only in " + before + ".";
        }
        if (comparison.shapeChanged().contains(biasName)) {
            return biasName + " has another shape in " + after + ".";
        }
        return biasName + " is not in " + after + ".";
    }
}
