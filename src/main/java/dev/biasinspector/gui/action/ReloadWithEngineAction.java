package dev.biasinspector.gui.action;

import dev.biasinspector.format.Engine;
import dev.biasinspector.gui.AppContext;
import dev.biasinspector.gui.OpenModel;

import javax.swing.JOptionPane;
import java.awt.event.KeyEvent;

/**
 * Model > Reload with DJL Engine / with Archive Reader. The DJL path loads the file through
 * libtorch, which runs TorchScript code stored in the file; the user is told so once.
 */
public final class ReloadWithEngineAction extends AppAction {

    static final String DJL_WARNING = "<html><div style='width:380px'>The DJL engine loads the model with "
            + "PyTorch (libtorch), which <b>runs code stored in the file</b>. Only do this with files you "
            + "trust.<br><br>The archive reader used by default reads the same values without running "
            + "anything.</div></html>";

    private final Engine engine;

    private ReloadWithEngineAction(AppContext context, Engine engine, String name, int mnemonic) {
        super(context, name, mnemonic, null);
        this.engine = engine;
    }

    public static ReloadWithEngineAction djl(AppContext context) {
        return new ReloadWithEngineAction(context, Engine.DJL, "Reload with DJL Engine\u2026", KeyEvent.VK_D);
    }

    public static ReloadWithEngineAction archive(AppContext context) {
        return new ReloadWithEngineAction(context, Engine.ARCHIVE, "Reload with Archive Reader", KeyEvent.VK_A);
    }

    @Override
    protected boolean isEnabledNow() {
        OpenModel open = context.models().current().orElse(null);
        return open != null && open.isTorchScript() && open.engine() != engine && !context.models().isLoading();
    }

    @Override
    protected void perform() {
        if (engine == Engine.DJL && !context.settings().djlWarningAccepted()) {
            int answer = JOptionPane.showConfirmDialog(context.frame(), DJL_WARNING, "Load with DJL Engine",
                    JOptionPane.OK_CANCEL_OPTION, JOptionPane.WARNING_MESSAGE);
            if (answer != JOptionPane.OK_OPTION) {
                return;
            }
            context.settings().acceptDjlWarning();
        }
        context.models().reload(engine);
    }
}
