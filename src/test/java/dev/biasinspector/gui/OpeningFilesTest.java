package dev.biasinspector.gui;

import dev.biasinspector.session.ModelFingerprint;
import dev.biasinspector.testing.Fixtures;
import org.assertj.swing.core.GenericTypeMatcher;
import org.assertj.swing.exception.EdtViolationException;
import org.assertj.swing.fixture.JFileChooserFixture;
import org.assertj.swing.fixture.JOptionPaneFixture;
import org.assertj.swing.fixture.JTextComponentFixture;
import org.assertj.swing.timing.Condition;
import org.assertj.swing.timing.Pause;
import org.assertj.swing.timing.Timeout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.swing.JLabel;
import javax.swing.JTextArea;
import javax.swing.JTextField;
import javax.swing.TransferHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.CountDownLatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Opening files: the dialog, failures, drag and drop, Open Recent, Cancel. */
class OpeningFilesTest extends AppWindowTestBase {

    private static final String FIXTURE = "simple_scripted.pt";

    @TempDir
    Path folder;

    @Test
    void aCorruptFileShowsOneSentenceAndThePreviousModelStays() throws IOException {
        start(Optional.of(Fixtures.path(FIXTURE)));
        tree().clickPath("SimpleNet/fc2");
        awaitChartOf("fc2.bias");
        byte[] noise = new byte[4096];
        new Random(42).nextBytes(noise);
        Path corrupt = Files.write(folder.resolve("corrupt.pt"), noise);

        window.menuItemWithPath("File", "Open\u2026").click();
        JFileChooserFixture chooser = window.fileChooser(LOAD_TIMEOUT);
        approve(chooser, new JTextComponentFixture(robot,
                robot.finder().findByType(chooser.target(), JTextField.class, true)), corrupt.toString());

        JOptionPaneFixture dialog = window.optionPane(LOAD_TIMEOUT);
        assertThat(dialogText(dialog, "errorMessage"))
                .contains("corrupt.pt could not be opened: not a supported model file");
        assertThat(onEdt(() -> robot.finder().findByName(dialog.target(), "errorDetails", false).isShowing()))
                .isFalse();
        press(dialog.toggleButton("errorDetailsToggle"));
        assertThat(onEdt(() -> ((JTextArea) robot.finder().findByName(dialog.target(), "errorDetails", true))
                .getText())).contains("ModelFormatException");
        clickAndAwaitClosed(dialog.okButton());

        assertThat(onEdt(frame::getTitle)).startsWith(FIXTURE);
        assertThat(treeRows()).containsExactly("SimpleNet", "fc1", "fc2");
        assertThat(chartValues()).containsExactly(Fixtures.biasValues(FIXTURE, "fc2.bias"));
        assertThat(window.label("statusText").text()).contains("torchscript", "archive reader");
        assertThat(settings.recentFiles().list()).doesNotContain(corrupt);
    }

    @Test
    void aVanishedRecentFileIsDroppedFromTheMenu() throws IOException {
        start(Optional.of(Fixtures.path(FIXTURE)));
        Path copy = Files.copy(Fixtures.path("simple_traced.pt"), folder.resolve("gone.pt"));
        open(copy);
        assertThat(settings.recentFiles().list()).startsWith(copy, Fixtures.path(FIXTURE));

        Files.delete(copy);
        window.menuItemWithPath("File", "Open Recent", "1  gone.pt").click();

        JOptionPaneFixture dialog = window.optionPane(LOAD_TIMEOUT);
        assertThat(dialogText(dialog, "errorMessage")).isEqualTo("gone.pt could not be opened: the file does not exist.");
        clickAndAwaitClosed(dialog.okButton());
        assertThat(settings.recentFiles().list()).containsExactly(Fixtures.path(FIXTURE));
        assertThat(onEdt(frame::getTitle)).startsWith("gone.pt"); // the model that was open stays
    }

    @Test
    void openRecentReopensAFile() {
        start(Optional.of(Fixtures.path(FIXTURE)));
        open(Fixtures.path("nested_scripted.pt"));

        window.menuItemWithPath("File", "Open Recent", "2  " + FIXTURE).click();
        awaitChartOf("fc1.bias");

        assertThat(onEdt(frame::getTitle)).startsWith(FIXTURE);
        assertThat(settings.recentFiles().list()).startsWith(Fixtures.path(FIXTURE));
    }

    @Test
    void droppingAFileOnTheWindowOpensIt() {
        start(Optional.of(Fixtures.path(FIXTURE)));
        Path dropped = Fixtures.path("nested_scripted.pt");

        boolean accepted = onEdt(() -> {
            TransferHandler handler = frame.getRootPane().getTransferHandler();
            return handler.importData(new TransferHandler.TransferSupport(frame.getRootPane(), files(dropped)));
        });

        assertThat(accepted).isTrue();
        awaitChartOf("enc.0.bias");
        assertThat(onEdt(frame::getTitle)).startsWith("nested_scripted.pt");
        assertThat(chartValues()).containsExactly(Fixtures.biasValues("nested_scripted.pt", "enc.0.bias"));
    }

    @Test
    void cancelStopsWaitingForAFileThatNeverArrives() throws Exception {
        // Workers that hold every task until the gate opens: a load that does not finish by itself.
        CountDownLatch gate = new CountDownLatch(1);
        AtomicBoolean held = new AtomicBoolean(false);
        ExecutorService workers = Executors.newCachedThreadPool();
        ExecutorService gated = new java.util.concurrent.AbstractExecutorService() {
            @Override
            public void execute(Runnable task) {
                boolean hold = held.get();
                workers.execute(() -> {
                    if (hold) {
                        try {
                            gate.await();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }
                    task.run();
                });
            }

            @Override
            public void shutdown() {
                workers.shutdown();
            }

            @Override
            public List<Runnable> shutdownNow() {
                return workers.shutdownNow();
            }

            @Override
            public boolean isShutdown() {
                return workers.isShutdown();
            }

            @Override
            public boolean isTerminated() {
                return workers.isTerminated();
            }

            @Override
            public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
                return workers.awaitTermination(timeout, unit);
            }
        };
        start(Optional.of(Fixtures.path(FIXTURE)), new BackgroundTasks(gated));
        awaitChartOf("fc1.bias");
        held.set(true);

        onEdt(() -> {
            frame.session().open(Fixtures.path("nested_scripted.pt"));
            return null;
        });
        // The bar with Cancel comes after StatusBar.BUSY_DELAY_MILLIS of loading.
        awaitTrue("the Cancel button", () -> robot.finder().findByName(frame, "cancelLoad", false).isShowing());
        // The window still answers while the file loads.
        tree().clickPath("SimpleNet/fc2");
        assertThat(onEdt(() -> frame.treePanel().selectedBias().orElseThrow().name())).isEqualTo("fc2.bias");

        press(window.button("cancelLoad"));
        awaitTrue("the load to stop", () -> !frame.session().isLoading());

        assertThat(onEdt(() -> robot.finder().findByName(frame, "cancelLoad", false).isShowing())).isFalse();
        assertThat(onEdt(frame::getTitle)).startsWith(FIXTURE);
        // The late result, once the held worker finishes, is dropped: the first model stays.
        held.set(false);
        gate.countDown();
        workers.shutdown();
        assertThat(workers.awaitTermination(30, TimeUnit.SECONDS)).as("the held load finished").isTrue();
        robot.waitForIdle();
        awaitChartOf("fc2.bias");
        assertThat(onEdt(frame::getTitle)).startsWith(FIXTURE);
        assertThat(window.label("statusText").text()).contains("torchscript").doesNotContain("nested");
    }

    @Test
    void aNamedPipeIsRefusedAtOnceInsteadOfBlocking() throws Exception {
        start(Optional.of(Fixtures.path(FIXTURE)));
        awaitChartOf("fc1.bias");
        Path pipe = folder.resolve("slow.pt");
        Process mkfifo = new ProcessBuilder("mkfifo", pipe.toString()).start();
        assertThat(mkfifo.waitFor(10, TimeUnit.SECONDS) && mkfifo.exitValue() == 0).as("mkfifo").isTrue();

        onEdt(() -> {
            frame.session().open(pipe);
            return null;
        });

        JOptionPaneFixture error = window.optionPane(LOAD_TIMEOUT);
        assertThat(dialogText(error, "errorMessage"))
                .contains("slow.pt could not be opened: not a model file: it is a named pipe (FIFO), not a regular file.");
        clickAndAwaitClosed(error.okButton());
        assertThat(onEdt(frame::getTitle)).startsWith(FIXTURE);
    }

    @Test
    void theDjlEngineWarningCanBeDeclined() throws IOException {
        start(Optional.of(Fixtures.path(FIXTURE)));
        awaitChartOf("fc1.bias");

        window.menuItemWithPath("Model", "Reload with DJL Engine\u2026").click();
        JOptionPaneFixture warning = window.optionPane(LOAD_TIMEOUT);
        assertThat(onEdt(() -> warning.target().getMessage().toString())).contains("runs code stored in the file");
        clickAndAwaitClosed(warning.cancelButton());

        assertThat(settings.trustedModels().isTrusted(ModelFingerprint.of(Fixtures.path(FIXTURE)))).isFalse();
        assertThat(onEdt(frame.session()::isLoading)).isFalse();
        assertThat(window.label("statusText").text()).contains("archive reader");
    }

    @Test
    void reloadingWithTheDjlEngineWarnsOnceAndShowsPyTorchsValues() throws IOException {
        start(Optional.of(Fixtures.path(FIXTURE)));
        tree().clickPath("SimpleNet/fc2");
        awaitChartOf("fc2.bias");

        window.menuItemWithPath("Model", "Reload with DJL Engine\u2026").click();
        clickAndAwaitClosed(window.optionPane(LOAD_TIMEOUT).okButton());
        // Wait for what the user waits for: the status naming the engine (isIdle alone can be read
        // before the reload has started).
        javax.swing.JLabel status = window.label("statusText").target();
        awaitTrue("the DJL engine's model", () -> status.getText().contains("DJL PyTorch engine"),
                Timeout.timeout(180_000));
        awaitLoaded(Timeout.timeout(180_000));

        // libtorch loaded the file: same layer still selected, PyTorch's values, and the status says so.
        awaitChartOf("fc2.bias");
        assertThat(chartValues()).containsExactly(Fixtures.biasValues(FIXTURE, "fc2.bias"));
        assertThat(window.label("statusText").text()).contains("DJL PyTorch engine", "ran code stored in the file");
        assertThat(settings.trustedModels().isTrusted(ModelFingerprint.of(Fixtures.path(FIXTURE)))).isTrue();
        assertThat(onEdt(frame::getTitle)).startsWith(FIXTURE);

        window.menuItemWithPath("Model", "Reload with Archive Reader").click();
        awaitLoaded(LOAD_TIMEOUT);
        assertThat(window.label("statusText").text()).contains("archive reader");

        // Asked once: the second time loads without a dialog.
        window.menuItemWithPath("Model", "Reload with DJL Engine\u2026").click();
        awaitLoaded(Timeout.timeout(180_000));
        assertThat(window.label("statusText").text()).contains("DJL PyTorch engine");
        awaitChartOf("fc2.bias");
    }

    @Test
    void consentToRunCodeIsPerFileContent() throws IOException {
        // The same bytes under another name: already trusted, loads without a question.
        Path copy = Files.copy(Fixtures.path(FIXTURE), folder.resolve("copy.pt"));
        start(Optional.of(copy));
        settings.trustedModels().trust(ModelFingerprint.of(Fixtures.path(FIXTURE)));
        awaitChartOf("fc1.bias");
        window.menuItemWithPath("Model", "Reload with DJL Engine\u2026").click();
        javax.swing.JLabel status = window.label("statusText").target();
        awaitTrue("the DJL engine's model", () -> status.getText().contains("DJL PyTorch engine"),
                Timeout.timeout(180_000));
        awaitLoaded(Timeout.timeout(180_000));

        // Another file: asked about, by name.
        onEdt(() -> {
            frame.session().open(Fixtures.path("nested_scripted.pt"));
            return null;
        });
        awaitLoaded(LOAD_TIMEOUT);
        window.menuItemWithPath("Model", "Reload with DJL Engine\u2026").click();
        JOptionPaneFixture warning = window.optionPane(LOAD_TIMEOUT);
        assertThat(onEdt(() -> warning.target().getMessage().toString())).contains("nested_scripted.pt");
        clickAndAwaitClosed(warning.cancelButton());
        assertThat(settings.trustedModels().isTrusted(ModelFingerprint.of(Fixtures.path("nested_scripted.pt"))))
                .isFalse();
    }

    @Test
    void swingCallsOffTheEdtFailTheTests() {
        start(Optional.of(Fixtures.path(FIXTURE)));
        JLabel status = (JLabel) robot.finder().findByName(frame, "statusText", true);

        assertThatThrownBy(() -> status.setText("from the test thread")).isInstanceOf(EdtViolationException.class);
    }

    /** Waits for the load started by a menu command to finish. */
    private void awaitLoaded(Timeout timeout) {
        robot.waitForIdle();
        Pause.pause(new Condition("the model to load") {
            @Override
            public boolean test() {
                return onEdt(() -> !frame.session().isLoading());
            }
        }, timeout);
        awaitIdle();
    }

    private void open(Path file) {
        onEdt(() -> {
            frame.session().open(file);
            return null;
        });
        awaitIdle();
    }

    private String dialogText(JOptionPaneFixture dialog, String name) {
        return onEdt(() -> ((JLabel) robot.finder().find(dialog.target(),
                new GenericTypeMatcher<>(JLabel.class, true) {
                    @Override
                    protected boolean isMatching(JLabel label) {
                        return name.equals(label.getName());
                    }
                })).getText().replaceAll("<[^>]+>", ""));
    }
}
