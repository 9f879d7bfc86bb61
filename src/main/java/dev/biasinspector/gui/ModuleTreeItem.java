package dev.biasinspector.gui;

import dev.biasinspector.model.BiasEntry;
import dev.biasinspector.model.ModuleNode;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * One row of the module tree: a module (showing its bias when it holds exactly one) or, under a
 * module with several biases ({@code lstm.bias_ih_l0}, {@code lstm.bias_hh_l0}), one of them.
 *
 * @param module  the module of this row
 * @param bias    the bias shown when the row is selected, or {@code null}
 * @param biasRow whether the row stands for one of several biases of {@code module}
 */
public record ModuleTreeItem(ModuleNode module, BiasEntry bias, boolean biasRow) {

    static ModuleTreeItem module(ModuleNode module, BiasEntry onlyBias) {
        return new ModuleTreeItem(module, onlyBias, false);
    }

    static ModuleTreeItem bias(BiasEntry bias) {
        return new ModuleTreeItem(bias.module(), bias, true);
    }

    public Optional<BiasEntry> selectedBias() {
        return Optional.ofNullable(bias);
    }

    /**
     * The main text: the module's name within its parent ({@code fc1}, or {@code 0} under
     * {@code enc}, as PyTorch prints a model), the bias's own name on a bias row, or the class for
     * the root. Every ancestor has a row, so the rows above spell out the full path; repeating it
     * on every row made deep models (MobileNet's {@code features.11.conv.1.1}) unreadable.
     */
    public String title() {
        if (biasRow) {
            return bias.parameter().localName();
        }
        return module.path().isEmpty() ? module.className() : module.name();
    }

    /** Full path for tooltips: {@code features.11.conv.1.1}, {@code lstm.bias_ih_l0}. */
    public String fullName() {
        if (biasRow) {
            return bias.name();
        }
        return module.path().isEmpty() ? module.className() : module.path();
    }

    /** The secondary text: class name on module rows (not the root's, already the title). */
    public String detail() {
        if (biasRow || module.path().isEmpty()) {
            return "";
        }
        return module.className();
    }

    /** The bias's shape, e.g. {@code [20]}, or empty. */
    public String shape() {
        if (bias == null) {
            return "";
        }
        return Arrays.stream(bias.parameter().shape()).mapToObj(Long::toString)
                .collect(Collectors.joining(", ", "[", "]"));
    }

    /** The title; tree fixtures and accessibility read this. */
    @Override
    public String toString() {
        return title();
    }
}
