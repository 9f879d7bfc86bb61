package dev.biasinspector.gui.action;

import dev.biasinspector.gui.AppContext;

import javax.swing.KeyStroke;
import java.awt.event.KeyEvent;

/** File > Reload (F5): read the open file again with the same engine, keeping the selected layer. */
public final class ReloadAction extends AppAction {

    public ReloadAction(AppContext context) {
        super(context, "Reload", KeyEvent.VK_R, KeyStroke.getKeyStroke(KeyEvent.VK_F5, 0));
    }

    @Override
    protected boolean isEnabledNow() {
        return context.session().current().isPresent() && !context.session().isLoading();
    }

    @Override
    protected void perform() {
        context.session().reload();
    }
}
