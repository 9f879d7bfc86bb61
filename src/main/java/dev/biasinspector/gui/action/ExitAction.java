package dev.biasinspector.gui.action;

import dev.biasinspector.gui.AppContext;

import java.awt.event.KeyEvent;
import java.awt.event.WindowEvent;

/** File > Exit: closes the window the same way its close button does. */
public final class ExitAction extends AppAction {

    public ExitAction(AppContext context) {
        super(context, "Exit", KeyEvent.VK_X, menuKey(KeyEvent.VK_Q));
    }

    @Override
    protected void perform() {
        context.frame().dispatchEvent(new WindowEvent(context.frame(), WindowEvent.WINDOW_CLOSING));
    }
}
