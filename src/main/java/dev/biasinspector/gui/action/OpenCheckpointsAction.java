package dev.biasinspector.gui.action;

import dev.biasinspector.gui.AppContext;

import java.awt.event.KeyEvent;

/**
 * File > Open Checkpoint Folder: every model file of a folder as one series in natural order
 * ({@code epoch_2} before {@code epoch_10}); the chart shows how the selected bias moves.
 */
public final class OpenCheckpointsAction extends AppAction {

    public OpenCheckpointsAction(AppContext context) {
        super(context, "Open Checkpoint Folder\u2026", KeyEvent.VK_K, null);
    }

    @Override
    protected void perform() {
        ModelChooser.chooseFolder(context, "checkpointChooser", "Open Checkpoint Folder", "Open")
                .ifPresent(context.session()::openCheckpoints);
    }
}
