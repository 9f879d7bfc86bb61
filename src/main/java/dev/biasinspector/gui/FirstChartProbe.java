package dev.biasinspector.gui;

import org.jfree.chart.ChartPanel;

import javax.swing.Timer;
import java.awt.Component;
import java.awt.Container;
import java.time.Duration;
import java.time.Instant;

/**
 * Measures start-up as a user sees it: with {@code -Dbias-inspector.firstChart=print} (or
 * {@code exit}) the app prints, on stderr, how long after the process started the first chart was
 * painted, and with {@code exit} then quits (the packager's class-data-sharing training run does).
 * The start is {@code -Dbias-inspector.t0=<epoch nanoseconds>} when the measuring script passes
 * it, else the process's start time as the OS reports it (10 ms steps on Linux). Off by default:
 * nothing runs unless the property is set.
 */
final class FirstChartProbe {

    static final String PROPERTY = "bias-inspector.firstChart";

    private FirstChartProbe() {
    }

    /** Call on the EDT once the window exists. A 2 ms Swing timer looks for a painted chart. */
    static void installIfAsked(Container window) {
        String mode = System.getProperty(PROPERTY);
        if (mode == null) {
            return;
        }
        Timer timer = new Timer(2, null);
        timer.addActionListener(e -> {
            ChartPanel panel = find(window);
            // The rendering info is filled while the panel draws the chart, so a non-empty chart
            // area means a chart with data has been painted at least once.
            if (panel != null && panel.getChart() != null
                    && panel.getChartRenderingInfo().getChartArea().getWidth() > 0) {
                timer.stop();
                System.err.printf("first chart painted %d ms after start%n", sinceStart().toMillis());
                System.err.flush();
                if ("exit".equals(mode)) {
                    System.exit(0);
                }
            }
        });
        timer.start();
    }

    private static Duration sinceStart() {
        String t0 = System.getProperty("bias-inspector.t0");
        Instant start = null;
        if (t0 != null) {
            try {
                long nanos = Long.parseLong(t0.strip());
                start = Instant.ofEpochSecond(nanos / 1_000_000_000L, nanos % 1_000_000_000L);
            } catch (NumberFormatException ignored) {
                // fall back to the process start
            }
        }
        if (start == null) {
            start = ProcessHandle.current().info().startInstant().orElse(Instant.now());
        }
        return Duration.between(start, Instant.now());
    }

    private static ChartPanel find(Component c) {
        if (c instanceof ChartPanel panel && panel.isShowing()) {
            return panel;
        }
        if (c instanceof Container container) {
            for (Component child : container.getComponents()) {
                ChartPanel found = find(child);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }
}
