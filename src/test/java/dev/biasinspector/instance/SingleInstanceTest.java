package dev.biasinspector.instance;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** A second start hands its file to the first; crashes, strangers and dead ports do not get in the way. */
class SingleInstanceTest {

    @TempDir
    Path folder;

    @Test
    void aSecondStartHandsItsFileToTheRunningInstanceAsAnAbsolutePath() throws Exception {
        BlockingQueue<Optional<Path>> received = new LinkedBlockingQueue<>();
        try (SingleInstance first = SingleInstance.claim(folder).orElseThrow()) {
            first.start(received::add);

            assertThat(SingleInstance.claim(folder)).as("the lock is held").isEmpty();
            assertThat(SingleInstance.handOver(folder, Optional.of(Path.of("models/simple_net.pt")))).isTrue();
            assertThat(received.poll(10, TimeUnit.SECONDS))
                    .contains(Path.of("models/simple_net.pt").toAbsolutePath().normalize());

            assertThat(SingleInstance.handOver(folder, Optional.empty())).as("no file: come to the front").isTrue();
            assertThat(received.poll(10, TimeUnit.SECONDS)).isEmpty();
        }
    }

    @Test
    void theFilesAreTheOwnersOnly() throws Exception {
        // Linux and macOS; on Windows the folder sits in the user's profile, which only its owner reads.
        assertThat(java.nio.file.FileSystems.getDefault().supportedFileAttributeViews()).contains("posix");
        Path own = folder.resolve("instances");
        try (SingleInstance first = SingleInstance.claim(own).orElseThrow()) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(own))).isEqualTo("rwx------");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(own.resolve(SingleInstance.PORT_FILE))))
                    .isEqualTo("rw-------");
        }
    }

    @Test
    void filesLeftByACrashedInstanceDoNotStopTheNextOne() throws Exception {
        // What a killed process leaves: both files, but no lock (the OS dropped it) and no listener.
        int deadPort;
        try (ServerSocket closed = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            deadPort = closed.getLocalPort();
        }
        Files.writeString(folder.resolve(SingleInstance.LOCK_FILE), "");
        Files.writeString(folder.resolve(SingleInstance.PORT_FILE), deadPort + "\nsecret\n");

        assertThat(SingleInstance.handOver(folder, Optional.of(Path.of("a.pt")))).as("nobody answers").isFalse();
        try (SingleInstance next = SingleInstance.claim(folder).orElseThrow()) {
            assertThat(Files.readAllLines(folder.resolve(SingleInstance.PORT_FILE)).get(0))
                    .isEqualTo(String.valueOf(next.port()));
        }
        assertThat(folder.resolve(SingleInstance.PORT_FILE)).as("removed on close").doesNotExist();
    }

    @Test
    void aConnectionWithoutTheTokenOpensNothingAndTheReceiverKeepsWorking() throws Exception {
        BlockingQueue<Optional<Path>> received = new LinkedBlockingQueue<>();
        try (SingleInstance first = SingleInstance.claim(folder).orElseThrow()) {
            first.start(received::add);
            try (Socket stranger = new Socket(InetAddress.getLoopbackAddress(), first.port())) {
                Writer out = new OutputStreamWriter(stranger.getOutputStream(), StandardCharsets.UTF_8);
                out.write("bias-inspector-open 1\nguessed-token\n/etc/passwd\n");
                out.flush();
                stranger.shutdownOutput();
                assertThat(stranger.getInputStream().read()).as("no answer, connection closed").isEqualTo(-1);
            }
            try (Socket flood = new Socket(InetAddress.getLoopbackAddress(), first.port())) {
                Writer out = new OutputStreamWriter(flood.getOutputStream(), StandardCharsets.UTF_8);
                boolean cutOff;
                try {
                    out.write("x".repeat(100_000));
                    out.flush();
                    flood.shutdownOutput();
                    cutOff = flood.getInputStream().read() == -1;
                } catch (java.net.SocketException closedByTheReceiver) {
                    // The receiver stops reading at its line limit and closes: the rest of the
                    // flood meets a closed connection ("Broken pipe" or "Connection reset").
                    cutOff = true;
                }
                assertThat(cutOff).as("the receiver closes a connection that sends no valid request").isTrue();
            }
            assertThat(SingleInstance.handOver(folder, Optional.of(Path.of("b.pt")))).isTrue();
            assertThat(received.poll(10, TimeUnit.SECONDS)).contains(Path.of("b.pt").toAbsolutePath());
            assertThat(received).isEmpty();
        }
    }

    @Test
    void aGarbledPortFileIsNoHandOver() throws Exception {
        Files.writeString(folder.resolve(SingleInstance.PORT_FILE), "99999999\n");
        assertThat(SingleInstance.handOver(folder, Optional.of(Path.of("a.pt")))).isFalse();
        Files.writeString(folder.resolve(SingleInstance.PORT_FILE), "not a port\ntoken\n");
        assertThat(SingleInstance.handOver(folder, Optional.of(Path.of("a.pt")))).isFalse();
    }
}
