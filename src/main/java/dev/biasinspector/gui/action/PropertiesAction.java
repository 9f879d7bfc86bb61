package dev.biasinspector.gui.action;

import dev.biasinspector.session.ModelFiles;
import dev.biasinspector.gui.AppContext;
import dev.biasinspector.gui.ModelPropertiesDialog;
import dev.biasinspector.session.OpenModel;

import java.awt.event.KeyEvent;
import java.nio.file.Path;
import java.util.List;

/**
 * Model > Properties: the file's own facts (DJL header, serving.properties). For a DJL model
 * folder the other model files are listed first, on a worker.
 */
public final class PropertiesAction extends AppAction {

    public PropertiesAction(AppContext context) {
        super(context, "Properties\u2026", KeyEvent.VK_P, menuKey(KeyEvent.VK_I));
    }

    @Override
    protected boolean isEnabledNow() {
        return context.session().current().isPresent();
    }

    @Override
    protected void perform() {
        OpenModel open = context.session().current().orElseThrow();
        Path folder = open.modelFolder().orElse(null);
        if (folder == null) {
            show(open, List.of());
            return;
        }
        context.tasks().run(() -> ModelFiles.modelFilesOfFolder(folder), files -> show(open, files),
                failure -> show(open, List.of()));
    }

    private void show(OpenModel open, List<String> modelFiles) {
        new ModelPropertiesDialog(context.frame(), open, modelFiles, context.session()::open).setVisible(true);
    }
}
