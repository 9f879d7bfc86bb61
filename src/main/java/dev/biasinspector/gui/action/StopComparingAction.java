package dev.biasinspector.gui.action;

import dev.biasinspector.gui.AppContext;

import java.awt.event.KeyEvent;

/** File > Close Comparison: back to the open model alone. */
public final class StopComparingAction extends AppAction {

    public StopComparingAction(AppContext context) {
        super(context, "Close Comparison", KeyEvent.VK_L, null);
    }

    @Override
    protected boolean isEnabledNow() {
        return context.session().comparison().isPresent() && !context.session().isLoading();
    }

    @Override
    protected void perform() {
        context.session().stopComparing();
    }
}
