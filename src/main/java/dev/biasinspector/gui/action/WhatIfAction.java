package dev.biasinspector.gui.action;

import dev.biasinspector.gui.AppContext;
import dev.biasinspector.session.OpenModel;
import dev.biasinspector.gui.WhatIfDialog;

import java.awt.event.KeyEvent;

/**
 * Model > What-if: change one bias in memory and see how the model's output changes (runs the
 * model with DJL). Needs a TorchScript file on disk; one dialog per model at a time.
 */
public final class WhatIfAction extends AppAction {

    private WhatIfDialog open;

    public WhatIfAction(AppContext context) {
        super(context, "What-if\u2026", KeyEvent.VK_W, null);
        putValue(SHORT_DESCRIPTION, "Scale, shift or zero a bias in memory and compare the model's outputs");
    }

    @Override
    protected boolean isEnabledNow() {
        return context.session().current().flatMap(OpenModel::torchScriptFile).isPresent()
                && !context.session().isLoading();
    }

    @Override
    protected void perform() {
        OpenModel model = context.session().current().orElseThrow();
        if (open != null && open.isDisplayable() && open.isFor(model)) {
            open.toFront();
            return;
        }
        if (open != null) {
            open.dispose();
        }
        open = WhatIfDialog.create(context, model);
        open.setVisible(true);
    }
}
