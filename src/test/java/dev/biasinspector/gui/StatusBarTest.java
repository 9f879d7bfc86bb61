package dev.biasinspector.gui;

import org.assertj.swing.core.BasicComponentFinder;
import org.assertj.swing.edt.GuiActionRunner;
import org.assertj.swing.timing.Condition;
import org.assertj.swing.timing.Pause;
import org.assertj.swing.timing.Timeout;
import org.junit.jupiter.api.Test;

import javax.swing.JButton;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class StatusBarTest {

    @Test
    void aPathInTheHomeFolderIsShownFromTilde() {
        assertThat(StatusBar.abbreviate("/home/ada/models/a.pt", "/home/ada")).isEqualTo("~/models/a.pt");
        assertThat(StatusBar.abbreviate("/home/ada/models/a.pt", "/home/ada/")).isEqualTo("~/models/a.pt");
        // a neighbour whose name starts the same is not home
        assertThat(StatusBar.abbreviate("/home/adam/a.pt", "/home/ada")).isEqualTo("/home/adam/a.pt");
        assertThat(StatusBar.abbreviate("/work/a.pt", "/")).isEqualTo("/work/a.pt");
        assertThat(StatusBar.abbreviate("/work/a.pt", "")).isEqualTo("/work/a.pt");
    }

    @Test
    void aLoadThatEndsBeforeTheDelayNeverShowsTheProgressBar() {
        // Both calls in one EDT turn: the delay's timer fires on the EDT, so it cannot come between.
        boolean[] seen = GuiActionRunner.execute(() -> {
            StatusBar bar = new StatusBar();
            bar.showBusy("Opening simple_net.pt\u2026", () -> { });
            boolean pendingWhileLoading = bar.isBusyPending();
            boolean shownWhileLoading = cancel(bar).getParent().isVisible();
            bar.hideBusy();
            return new boolean[] {pendingWhileLoading, shownWhileLoading, bar.isBusyPending(),
                    cancel(bar).getParent().isVisible()};
        });
        assertThat(seen[0]).as("the bar waits for the delay").isTrue();
        assertThat(seen[1]).as("the bar at once").isFalse();
        assertThat(seen[2]).as("a show still pending after the load ended").isFalse();
        assertThat(seen[3]).as("the bar after the load ended").isFalse();
    }

    @Test
    void aLongLoadShowsTheProgressBarWithCancelAfterTheDelay() {
        AtomicInteger cancelled = new AtomicInteger();
        StatusBar bar = GuiActionRunner.execute(() -> new StatusBar(50));
        GuiActionRunner.execute(() -> bar.showBusy("Opening big.pt\u2026", cancelled::incrementAndGet));
        Pause.pause(new Condition("the progress bar to show") {
            @Override
            public boolean test() {
                return GuiActionRunner.execute(() -> cancel(bar).getParent().isVisible());
            }
        }, Timeout.timeout(30_000));
        // A second load while the bar is up keeps it up and takes the new Cancel.
        AtomicInteger cancelledSecond = new AtomicInteger();
        GuiActionRunner.execute(() -> bar.showBusy("Opening bigger.pt\u2026", cancelledSecond::incrementAndGet));
        assertThat(GuiActionRunner.execute(() -> cancel(bar).getParent().isVisible())).isTrue();
        GuiActionRunner.execute(() -> cancel(bar).doClick());
        assertThat(cancelled).hasValue(0);
        assertThat(cancelledSecond).hasValue(1);
        GuiActionRunner.execute(bar::hideBusy);
        assertThat(GuiActionRunner.execute(() -> cancel(bar).getParent().isVisible())).isFalse();
    }

    private static JButton cancel(StatusBar bar) {
        return BasicComponentFinder.finderWithCurrentAwtHierarchy().findByName(bar, "cancelLoad", JButton.class, false);
    }
}
