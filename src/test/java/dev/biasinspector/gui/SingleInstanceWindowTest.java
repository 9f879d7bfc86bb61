package dev.biasinspector.gui;

import dev.biasinspector.instance.SingleInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Double-clicking a model file while the window is open: the file manager starts the app again
 * (here: a second JVM running Main, as the launcher does), which hands the file to the running
 * window and exits; the running window opens it. A second start with a command is an ordinary
 * command-line run and never reaches the window.
 */
class SingleInstanceWindowTest extends AppWindowTestBase {

    @TempDir
    Path instanceFolder;

    private SingleInstance instance;

    @AfterEach
    void release() throws IOException {
        if (instance != null) {
            instance.close();
        }
    }

    private void startRunningWindow() {
        start(Optional.empty());
        awaitChartOf("fc1.bias");
        instance = SingleInstance.claim(instanceFolder).orElseThrow();
        BiasInspectorApp.acceptHandOvers(instance, frame);
    }

    @Test
    void aSecondStartOpensItsFileInTheRunningWindowAndExits() throws Exception {
        startRunningWindow();

        Process second = secondStart("models/simple_net_trained.pt");
        try {
            // Had it not handed over, it would have opened its own window and kept running.
            assertThat(second.waitFor(60, TimeUnit.SECONDS)).as("the second start exits").isTrue();
            assertThat(second.exitValue()).as(output(second)).isZero();
        } finally {
            second.destroyForcibly();
        }
        awaitTrue("the running window to open simple_net_trained.pt",
                () -> frame.getTitle().startsWith("simple_net_trained.pt"));
    }

    @Test
    void aSecondStartWithACommandRunsTheCommandAndLeavesTheWindowAlone() throws Exception {
        startRunningWindow();
        String before = onEdt(frame::getTitle);

        Process list = secondStart("list", "models/simple_net_trained.pt");

        String out;
        try {
            assertThat(list.waitFor(60, TimeUnit.SECONDS)).isTrue();
            out = output(list);
        } finally {
            list.destroyForcibly();
        }
        assertThat(list.exitValue()).as(out).isZero();
        assertThat(out).contains("fc1.bias").contains("fc2.bias");
        robot.waitForIdle();
        assertThat(onEdt(frame::getTitle)).isEqualTo(before);
    }

    private Process secondStart(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                "-Dbias-inspector.instanceDir=" + instanceFolder,
                "-Djava.util.prefs.userRoot=" + instanceFolder.resolve("prefs"),
                "dev.biasinspector.Main"));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }

    private static String output(Process p) throws IOException {
        return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
}
