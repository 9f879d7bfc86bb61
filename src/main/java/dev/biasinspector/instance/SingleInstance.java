package dev.biasinspector.instance;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * One desktop window per user: a second start of the app (double-clicking a model file while the
 * window is open) hands its file to the running window and exits.
 *
 * <p>How, and why it survives crashes: the first window holds an OS lock on {@code instance.lock}
 * in a per-user folder for as long as its process lives; the OS drops the lock when the process
 * dies, so a lock file left behind by a crash is never "stale". The holder listens on a loopback
 * port and writes the port and a random token to {@code instance.port} (owner-only permissions).
 * A later start that cannot take the lock sends the token and an absolute path; a connection
 * without the right token is ignored, so another user or process on the machine cannot make the
 * window open files. When the hand-over fails (an old port file, a window that hangs), the new
 * start simply opens its own window. Command-line subcommands never come here.
 *
 * <p>Threads: {@link #claim} and {@link #handOver} run on the caller's thread; the receiver runs
 * on one daemon thread, "single-instance", and calls the {@code opener} there, once per request.
 */
public final class SingleInstance implements Closeable {

    static final String LOCK_FILE = "instance.lock";
    static final String PORT_FILE = "instance.port";
    private static final String HELLO = "bias-inspector-open 1";
    /** A path longer than this is not a path a file manager sends. */
    private static final int MAX_LINE = 8192;
    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(5);

    private final FileChannel lockChannel;
    private final FileLock lock;
    private final ServerSocket server;
    private final String token;
    private final Path portFile;
    private volatile boolean closed;

    private SingleInstance(FileChannel lockChannel, FileLock lock, ServerSocket server, String token, Path portFile) {
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.server = server;
        this.token = token;
        this.portFile = portFile;
    }

    /**
     * The per-user folder: {@code bias-inspector.instanceDir} if set (tests), else
     * {@code $XDG_RUNTIME_DIR/bias-inspector} (per user, emptied at logout), else a folder in the
     * user's local app data.
     */
    public static Path defaultFolder() {
        String override = System.getProperty("bias-inspector.instanceDir");
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        String runtime = System.getenv("XDG_RUNTIME_DIR");
        if (runtime != null && !runtime.isBlank() && Files.isDirectory(Path.of(runtime))) {
            return Path.of(runtime, "bias-inspector");
        }
        String localAppData = System.getenv("LOCALAPPDATA");
        if (localAppData != null && !localAppData.isBlank()) {
            return Path.of(localAppData, "Bias Inspector");
        }
        Path home = Path.of(System.getProperty("user.home"));
        if (System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).startsWith("mac")) {
            return home.resolve("Library/Application Support/Bias Inspector");
        }
        return home.resolve(".local/state/bias-inspector");
    }

    /**
     * Becomes the running instance if none runs: takes the lock, listens on loopback and publishes
     * the port. Requests wait in the socket's backlog until {@link #start} is called.
     *
     * @return empty when another process holds the lock (or the folder is unusable)
     */
    public static Optional<SingleInstance> claim(Path folder) {
        FileChannel channel = null;
        try {
            createPrivateFolder(folder);
            channel = FileChannel.open(folder.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException heldByThisJvm) {
                lock = null;
            }
            if (lock == null) {
                channel.close();
                return Optional.empty();
            }
            ServerSocket server = new ServerSocket();
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
            String token = HexFormat.of().formatHex(new SecureRandom().generateSeed(16));
            Path portFile = folder.resolve(PORT_FILE);
            writePrivately(portFile, server.getLocalPort() + "\n" + token + "\n");
            // Tidy on a normal exit or SIGTERM; the lock is still ours while hooks run, so no
            // newer instance's file can be deleted here (after a crash the stale file is harmless).
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    Files.deleteIfExists(portFile);
                } catch (IOException ignored) {
                    // nothing to tidy
                }
            }, "single-instance-cleanup"));
            return Optional.of(new SingleInstance(channel, lock, server, token, portFile));
        } catch (IOException | RuntimeException e) {
            if (channel != null) {
                try {
                    channel.close();
                } catch (IOException ignored) {
                    // nothing more to release
                }
            }
            return Optional.empty();
        }
    }

    /**
     * Asks the running instance to open {@code file} (or just to come to the front when empty).
     *
     * @return true when it acknowledged; false when there is none, or it did not answer
     */
    public static boolean handOver(Path folder, Optional<Path> file) {
        Path portFile = folder.resolve(PORT_FILE);
        List<String> lines;
        try {
            lines = Files.readAllLines(portFile, StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            return false;
        }
        if (lines.size() < 2) {
            return false;
        }
        int port;
        try {
            port = Integer.parseInt(lines.get(0).strip());
        } catch (NumberFormatException e) {
            return false;
        }
        if (port <= 0 || port > 65535) {
            return false;
        }
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), (int) ACK_TIMEOUT.toMillis());
            socket.setSoTimeout((int) ACK_TIMEOUT.toMillis());
            Writer out = new OutputStreamWriter(socket.getOutputStream(), StandardCharsets.UTF_8);
            out.write(HELLO + "\n" + lines.get(1).strip() + "\n"
                    + file.map(f -> f.toAbsolutePath().normalize().toString()).orElse("") + "\n");
            out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            return "ok".equals(in.readLine());
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Starts answering hand-overs: {@code opener} gets each requested file (empty: "come to the
     * front") on the "single-instance" thread.
     */
    public void start(Consumer<Optional<Path>> opener) {
        Thread receiver = new Thread(() -> receive(opener), "single-instance");
        receiver.setDaemon(true);
        receiver.start();
    }

    private void receive(Consumer<Optional<Path>> opener) {
        while (!closed) {
            try (Socket client = server.accept()) {
                client.setSoTimeout((int) ACK_TIMEOUT.toMillis());
                BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8));
                Optional<String> hello = readLine(in);
                Optional<String> sentToken = readLine(in);
                Optional<String> path = readLine(in);
                if (hello.filter(HELLO::equals).isEmpty() || sentToken.filter(token::equals).isEmpty() || path.isEmpty()) {
                    continue; // not ours: say nothing
                }
                Optional<Path> file = path.filter(p -> !p.isEmpty()).map(Path::of);
                opener.accept(file);
                Writer out = new OutputStreamWriter(client.getOutputStream(), StandardCharsets.UTF_8);
                out.write("ok\n");
                out.flush();
            } catch (IOException | RuntimeException e) {
                // One bad connection must not stop the receiver; close() ends the loop.
            }
        }
    }

    /** One line of at most {@link #MAX_LINE} characters; empty at end of stream or when longer. */
    private static Optional<String> readLine(BufferedReader in) throws IOException {
        StringBuilder line = new StringBuilder();
        int c;
        while ((c = in.read()) != -1) {
            if (c == '\n') {
                return Optional.of(line.toString());
            }
            if (line.length() >= MAX_LINE) {
                return Optional.empty();
            }
            line.append((char) c);
        }
        return Optional.empty();
    }

    public int port() {
        return server.getLocalPort();
    }

    /** Stops listening, removes the port file and releases the lock (the OS does it too at exit). */
    @Override
    public void close() throws IOException {
        closed = true;
        server.close();
        Files.deleteIfExists(portFile);
        lock.release();
        lockChannel.close();
    }

    private static void createPrivateFolder(Path folder) throws IOException {
        if (Files.isDirectory(folder)) {
            return;
        }
        if (posix()) {
            Files.createDirectories(folder, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } else {
            Files.createDirectories(folder);
        }
    }

    /** Written next to the target and moved over it, so a reader never sees half a file. */
    private static void writePrivately(Path file, String content) throws IOException {
        Path temp = posix()
                ? Files.createTempFile(file.getParent(), "port", ".tmp",
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
                : Files.createTempFile(file.getParent(), "port", ".tmp");
        Files.writeString(temp, content, StandardCharsets.UTF_8);
        try {
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }
}
