package dev.biasinspector.gui.action;

import dev.biasinspector.gui.AppContext;
import dev.biasinspector.session.OpenModel;
import dev.biasinspector.session.SessionListener;
import dev.biasinspector.gui.WhatIfDialog;

import java.awt.event.KeyEvent;
import java.util.Optional;

/**
 * Model > What-if: change one bias in memory and see how the model's output changes (runs the
 * model with DJL). Needs a TorchScript file on disk; one dialog per model at a time, closed when
 * another model is opened (it would run the old file while the window shows the new one).
 * Disabled, its tooltip says why.
 */
public final class WhatIfAction extends AppAction {

    static final String DESCRIPTION = "Scale, shift or zero a bias in memory and compare the model's outputs";

    private WhatIfDialog open;

    public WhatIfAction(AppContext context) {
        super(context, "What-if\u2026", KeyEvent.VK_W, null);
        putValue(SHORT_DESCRIPTION, DESCRIPTION);
        context.session().addListener(new SessionListener() {
            @Override
            public void modelChanged() {
                if (open != null && open.isDisplayable()
                        && context.session().current().map(m -> !open.isFor(m)).orElse(true)) {
                    open.dispose();
                }
            }
        });
    }

    @Override
    protected boolean isEnabledNow() {
        String why = whyDisabled();
        putValue(SHORT_DESCRIPTION, why == null ? DESCRIPTION : why);
        return why == null;
    }

    /** Why What-if cannot run now, in one sentence; null when it can. */
    String whyDisabled() {
        if (context.session().isLoading()) {
            return "Available once the model has loaded";
        }
        Optional<OpenModel> model = context.session().current();
        if (model.isEmpty()) {
            return "Open a TorchScript model (.pt) first";
        }
        if (model.get().torchScriptFile().isEmpty()) {
            return model.get().source().displayName() + " is not a TorchScript file: what-if runs the model with "
                    + "DJL's PyTorch engine, which needs the code torch.jit.save stores; a torch.save checkpoint "
                    + "or a weights file holds weights only";
        }
        return null;
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
