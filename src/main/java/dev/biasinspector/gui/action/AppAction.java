package dev.biasinspector.gui.action;

import dev.biasinspector.gui.AppContext;

import javax.swing.AbstractAction;
import javax.swing.KeyStroke;
import java.awt.Toolkit;
import java.awt.event.ActionEvent;

/**
 * One command of the app, shared by its menu item, key binding and chart menu entry. Subclasses
 * say when they are enabled in {@link #isEnabledNow()}; {@link #refresh()} is called whenever the
 * open model, the selection or the loading state changes.
 */
public abstract class AppAction extends AbstractAction {

    /** Ctrl on Linux and Windows, Cmd on macOS. */
    protected static final int MENU_KEY = Toolkit.getDefaultToolkit().getMenuShortcutKeyMaskEx();

    protected final AppContext context;

    protected AppAction(AppContext context, String name, int mnemonic, KeyStroke accelerator) {
        super(name);
        this.context = context;
        if (mnemonic != 0) {
            putValue(MNEMONIC_KEY, mnemonic);
        }
        if (accelerator != null) {
            putValue(ACCELERATOR_KEY, accelerator);
        }
    }

    protected static KeyStroke menuKey(int keyCode) {
        return KeyStroke.getKeyStroke(keyCode, MENU_KEY);
    }

    protected static KeyStroke menuKey(int keyCode, int extraModifiers) {
        return KeyStroke.getKeyStroke(keyCode, MENU_KEY | extraModifiers);
    }

    /** Whether the command makes sense now; default: always. */
    protected boolean isEnabledNow() {
        return true;
    }

    public final void refresh() {
        setEnabled(isEnabledNow());
    }

    @Override
    public final void actionPerformed(ActionEvent e) {
        if (isEnabledNow()) {
            perform();
        }
    }

    /** Runs the command on the EDT; file work goes to {@code context.tasks()}. */
    protected abstract void perform();

    /** Whether a chart is on screen (commands that export it need one). */
    protected boolean chartShown() {
        return context.chart().chart().isPresent();
    }
}
