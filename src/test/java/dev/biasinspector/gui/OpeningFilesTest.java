package dev.biasinspector.gui;

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
import java.awt.datatransfer.DataFlavor;
import java.awt.datatransfer.Transferable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;

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
        dialog.toggleButton("errorDetailsToggle").click();
        assertThat(onEdt(() -> ((JTextArea) robot.finder().findByName(dialog.target(), "errorDetails", true))
                .getText())).contains("ModelFormatException");
        dialog.okButton().click();

        assertThat(onEdt(frame::getTitle)).startsWith(FIXTURE);
        assertThat(treeRows()).containsExactly("SimpleNet", "fc1", "fc2");
        assertThat(chartValues()).containsExactly(Fixtures.biasValues(FIXTURE, "fc2.bias"));
        assertThat(window.label("statusText").text()).contains("torchscript", "archive reader");
        assertThat(settings.recentFiles().list()).doesNotContain(corrupt);
    }

    @Test
    void aTruncatedModelFailsWithItsOwnSentence() throws IOException {
        start(Optional.of(Fixtures.path(FIXTURE)));
        byte[] whole = Files.readAllBytes(Fixtures.path(FIXTURE));
        Path truncated = Files.write(folder.resolve("truncated.pt"), java.util.Arrays.copyOf(whole, whole.length / 2));

        onEdt(() -> {
            frame.session().open(truncated);
            return null;
        });

        JOptionPaneFixture dialog = window.optionPane(LOAD_TIMEOUT);
        assertThat(dialogText(dialog, "errorMessage")).startsWith("truncated.pt could not be opened: ")
                .doesNotContain("Exception");
        dialog.okButton().click();
        assertThat(onEdt(frame::getTitle)).startsWith(FIXTURE);
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
        dialog.okButton().click();
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
        start(Optional.of(Fixtures.path(FIXTURE)));
        // A named pipe no longer blocks anything (the format detector refuses it unopened), so the
        // file that never arrives is the demo model: it is copied out of the jar under ExampleFiles'
        // lock, and while this test holds that lock the copy waits.
        java.util.concurrent.CountDownLatch held = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        Object exampleFilesLock = Class.forName("dev.biasinspector.session.ExampleFiles");
        Thread holder = new Thread(() -> {
            synchronized (exampleFilesLock) {
                held.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }, "holds-example-files");
        holder.start();
        assertThat(held.await(10, TimeUnit.SECONDS)).isTrue();
        try {
            onEdt(() -> {
                frame.session().openDemo();
                return null;
            });
            Pause.pause(new Condition("the Cancel button") {
                @Override
                public boolean test() {
                    return onEdt(() -> window.button("cancelLoad").target().isShowing());
                }
            }, LOAD_TIMEOUT);
            // The window still answers while the file loads.
            tree().clickPath("SimpleNet/fc2");
            assertThat(onEdt(() -> frame.treePanel().selectedBias().orElseThrow().name())).isEqualTo("fc2.bias");

            window.button("cancelLoad").click();

            assertThat(onEdt(frame.session()::isLoading)).isFalse();
            assertThat(onEdt(() -> robot.finder().findByName(frame, "cancelLoad", false).isShowing())).isFalse();
            assertThat(onEdt(frame::getTitle)).startsWith(FIXTURE);
            awaitChartOf("fc2.bias");
        } finally {
            // Release the blocked worker so it does not outlive the test.
            release.countDown();
            holder.join(10_000);
        }
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
        error.okButton().click();
        assertThat(onEdt(frame::getTitle)).startsWith(FIXTURE);
    }

    @Test
    void theDjlEngineWarningCanBeDeclined() {
        start(Optional.of(Fixtures.path(FIXTURE)));
        awaitChartOf("fc1.bias");

        window.menuItemWithPath("Model", "Reload with DJL Engine\u2026").click();
        JOptionPaneFixture warning = window.optionPane(LOAD_TIMEOUT);
        assertThat(onEdt(() -> warning.target().getMessage().toString())).contains("runs code stored in the file");
        warning.cancelButton().click();

        assertThat(settings.djlWarningAccepted()).isFalse();
        assertThat(onEdt(frame.session()::isLoading)).isFalse();
        assertThat(window.label("statusText").text()).contains("archive reader");
    }

    @Test
    void reloadingWithTheDjlEngineWarnsOnceAndShowsPyTorchsValues() {
        start(Optional.of(Fixtures.path(FIXTURE)));
        tree().clickPath("SimpleNet/fc2");
        awaitChartOf("fc2.bias");

        window.menuItemWithPath("Model", "Reload with DJL Engine\u2026").click();
        window.optionPane(LOAD_TIMEOUT).okButton().click();
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
        assertThat(settings.djlWarningAccepted()).isTrue();
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

    private static Transferable files(Path file) {
        return new Transferable() {
            @Override
            public DataFlavor[] getTransferDataFlavors() {
                return new DataFlavor[] {DataFlavor.javaFileListFlavor};
            }

            @Override
            public boolean isDataFlavorSupported(DataFlavor flavor) {
                return DataFlavor.javaFileListFlavor.equals(flavor);
            }

            @Override
            public Object getTransferData(DataFlavor flavor) {
                return List.of(file.toFile());
            }
        };
    }
}
