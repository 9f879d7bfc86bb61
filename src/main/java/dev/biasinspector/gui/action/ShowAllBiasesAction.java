package dev.biasinspector.gui.action;

import dev.biasinspector.gui.AppContext;

import java.awt.event.KeyEvent;

/** View > All Layers with a Bias: Conv, norms, RNNs and attention besides Linear layers. */
public final class ShowAllBiasesAction extends ToggleAction {

    public ShowAllBiasesAction(AppContext context) {
        super(context, "All layers with a bias", KeyEvent.VK_A, null, context.settings().showAllBiases());
    }

    @Override
    protected void apply(boolean on) {
        context.settings().setShowAllBiases(on);
        context.treePanel().setAllBiases(on);
    }
}
