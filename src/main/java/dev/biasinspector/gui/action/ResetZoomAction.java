package dev.biasinspector.gui.action;

import dev.biasinspector.gui.AppContext;

import java.awt.event.KeyEvent;

/** View > Reset Zoom: back to the whole vector (also: double-click the chart). */
public final class ResetZoomAction extends AppAction {

    public ResetZoomAction(AppContext context) {
        super(context, "Reset Zoom", KeyEvent.VK_Z, menuKey(KeyEvent.VK_0));
    }

    @Override
    protected boolean isEnabledNow() {
        return chartShown();
    }

    @Override
    protected void perform() {
        context.chart().resetZoom();
    }
}
