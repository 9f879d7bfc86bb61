package dev.biasinspector.testing;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs work on its own thread and fails if that thread used more than a CPU-time budget.
 *
 * <p>CPU time rather than wall time: on a 2-core machine shared with other builds, a thread that
 * needs 0.3 s of CPU can wait seconds for a core, and a wall-clock limit would fail for the
 * machine's sake. What a hostile file can do — spin, allocate and copy — costs CPU, so the budget
 * still catches it. A hang that uses no CPU (waiting on a FIFO) is caught by the wall-clock limit,
 * set far above any honest run.
 */
public final class CpuBudget {

    public static final Duration CPU = Duration.ofSeconds(2);
    private static final Duration WALL = Duration.ofSeconds(60);
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private CpuBudget() {
    }

    /** What the work returned or threw, and the CPU time it used. */
    public record Outcome<T>(T value, Throwable failure, Duration cpu) {
    }

    public static <T> Outcome<T> run(String what, Callable<T> work) {
        AtomicReference<Outcome<T>> outcome = new AtomicReference<>();
        Thread thread = new Thread(() -> {
            long start = THREADS.getCurrentThreadCpuTime();
            T value = null;
            Throwable failure = null;
            try {
                value = work.call();
            } catch (Throwable t) {
                failure = t;
            }
            outcome.set(new Outcome<>(value, failure, Duration.ofNanos(THREADS.getCurrentThreadCpuTime() - start)));
        }, "cpu-budget");
        thread.setDaemon(true);
        thread.start();
        try {
            thread.join(WALL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for " + what, e);
        }
        if (thread.isAlive()) {
            thread.interrupt();
            throw new AssertionError(what + " did not end within " + WALL.toSeconds() + " s (a hang)");
        }
        Outcome<T> result = outcome.get();
        if (result.cpu().compareTo(CPU) > 0) {
            throw new AssertionError(what + " used " + result.cpu().toMillis() + " ms of CPU, more than "
                    + CPU.toMillis() + " ms", result.failure());
        }
        return result;
    }
}
