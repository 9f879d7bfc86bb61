package dev.biasinspector.gui;

import dev.biasinspector.format.CheckpointSeries;
import dev.biasinspector.format.Engine;
import dev.biasinspector.format.ModelOpener;
import dev.biasinspector.model.BiasChange;
import dev.biasinspector.model.BiasEntry;
import dev.biasinspector.model.BiasVector;
import dev.biasinspector.model.LoadedModel;
import dev.biasinspector.settings.RecentFiles;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Opens models, checkpoint series and comparisons, and shows the selected biases: reading happens
 * on {@link BackgroundTasks}, the views are updated on the EDT. A load that fails or is cancelled
 * leaves the open model (and its comparison) on screen. All public methods are called on the EDT.
 */
public final class ModelController {

    /** Told on the EDT whenever what is open, or whether something is loading, changes. */
    public interface Listener {
        void stateChanged();

        /** Open Recent gained or lost a file. */
        void recentFilesChanged();

        /** A comparison started, was replaced or ended. */
        void comparisonChanged();
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
    private OpenComparison comparison;
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

    /** Opens a model file, a DJL model folder or a DJL archive. */
    public void open(Path file) {
        load(new ModelSource.UserFile(file.toAbsolutePath().normalize()), Engine.ARCHIVE, List.of(), null);
    }

    /** Opens the bundled SimpleNet with {@code fc1} selected. */
    public void openDemo() {
        load(new ModelSource.Demo(), Engine.ARCHIVE, List.of("fc1.bias"), null);
    }

    /** The tutorial's experiment: SimpleNet before training compared with it after 100 steps, fc1 selected. */
    public void openExampleComparison() {
        load(new ModelSource.Demo(), Engine.ARCHIVE, List.of("fc1.bias"),
                () -> compareWith(new ModelSource.Demo("simple_net_trained.pt")));
    }

    /** Opens every model file of {@code folder} as one checkpoint series, in natural order. */
    public void openCheckpoints(Path folder) {
        load(new ModelSource.CheckpointFolder(folder.toAbsolutePath().normalize()), Engine.ARCHIVE, List.of(), null);
    }

    /** The bundled checkpoint series of SimpleNet, fc1 selected. */
    public void openExampleCheckpoints() {
        load(new ModelSource.ExampleCheckpoints(), Engine.ARCHIVE, List.of("fc1.bias"), null);
    }

    /** Reads the open file again (it may have changed on disk), with the same engine and selection. */
    public void reload() {
        reload(current == null ? Engine.ARCHIVE : current.engine());
    }

    /** Reads the open file again through {@code engine}, keeping the selected layers and the comparison. */
    public void reload(Engine engine) {
        if (current != null) {
            OpenComparison compared = comparison;
            load(current.source(), engine, names(tree.selectedBiases()),
                    compared == null ? null : () -> compareWith(compared.otherSource()));
        }
    }

    /**
     * Compares the open model with a second file of the same architecture: for the selected layer,
     * both versions and their difference; a table ranks every bias by change.
     */
    public void compareWith(Path file) {
        compareWith(new ModelSource.UserFile(file.toAbsolutePath().normalize()));
    }

    void compareWith(ModelSource otherSource) {
        if (current == null) {
            return;
        }
        cancelPending();
        OpenModel base = current;
        status.showBusy("Comparing with " + otherSource.displayName() + "\u2026", this::cancelLoading);
        loading = tasks.run(() -> {
                    LoadedModel other = ModelOpener.open(otherSource.resolve());
                    return OpenComparison.of(base.model(), other, otherSource);
                },
                compared -> {
                    loading = null;
                    status.hideBusy();
                    comparison = compared;
                    status.showModel(base.model(), describeCompanion());
                    listener.comparisonChanged();
                    show(tree.selectedBiases());
                    listener.stateChanged();
                },
                failure -> failed("Cannot Compare", otherSource, "compared", failure));
        listener.stateChanged();
    }

    /** Back to the open model alone. */
    public void stopComparing() {
        if (comparison != null) {
            comparison = null;
            status.showModel(current.model(), describeCompanion());
            listener.comparisonChanged();
            show(tree.selectedBiases());
        }
    }

    public void cancelLoading() {
        if (loading != null) {
            loading.cancel();
            loading = null;
            status.hideBusy();
            status.showMessage(current == null ? "Opening cancelled" : StatusBar.describe(current.model()) + describeCompanion());
            listener.stateChanged();
        }
    }

    public Optional<OpenModel> current() {
        return Optional.ofNullable(current);
    }

    /** The comparison on screen, if any. */
    public Optional<OpenComparison> comparison() {
        return Optional.ofNullable(comparison);
    }

    public boolean isLoading() {
        return loading != null;
    }

    private void cancelPending() {
        if (loading != null) {
            loading.cancel();
        }
    }

    /**
     * @param select biases to select afterwards (else the first one)
     * @param then   runs after a successful load, e.g. to compare with a second file
     */
    private void load(ModelSource source, Engine engine, List<String> select, Runnable then) {
        cancelPending();
        boolean series = source.isCheckpointSeries();
        String verb = series ? "Opening the checkpoints in " + source.displayName() + "\u2026"
                : engine == Engine.DJL ? "Loading " + source.displayName() + " with DJL\u2026"
                : "Opening " + source.displayName() + "\u2026";
        status.showBusy(verb, this::cancelLoading);
        loading = tasks.run(
                () -> series ? openSeries(source) : openOne(source, engine),
                opened -> {
                    loaded(opened, select);
                    if (then != null) {
                        then.run();
                    }
                },
                failure -> failed("Cannot Open Model", source, "opened", failure));
        listener.stateChanged();
    }

    /**
     * Reads one model. A folder that is not one DJL model but holds several model files is taken
     * for what it most likely is, a folder of checkpoints, rather than refused. Runs on a worker.
     */
    private static OpenModel openOne(ModelSource source, Engine engine) throws IOException {
        Path path = source.resolve();
        try {
            return new OpenModel(ModelOpener.open(path, engine), source, engine);
        } catch (dev.biasinspector.format.ModelFormatException notOneModel) {
            if (java.nio.file.Files.isDirectory(path) && isCheckpointFolder(path)) {
                return openSeries(new ModelSource.CheckpointFolder(path));
            }
            throw notOneModel;
        }
    }

    private static boolean isCheckpointFolder(Path folder) {
        try {
            return CheckpointSeries.list(folder).size() >= 2;
        } catch (IOException e) {
            return false;
        }
    }

    /** Reads every checkpoint of the folder; the tree shows the last one. Runs on a worker. */
    private static OpenModel openSeries(ModelSource source) throws IOException {
        Path folder = source.resolve();
        List<Path> files = CheckpointSeries.list(folder);
        List<LoadedModel> models = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (Path file : files) {
            if (Thread.currentThread().isInterrupted()) {
                throw new java.io.InterruptedIOException("cancelled");
            }
            try {
                models.add(ModelOpener.open(file));
            } catch (IOException e) {
                throw new dev.biasinspector.format.ModelFormatException("the checkpoint " + file.getFileName()
                        + " could not be read (" + LoadFailure.reason(e) + ")", e);
            }
            labels.add(file.getFileName().toString());
        }
        return new OpenModel(models.get(models.size() - 1), source, Engine.ARCHIVE,
                new OpenCheckpoints(folder, labels, models));
    }

    private void loaded(OpenModel opened, List<String> select) {
        loading = null;
        status.hideBusy();
        current = opened;
        chart.setSource(opened.source().displayName());
        boolean hadComparison = comparison != null;
        comparison = null;
        if (reading != null) {
            reading.cancel();
        }
        tree.setModel(opened.model());
        tree.requestFocusInWindow();
        boolean selected = !select.isEmpty() && tree.selectBiases(select);
        if (!selected && tree.selectedBiases().isEmpty() && tree.selectFirstBias().isEmpty()) {
            chart.showMessage(opened.model().allBiases().isEmpty() ? "This model has no biases"
                    : "Select a layer with a bias");
        }
        status.showModel(opened.model(), describeCompanion());
        if (opened.source() instanceof ModelSource.UserFile file) {
            recentFiles.add(file.path());
            listener.recentFilesChanged();
        }
        if (hadComparison) {
            listener.comparisonChanged();
        }
        listener.stateChanged();
    }

    private void failed(String title, ModelSource source, String verb, Throwable failure) {
        loading = null;
        status.hideBusy();
        status.showMessage(current == null ? "Nothing open" : StatusBar.describe(current.model()) + describeCompanion());
        if (failure instanceof NoSuchFileException && source instanceof ModelSource.UserFile file) {
            recentFiles.remove(file.path());
            listener.recentFilesChanged();
        }
        LOG.log(System.Logger.Level.DEBUG, "could not open " + source.displayName(), failure);
        listener.stateChanged();
        errors.report(title, LoadFailure.sentence(source.displayName(), verb, failure), failure);
    }

    /** " · compared with b.pt" or " · 4 checkpoints" for the status bar. */
    private String describeCompanion() {
        if (comparison != null) {
            return "  \u00b7  compared with " + comparison.after();
        }
        if (current != null && current.checkpoints().isPresent()) {
            return "  \u00b7  " + current.checkpoints().get().size() + " checkpoints, tree of the last";
        }
        return "";
    }

    /** Shows the chart of {@code selection}, reading values in the background the first time. */
    void show(List<BiasEntry> selection) {
        if (reading != null) {
            reading.cancel();
            reading = null;
        }
        if (selection.isEmpty() || current == null) {
            chart.showMessage("Select a layer with a bias");
            listener.stateChanged();
            return;
        }
        OpenModel model = current;
        OpenComparison compared = comparison;
        if (compared == null && model.checkpoints().isEmpty()) {
            List<BiasVector> cached = new ArrayList<>();
            selection.forEach(entry -> model.cached(entry.name()).ifPresent(cached::add));
            if (cached.size() == selection.size()) {
                chart.show(new ChartContent.Biases(cached));
                listener.stateChanged();
                return;
            }
        }
        reading = tasks.run(() -> contentFor(model, compared, selection), content -> {
            reading = null;
            chart.show(content);
            listener.stateChanged();
        }, failure -> {
            reading = null;
            chart.showMessage(LoadFailure.sentence(selection.get(0).name(), "read", failure));
            listener.stateChanged();
        });
    }

    /** Reads what the chart needs for this selection; runs on a worker. */
    private static ChartContent contentFor(OpenModel model, OpenComparison compared, List<BiasEntry> selection)
            throws IOException {
        BiasEntry first = selection.get(0);
        String onlyFirst = selection.size() > 1 ? "Shows one layer at a time: " + first.name() + "." : "";
        if (model.checkpoints().isPresent()) {
            return new ChartContent.Evolution(model.checkpoints().get().evolution(first.name()), first, onlyFirst);
        }
        if (compared != null) {
            Optional<BiasChange> change = compared.change(first.name());
            if (change.isPresent()) {
                return new ChartContent.Compared(change.get(), compared.before(), compared.after(), onlyFirst);
            }
            return new ChartContent.Biases(List.of(vector(model, first)), compared.whyNotCompared(first.name()));
        }
        List<BiasVector> vectors = new ArrayList<>();
        for (BiasEntry entry : selection) {
            vectors.add(vector(model, entry));
        }
        return new ChartContent.Biases(vectors);
    }

    private static BiasVector vector(OpenModel model, BiasEntry entry) throws IOException {
        Optional<BiasVector> cached = model.cached(entry.name());
        if (cached.isPresent()) {
            return cached.get();
        }
        BiasVector vector = entry.load();
        model.cache(vector);
        return vector;
    }

    private static List<String> names(List<BiasEntry> entries) {
        return entries.stream().map(BiasEntry::name).toList();
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
