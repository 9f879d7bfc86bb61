package dev.biasinspector.engine;

import ai.djl.engine.Engine;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * Starts DJL's PyTorch engine once per JVM.
 *
 * <p>The first start loads libtorch (≈ 400 MB of native code). DJL takes it from the
 * {@code pytorch-native-cpu} jar on the class path and extracts it to
 * {@code ~/.djl.ai/pytorch/<version>-cpu-<platform>/} (or {@code $ENGINE_CACHE_DIR}) on the
 * first run; {@code ai.djl.offline=true} forbids the download DJL would otherwise try when the
 * jar is missing. That first start takes seconds, so a GUI can call
 * {@link #warmUpInBackground()} early and the first "open with DJL" is then quick.
 * A failed start is not remembered: a later call tries again.
 */
public final class DjlEngineStartup {

    public static final String ENGINE_NAME = "PyTorch";

    private static final Object LOCK = new Object();
    private static volatile Engine engine;
    private static volatile Duration startupTime;

    private DjlEngineStartup() {
    }

    /**
     * Starts the engine if it is not running yet, blocking until it is.
     *
     * @return libtorch's version, e.g. {@code 2.7.1}
     * @throws EngineStartException when the native library cannot be loaded
     */
    public static String ensureStarted() throws EngineStartException {
        return engine().getVersion();
    }

    /** Starts the engine on a daemon thread; the future completes with libtorch's version. */
    public static CompletableFuture<String> warmUpInBackground() {
        CompletableFuture<String> result = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                result.complete(ensureStarted());
            } catch (EngineStartException | RuntimeException e) {
                result.completeExceptionally(e);
            }
        }, "djl-engine-warm-up");
        thread.setDaemon(true);
        thread.start();
        return result;
    }

    public static boolean isStarted() {
        return engine != null;
    }

    /** How long the first start took, or null before it finished. */
    public static Duration startupTime() {
        return startupTime;
    }

    static Engine engine() throws EngineStartException {
        Engine running = engine;
        if (running != null) {
            return running;
        }
        synchronized (LOCK) {
            if (engine == null) {
                // Must be set before DJL reads it: never download native libraries or models.
                System.setProperty("ai.djl.offline", "true");
                long start = System.nanoTime();
                try {
                    engine = Engine.getEngine(ENGINE_NAME);
                } catch (RuntimeException | LinkageError e) {
                    throw new EngineStartException("the DJL PyTorch engine could not start ("
                            + reason(e) + ")", e);
                }
                startupTime = Duration.ofNanos(System.nanoTime() - start);
            }
            return engine;
        }
    }

    /**
     * libtorch's reason for a failure, readable in one line. A TorchScript error carries a long
     * traceback whose last "...Error: reason" line says what went wrong ("mat1 and mat2 shapes cannot
     * be multiplied (1x7 and 10x20)"); other failures are reduced to their first line.
     */
    public static String reason(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() == null) {
                continue;
            }
            String[] lines = t.getMessage().split("\n");
            for (int i = lines.length - 1; i >= 0; i--) {
                String line = lines[i].strip();
                if (line.matches("[A-Za-z]*Error: .+")) {
                    return shorten(strip(line.substring(line.indexOf(": ") + 2)));
                }
            }
        }
        Throwable root = e;
        while (root.getMessage() == null && root.getCause() != null) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage().strip();
        int newline = message.indexOf('\n');
        if (newline >= 0) {
            message = message.substring(0, newline).strip();
        }
        return shorten(strip(message));
    }

    private static String strip(String reason) {
        String r = reason.strip();
        return r.endsWith(".") ? r.substring(0, r.length() - 1) : r;
    }

    private static String shorten(String message) {
        return message.length() > 160 ? message.substring(0, 157) + "..." : message;
    }
}
