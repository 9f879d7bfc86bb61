package dev.biasinspector.gui.action;

import dev.biasinspector.session.Engine;
import dev.biasinspector.gui.AppContext;
import dev.biasinspector.gui.DjlConsent;
import dev.biasinspector.session.OpenModel;

import java.awt.event.KeyEvent;

/**
 * Model > Reload with DJL Engine / with Archive Reader. The DJL path loads the file through
 * libtorch, which runs TorchScript code stored in the file; the user is told so once.
 */
public final class ReloadWithEngineAction extends AppAction {

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
        OpenModel open = context.session().current().orElse(null);
        return open != null && open.isTorchScript() && open.checkpoints().isEmpty() && open.engine() != engine
                && !context.session().isLoading();
    }

    @Override
    protected void perform() {
        OpenModel open = context.session().current().orElse(null);
        if (engine != Engine.DJL || open == null) {
            context.session().reload(engine);
            return;
        }
        DjlConsent.whenAccepted(context.frame(), context.session(), context.settings().trustedModels(),
                open.engineFile(), "Load with DJL Engine",
                // the same model still open: the answer was about this file
                () -> {
                    if (context.session().current().orElse(null) == open) {
                        context.session().reload(engine);
                    }
                },
                () -> { });
    }
}
