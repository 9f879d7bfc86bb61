package dev.biasinspector.gui.action;

import dev.biasinspector.gui.AppContext;
import dev.biasinspector.session.OpenModel;

import java.awt.event.InputEvent;
import java.awt.event.KeyEvent;

/**
 * File > Compare With: a second file of the same architecture (a later checkpoint, say). The
 * chart then shows the selected layer in both files and the change; a table ranks every bias.
 */
public final class CompareWithAction extends AppAction {

    public CompareWithAction(AppContext context) {
        super(context, "Compare With\u2026", KeyEvent.VK_C, menuKey(KeyEvent.VK_O, InputEvent.SHIFT_DOWN_MASK));
        putValue(SHORT_DESCRIPTION, "Compare the open model with another file of the same architecture");
    }

    @Override
    protected boolean isEnabledNow() {
        OpenModel open = context.session().current().orElse(null);
        return open != null && open.checkpoints().isEmpty() && !context.session().isLoading();
    }

    @Override
    protected void perform() {
        ModelChooser.chooseModel(context, "compareChooser", "Compare With", "Compare")
                .ifPresent(context.session()::compareWith);
    }
}
