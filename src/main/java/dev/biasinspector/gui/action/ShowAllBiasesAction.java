package dev.biasinspector.gui.action;

import dev.biasinspector.gui.AppContext;

import java.awt.event.KeyEvent;
import java.util.function.Consumer;

/** View > All Layers with a Bias: Conv, norms, RNNs and attention besides Linear layers. */
public final class ShowAllBiasesAction extends ToggleAction {

    private final Consumer<Boolean> tree;

    /** @param tree the tree that lists Linear layers only, or every layer with a bias */
    public ShowAllBiasesAction(AppContext context, Consumer<Boolean> tree) {
        super(context, "All layers with a bias", KeyEvent.VK_A, null, context.settings().showAllBiases());
        this.tree = tree;
    }

    @Override
    protected void apply(boolean on) {
        context.settings().setShowAllBiases(on);
        tree.accept(on);
    }
}
