package dev.biasinspector.gui.action;

import dev.biasinspector.gui.AppContext;

import java.awt.event.KeyEvent;

/**
 * File > Open Example: the tutorial's SimpleNet shipped in the jar, alone, compared before and
 * after 100 training steps, or as a series of checkpoints.
 */
public final class OpenExampleAction extends AppAction {

    private final Runnable open;

    private OpenExampleAction(AppContext context, String name, int mnemonic, Runnable open) {
        super(context, name, mnemonic, null);
        this.open = open;
    }

    public static OpenExampleAction untrained(AppContext context) {
        return new OpenExampleAction(context, "SimpleNet", KeyEvent.VK_S, context.session()::openDemo);
    }

    public static OpenExampleAction beforeAndAfterTraining(AppContext context) {
        return new OpenExampleAction(context, "SimpleNet Before and After Training", KeyEvent.VK_B,
                context.session()::openExampleComparison);
    }

    public static OpenExampleAction checkpoints(AppContext context) {
        return new OpenExampleAction(context, "SimpleNet Training Checkpoints", KeyEvent.VK_C,
                context.session()::openExampleCheckpoints);
    }

    @Override
    protected void perform() {
        open.run();
    }
}
