package dev.biasinspector.gui.action;

import dev.biasinspector.gui.AppContext;

import java.awt.event.KeyEvent;

/**
 * File > Open: choose a model file, or a DJL model folder (select it and press Open), starting
 * in the folder used last time.
 */
public final class OpenAction extends AppAction {

    public OpenAction(AppContext context) {
        super(context, "Open\u2026", KeyEvent.VK_O, menuKey(KeyEvent.VK_O));
    }

    @Override
    protected void perform() {
        ModelChooser.chooseModel(context, "openChooser", "Open Model", "Open").ifPresent(context.session()::open);
    }
}
