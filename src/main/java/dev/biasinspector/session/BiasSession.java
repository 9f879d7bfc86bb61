package dev.biasinspector.session;

import dev.biasinspector.chart.EvolutionChartFactory.Shading;
import dev.biasinspector.model.BiasEntry;
import dev.biasinspector.settings.RecentFiles;

import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * What the user has open and looks at: the model (or checkpoint series), the comparison, the
 * selected biases and how the chart shows them. Files are read through the {@link TaskRunner}; a
 * load that fails or is cancelled leaves what was open as it was. Views learn what changed from
 * {@link SessionListener} events; the window and {@code export} draw the same {@link ChartContent}.
 *
 * <p>Thread contract: every method is called on one thread, the session's (the EDT in the window,
 * the caller's thread on the command line and in tests); listeners are told on it too.
 */
public final class BiasSession {

    private static final System.Logger LOG = System.getLogger(BiasSession.class.getName());
    static final String SELECT_A_LAYER = "Select a layer with a bias";

    private final TaskRunner tasks;
    private final RecentFiles recentFiles;
    private final SessionEvents events = new SessionEvents();

    private OpenModel current;
    private OpenComparison comparison;
    private List<BiasEntry> selection = List.of();
    private ChartContent content;
    private String message = "";
    private ChartOptions options = ChartOptions.DEFAULT;
    private String status = "Nothing open";
    /** The last note of {@link #setStatus}, while it may still be on the status line. */
    private String note;
    private String busy;
    private PendingTask loading;
    private PendingTask reading;

    /** @param recentFiles remembers opened files for Open Recent; null remembers nothing */
    public BiasSession(TaskRunner tasks, RecentFiles recentFiles) {
        this.tasks = tasks;
        this.recentFiles = recentFiles;
    }

    public void addListener(SessionListener listener) {
        events.add(listener);
    }

    // ---- opening -------------------------------------------------------------------------

    /** Opens a model file, a DJL model folder or archive, or a folder of checkpoints. */
    public void open(Path file) {
        command(() -> load(new ModelSource.UserFile(file), Engine.ARCHIVE, List.of(), null));
    }

    /** Opens the file {@code ahead} has been reading since the app started (see {@link ReadAhead}). */
    public void open(ReadAhead ahead) {
        command(() -> load(ahead.source(), Engine.ARCHIVE, ahead.select(), null, ahead::take));
    }

    /** Opens {@code file} showing {@code biasNames} (those it has), as the window does at start. */
    public void open(Path file, List<String> biasNames) {
        command(() -> load(new ModelSource.UserFile(file), Engine.ARCHIVE,
                List.copyOf(biasNames), null));
    }

    /** Opens {@code file} through {@code engine} (DJL runs code stored in the file). */
    public void open(Path file, Engine engine) {
        command(() -> load(new ModelSource.UserFile(file), engine, List.of(), null));
    }

    /** Opens the bundled SimpleNet with {@code fc1} selected. */
    public void openDemo() {
        command(() -> load(new ModelSource.Demo(), Engine.ARCHIVE, ModelSource.Demo.FIRST_BIAS, null));
    }

    /** The tutorial's experiment: SimpleNet before training compared with it after 100 steps, fc1 selected. */
    public void openExampleComparison() {
        command(() -> load(new ModelSource.Demo(), Engine.ARCHIVE, ModelSource.Demo.FIRST_BIAS,
                () -> startComparing(new ModelSource.Demo("simple_net_trained.pt"))));
    }

    /** Opens every model file of {@code folder} as one checkpoint series, in natural order. */
    public void openCheckpoints(Path folder) {
        command(() -> load(new ModelSource.CheckpointFolder(folder.toAbsolutePath().normalize()), Engine.ARCHIVE,
                List.of(), null));
    }

    /** The bundled checkpoint series of SimpleNet, fc1 selected. */
    public void openExampleCheckpoints() {
        command(() -> load(new ModelSource.ExampleCheckpoints(), Engine.ARCHIVE, ModelSource.Demo.FIRST_BIAS, null));
    }

    /** Reads the open file again (it may have changed on disk), with the same engine and selection. */
    public void reload() {
        command(() -> {
            if (current != null) {
                reloadWith(current.engine());
            }
        });
    }

    /** Reads the open file again through {@code engine}, keeping the selected layers and the comparison. */
    public void reload(Engine engine) {
        command(() -> reloadWith(engine));
    }

    private void reloadWith(Engine engine) {
        if (current != null) {
            OpenComparison compared = comparison;
            load(current.source(), engine, names(selection),
                    compared == null ? null : () -> startComparing(compared.otherSource()));
        }
    }

    /** Compares the open model with a second file of the same architecture. */
    public void compareWith(Path file) {
        command(() -> startComparing(new ModelSource.UserFile(file)));
    }

    /** Compares the open model with {@code otherSource} (e.g. a bundled example). */
    public void compareWith(ModelSource otherSource) {
        command(() -> startComparing(otherSource));
    }

    /** Back to the open model alone. */
    public void stopComparing() {
        command(() -> {
            if (comparison != null) {
                comparison = null;
                status = ModelSummary.describe(current, comparison);
                tell(SessionListener::comparisonChanged);
                tell(SessionListener::statusChanged);
                showSelection();
            }
        });
    }

    /** Stops a load in progress; what was open stays open. */
    public void cancel() {
        command(() -> {
            if (loading != null) {
                loading.cancel();
                loading = null;
                busy = null;
                status = current == null ? "Opening cancelled" : ModelSummary.describe(current, comparison);
                tell(SessionListener::statusChanged);
            }
        });
    }

    // ---- what is shown -------------------------------------------------------------------

    /** Shows these biases (by name, in this order); names the open model lacks are skipped. */
    public void select(List<String> biasNames) {
        command(() -> {
            List<BiasEntry> wanted = current == null ? List.of() : BiasChoice.find(current.model(), biasNames);
            if (!names(wanted).equals(names(selection))) {
                selection = wanted;
                tell(SessionListener::selectionChanged);
                showSelection();
            }
        });
    }

    /** Scatter (false) or histogram (true). */
    public void setHistogram(boolean on) {
        command(() -> setOptions(options.withHistogram(on)));
    }

    /** Which checkpoint of a series the chart shows (clamped to the series). */
    public void showCheckpoint(int index) {
        command(() -> {
            if (content instanceof ChartContent.Evolution evolution) {
                setOptions(options.withCheckpoint(Math.max(0, Math.min(index, evolution.size() - 1))));
            }
        });
    }

    /** About how many histogram bins (0: automatic); the same bins for every series shown. */
    public void setBins(int bins) {
        command(() -> setOptions(options.withBins(bins)));
    }

    /** What the checkpoint heat map's colour shows. */
    public void setShading(Shading shading) {
        command(() -> setOptions(options.withShading(shading)));
    }

    /** A one-line note for the status line, e.g. "Saved fc1.png"; see {@link #expireNote}. */
    public void setStatus(String text) {
        command(() -> {
            status = text;
            note = text;
            tell(SessionListener::statusChanged);
        });
    }

    /** Whether the status line shows a note of {@link #setStatus} rather than what is open. */
    public boolean isNote() {
        return note != null && note.equals(status);
    }

    /**
     * The note {@code text} has been read: the status line goes back to what is open. Nothing
     * happens when another status replaced it meanwhile (the window calls this a while later).
     */
    public void expireNote(String text) {
        command(() -> {
            if (isNote() && status.equals(text)) {
                note = null;
                status = ModelSummary.describe(current, comparison);
                tell(SessionListener::statusChanged);
            }
        });
    }

    // ---- what-if -------------------------------------------------------------------------

    /**
     * Runs the open model twice with DJL, with the bias as stored and edited (runs code stored
     * in the file). The outcome goes to one of the callbacks, on the session's thread.
     */
    public TaskRunner.Handle runWhatIf(WhatIfRequest request, Consumer<ChartContent.WhatIf> done,
                                       Consumer<Throwable> failed) {
        return tasks.run(() -> new ChartContent.WhatIf(WhatIfRuns.run(request), request.modelName()), done, failed);
    }

    /**
     * Works out the SHA-256 fingerprint of {@code file} (a model file or folder) on a worker, for
     * consent to run its code: reads the whole file.
     */
    public TaskRunner.Handle fingerprint(Path file, Consumer<String> done, Consumer<Throwable> failed) {
        return tasks.run(() -> ModelFingerprint.of(file), done, failed);
    }

    // ---- state ---------------------------------------------------------------------------

    public Optional<OpenModel> current() {
        return Optional.ofNullable(current);
    }

    public Optional<OpenComparison> comparison() {
        return Optional.ofNullable(comparison);
    }

    /** The biases shown, first one first (a comparison or a series shows the first). */
    public List<BiasEntry> selection() {
        return selection;
    }

    /** What the chart shows; empty while a message stands in its place. */
    public Optional<ChartContent> content() {
        return Optional.ofNullable(content);
    }

    /** The sentence shown where the chart would be when there is no content ("Select a layer…"). */
    public String message() {
        return message;
    }

    public ChartOptions options() {
        return options;
    }

    /** The status line: what is open, or what just happened. */
    public String status() {
        return status;
    }

    /** What is loading ("Opening a.pt…"), if something is. */
    public Optional<String> busy() {
        return Optional.ofNullable(busy);
    }

    public boolean isLoading() {
        return loading != null;
    }

    /** Whether the chart shows what is selected (nothing is being opened or read). */
    public boolean isIdle() {
        return loading == null && reading == null;
    }

    // ---- inside --------------------------------------------------------------------------

    private void startComparing(ModelSource otherSource) {
        if (current == null) {
            return;
        }
        cancelPending();
        OpenModel base = current;
        busy = "Comparing with " + otherSource.displayName() + "\u2026";
        loading = start(() -> OpenComparison.of(base.model(), ModelFiles.open(otherSource.resolve(), Engine.ARCHIVE),
                        otherSource),
                compared -> {
                    loading = null;
                    busy = null;
                    comparison = compared;
                    status = ModelSummary.describe(current, comparison);
                    tell(SessionListener::comparisonChanged);
                    tell(SessionListener::statusChanged);
                    showSelection();
                },
                failure -> failed("Cannot Compare", otherSource, "compared", failure));
        if (loading != null) {
            tell(SessionListener::statusChanged);
        }
    }

    /**
     * @param select biases to select afterwards (else the first Linear one)
     * @param then   runs after a successful load, e.g. to compare with a second file
     */
    private void load(ModelSource source, Engine engine, List<String> select, Runnable then) {
        load(source, engine, select, then, () -> OpenModel.read(source, engine));
    }

    /** @param read reads {@code source} with {@code engine}, on a worker */
    private void load(ModelSource source, Engine engine, List<String> select, Runnable then,
                      TaskRunner.Work<OpenModel> read) {
        cancelPending();
        busy = source.isCheckpointSeries() ? "Opening the checkpoints in " + source.displayName() + "\u2026"
                : engine == Engine.DJL ? "Loading " + source.displayName() + " with DJL\u2026"
                : "Opening " + source.displayName() + "\u2026";
        loading = start(read,
                opened -> {
                    loaded(opened, select);
                    if (then != null) {
                        then.run();
                    }
                },
                failure -> failed("Cannot Open Model", source, "opened", failure));
        if (loading != null) {
            tell(SessionListener::statusChanged);
        }
    }

    private void loaded(OpenModel opened, List<String> select) {
        loading = null;
        busy = null;
        if (reading != null) {
            reading.cancel();
            reading = null;
        }
        boolean hadComparison = comparison != null;
        current = opened;
        comparison = null;
        selection = BiasChoice.pick(opened.model(), select);
        status = ModelSummary.describe(current, comparison);
        // Folders too (a checkpoint series, a DJL or Hugging Face folder): Open Recent lists them.
        if (opened.source().userPath().isPresent() && recentFiles != null) {
            recentFiles.add(opened.source().userPath().get());
            tell(SessionListener::recentFilesChanged);
        }
        tell(SessionListener::modelChanged);
        if (hadComparison) {
            tell(SessionListener::comparisonChanged);
        }
        tell(SessionListener::selectionChanged);
        tell(SessionListener::statusChanged);
        showSelection();
    }

    private void failed(String title, ModelSource source, String verb, Throwable failure) {
        loading = null;
        busy = null;
        status = current == null ? "Nothing open" : ModelSummary.describe(current, comparison);
        if (failure instanceof NoSuchFileException && source instanceof ModelSource.UserFile file
                && recentFiles != null) {
            recentFiles.remove(file.path());
            tell(SessionListener::recentFilesChanged);
        }
        LOG.log(System.Logger.Level.DEBUG, "could not open " + source.displayName(), failure);
        tell(SessionListener::statusChanged);
        SessionListener.Failure told = new SessionListener.Failure(title,
                LoadFailure.sentence(source.displayName(), verb, failure), failure);
        tell(l -> l.failed(told));
    }

    /** Shows the chart of the selection, reading values in the background the first time. */
    private void showSelection() {
        if (reading != null) {
            reading.cancel();
            reading = null;
        }
        if (selection.isEmpty() || current == null) {
            showMessage(current != null && current.model().allBiases().isEmpty() ? "This model has no biases"
                    : SELECT_A_LAYER);
            return;
        }
        OpenModel model = current;
        OpenComparison compared = comparison;
        List<BiasEntry> shown = selection;
        Optional<ChartContent> cached = ContentReader.cached(model, compared, shown);
        if (cached.isPresent()) {
            showContent(cached.get());
            return;
        }
        reading = start(() -> ContentReader.read(model, compared, shown),
                read -> {
                    reading = null;
                    showContent(read);
                },
                failure -> {
                    reading = null;
                    showMessage(LoadFailure.sentence(shown.get(0).name(), "read", failure));
                });
    }

    private void showContent(ChartContent newContent) {
        if (newContent instanceof ChartContent.Evolution evolution) {
            boolean sameSeries = content instanceof ChartContent.Evolution old && old.size() == evolution.size();
            options = options.withCheckpoint(sameSeries ? options.checkpoint() : evolution.size() - 1);
        }
        content = newContent;
        message = "";
        tell(l -> l.chartChanged(false));
    }

    private void showMessage(String text) {
        content = null;
        message = text;
        tell(l -> l.chartChanged(false));
    }

    private void setOptions(ChartOptions newOptions) {
        if (!newOptions.equals(options)) {
            options = newOptions;
            if (content != null) {
                tell(l -> l.chartChanged(true));
            }
        }
    }

    private void cancelPending() {
        if (loading != null) {
            loading.cancel();
            loading = null;
        }
    }

    private static List<String> names(List<BiasEntry> entries) {
        return entries.stream().map(BiasEntry::name).toList();
    }

    private void tell(Consumer<SessionListener> event) {
        events.tell(event);
    }

    private void command(Runnable body) {
        events.command(body);
    }

    private <T> PendingTask start(TaskRunner.Work<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        return PendingTask.start(tasks, events, work, onSuccess, onFailure);
    }
}
