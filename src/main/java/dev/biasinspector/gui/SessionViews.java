package dev.biasinspector.gui;

import dev.biasinspector.model.BiasEntry;
import dev.biasinspector.session.BiasSession;
import dev.biasinspector.session.SessionListener;

/**
 * Keeps the module tree and the status bar showing the session: a new model rebuilds the tree, the
 * session's selection is marked in it (without the tree reporting it back), the status line and the
 * progress bar follow loading. A click in the tree goes to {@link BiasSession#select}. EDT only.
 */
final class SessionViews implements SessionListener {

    private final BiasSession session;
    private final ModuleTreePanel tree;
    private final StatusBar status;

    private SessionViews(BiasSession session, ModuleTreePanel tree, StatusBar status) {
        this.session = session;
        this.tree = tree;
        this.status = status;
    }

    /** Where the open model lives, for the status bar: a path, or which bundled example. */
    static String location(dev.biasinspector.session.ModelSource source) {
        if (source instanceof dev.biasinspector.session.ModelSource.UserFile file) {
            return file.path().toAbsolutePath().toString();
        }
        if (source instanceof dev.biasinspector.session.ModelSource.CheckpointFolder folder) {
            return folder.folder().toAbsolutePath().toString();
        }
        return source.displayName();
    }

    static void bind(BiasSession session, ModuleTreePanel tree, StatusBar status) {
        session.addListener(new SessionViews(session, tree, status));
    }

    @Override
    public void modelChanged() {
        session.current().ifPresent(open -> tree.setModel(open.model()));
        tree.requestFocusInWindow();
    }

    @Override
    public void selectionChanged() {
        tree.showSelection(session.selection().stream().map(BiasEntry::name).toList());
    }

    @Override
    public void statusChanged() {
        status.showMessage(session.status());
        status.showLocation(session.current().map(open -> location(open.source())).orElse(""));
        if (session.isNote()) {
            String note = session.status();
            status.expireLater(() -> session.expireNote(note));
        }
        session.busy().ifPresentOrElse(what -> status.showBusy(what, session::cancel), status::hideBusy);
    }
}
