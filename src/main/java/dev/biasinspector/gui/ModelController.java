package dev.biasinspector.gui;

import dev.biasinspector.format.Engine;
import dev.biasinspector.format.ModelOpener;
import dev.biasinspector.model.BiasEntry;
import dev.biasinspector.model.BiasVector;
import dev.biasinspector.settings.RecentFiles;

import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Opens models and shows the selected bias: reading happens on {@link BackgroundTasks}, the views
 * are updated on the EDT. A load that fails or is cancelled leaves the open model on screen.
 * All public methods are called on the EDT.
 */
public final class ModelController {

    /** Told on the EDT whenever what is open, or whether something is loading, changes. */
    public interface Listener {
        void stateChanged();

        /** Open Recent gained or lost a file. */
        void recentFilesChanged();
    }

    private static final System.Logger LOG = System.getLogger(ModelController.class.getName());

    private final BackgroundTasks tasks;
    private final ModuleTreePanel tree;
    private final BiasChartView chart;
    private final StatusBar status;
    private final RecentFiles recentFiles;
    private final ErrorReporter errors;
    private final Listener listener;

    private OpenModel current;
    private BackgroundTasks.Handle loading;
    private BackgroundTasks.Handle reading;

    ModelController(BackgroundTasks tasks, ModuleTreePanel tree, BiasChartView chart, StatusBar status,
                    RecentFiles recentFiles, ErrorReporter errors, Listener listener) {
        this.tasks = tasks;
        this.tree = tree;
        this.chart = chart;
        this.status = status;
        this.recentFiles = recentFiles;
        this.errors = errors;
        this.listener = listener;
    }

    public void open(Path file) {
        load(new ModelSource.UserFile(file.toAbsolutePath().normalize()), Engine.ARCHIVE, Optional.empty());
    }

    /** Opens the bundled SimpleNet with {@code fc1} selected. */
    public void openDemo() {
        load(new ModelSource.Demo(), Engine.ARCHIVE, Optional.of("fc1.bias"));
    }

    /** Reads the open file again (it may have changed on disk), with the same engine and selection. */
    public void reload() {
        reload(current == null ? Engine.ARCHIVE : current.engine());
    }

    /** Reads the open file again through {@code engine}, keeping the selected layer. */
    public void reload(Engine engine) {
        if (current != null) {
            load(current.source(), engine, tree.selectedBias().map(BiasEntry::name));
        }
    }

    public void cancelLoading() {
        if (loading != null) {
            loading.cancel();
            loading = null;
            status.hideBusy();
            status.showMessage(current == null ? "Opening cancelled" : StatusBar.describe(current.model()));
            listener.stateChanged();
        }
    }

    public Optional<OpenModel> current() {
        return Optional.ofNullable(current);
    }

    public boolean isLoading() {
        return loading != null;
    }

    private void load(ModelSource source, Engine engine, Optional<String> select) {
        if (loading != null) {
            loading.cancel();
        }
        String verb = engine == Engine.DJL ? "Loading " + source.displayName() + " with DJL\u2026"
                : "Opening " + source.displayName() + "\u2026";
        status.showBusy(verb, this::cancelLoading);
        loading = tasks.run(
                () -> ModelOpener.open(source.resolve(), engine),
                model -> loaded(new OpenModel(model, source, engine), select),
                failure -> failed(source, failure));
        listener.stateChanged();
    }

    private void loaded(OpenModel opened, Optional<String> select) {
        loading = null;
        status.hideBusy();
        current = opened;
        if (reading != null) {
            reading.cancel();
        }
        tree.setModel(opened.model());
        tree.requestFocusInWindow();
        boolean selected = select.map(tree::selectBias).orElse(false);
        if (!selected && tree.selectFirstBias().isEmpty()) {
            chart.showMessage(opened.model().allBiases().isEmpty() ? "This model has no biases"
                    : "Select a layer with a bias");
        }
        status.showModel(opened.model());
        if (opened.source() instanceof ModelSource.UserFile file) {
            recentFiles.add(file.path());
            listener.recentFilesChanged();
        }
        listener.stateChanged();
    }

    private void failed(ModelSource source, Throwable failure) {
        loading = null;
        status.hideBusy();
        status.showMessage(current == null ? "Nothing open" : StatusBar.describe(current.model()));
        if (failure instanceof NoSuchFileException && source instanceof ModelSource.UserFile file) {
            recentFiles.remove(file.path());
            listener.recentFilesChanged();
        }
        LOG.log(System.Logger.Level.DEBUG, "could not open " + source.displayName(), failure);
        listener.stateChanged();
        errors.report("Cannot Open Model", LoadFailure.sentence(source.displayName(), "opened", failure), failure);
    }

    /** Shows the chart of {@code selection}, reading its values in the background the first time. */
    void show(Optional<BiasEntry> selection) {
        if (reading != null) {
            reading.cancel();
            reading = null;
        }
        if (selection.isEmpty()) {
            chart.showMessage("Select a layer with a bias");
            listener.stateChanged();
            return;
        }
        BiasEntry entry = selection.get();
        OpenModel model = current;
        Optional<BiasVector> cached = model.cached(entry.name());
        if (cached.isPresent()) {
            chart.show(cached.get());
            listener.stateChanged();
            return;
        }
        reading = tasks.run(entry::load, vector -> {
            reading = null;
            model.cache(vector);
            chart.show(vector);
            listener.stateChanged();
        }, failure -> {
            reading = null;
            chart.showMessage(LoadFailure.sentence(entry.name(), "read", failure));
            listener.stateChanged();
        });
    }

    /** Whether the chart shows what the tree selects (no read pending). For tests and actions. */
    public boolean isIdle() {
        return loading == null && reading == null;
    }

    /** Shows the user a failure: one sentence, details on request. */
    public interface ErrorReporter {
        void report(String title, String sentence, Throwable failure);
    }
}
