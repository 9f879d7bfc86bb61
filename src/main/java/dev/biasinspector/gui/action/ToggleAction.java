package dev.biasinspector.gui.action;

import dev.biasinspector.gui.AppContext;

import javax.swing.KeyStroke;

/** A command with an on/off state (SELECTED_KEY), shown as a check box in menus and panels. */
public abstract class ToggleAction extends AppAction {

    protected ToggleAction(AppContext context, String name, int mnemonic, KeyStroke accelerator, boolean on) {
        super(context, name, mnemonic, accelerator);
        putValue(SELECTED_KEY, on);
    }

    /** Switches the state as a click on its check box would. */
    public void setOn(boolean on) {
        putValue(SELECTED_KEY, on);
        apply(on);
    }

    public boolean isOn() {
        return Boolean.TRUE.equals(getValue(SELECTED_KEY));
    }

    /** Check boxes and check-box menu items update SELECTED_KEY before the action runs. */
    @Override
    protected final void perform() {
        apply(isOn());
    }

    protected abstract void apply(boolean on);
}
