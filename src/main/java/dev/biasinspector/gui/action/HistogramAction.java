package dev.biasinspector.gui.action;

import dev.biasinspector.gui.AppContext;

import java.awt.event.KeyEvent;

/** View > Histogram: how the selected bias's values are distributed, instead of value by index. */
public final class HistogramAction extends ToggleAction {

    public HistogramAction(AppContext context) {
        super(context, "Histogram", KeyEvent.VK_H, menuKey(KeyEvent.VK_H), false);
        putValue(SHORT_DESCRIPTION, "Show a histogram of the values instead of the scatter");
    }

    @Override
    protected void apply(boolean on) {
        context.session().setHistogram(on);
    }
}
