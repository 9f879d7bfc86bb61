package dev.biasinspector.gui;

import dev.biasinspector.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.Rectangle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The window comes back as the user left it: place, divider, model and selected layer. */
class WindowHabitsTest extends AppWindowTestBase {

    @TempDir
    Path folder;

    @Test
    void theFirstStartShowsTheDemoAndTheNextStartTheLastModelWithItsLayerWhereTheWindowWas() throws Exception {
        start(Optional.empty());
        awaitChartOf("fc1.bias");
        assertThat(onEdt(() -> frame.session().current().orElseThrow().source().displayName())).contains("demo");

        Path model = Files.copy(Fixtures.path("simple_traced.pt"), folder.resolve("mine.pt"));
        onEdt(() -> {
            frame.session().open(model);
            return null;
        });
        awaitIdle();
        onEdt(() -> {
            frame.session().select(List.of("fc2.bias"));
            frame.setBounds(60, 50, 1000, 680);
            frame.treeDivider().setDividerLocation(300);
            return null;
        });
        awaitChartOf("fc2.bias");

        restart(Optional.empty());
        assertThat(settings.treeDivider()).isEqualTo(300);
        awaitChartOf("fc2.bias");
        assertThat(onEdt(() -> frame.session().current().orElseThrow().source().displayName())).isEqualTo("mine.pt");
        assertThat(onEdt(() -> frame.getSize())).isEqualTo(new java.awt.Dimension(1000, 680));
        assertThat(onEdt(() -> frame.treeDivider().getDividerLocation())).isEqualTo(300);
    }

    @Test
    void aStartAfterTheDemoOpensNothingAndSaysNothingWentWrong() {
        start(Optional.empty());
        awaitChartOf("fc1.bias");

        assertThat(settings.firstStart()).isFalse();
        // The demo is not the user's file: nothing to reopen (Path.of("") once opened the working folder).
        assertThat(settings.lastModel()).isEmpty();

        restart(Optional.empty());
        assertThat(onEdt(() -> frame.session().current())).isEmpty();
        assertThat(onEdt(() -> frame.session().status())).isEqualTo("Nothing open");
        assertThat(onEdt(() -> java.util.Arrays.stream(java.awt.Window.getWindows())
                .filter(w -> w.isShowing() && w instanceof javax.swing.JDialog).count())).isZero();
    }

    @Test
    void aLastModelThatHasGoneStartsEmptyWithOneStatusLine() throws Exception {
        Path model = Files.copy(Fixtures.path("simple_traced.pt"), folder.resolve("gone.pt"));
        start(Optional.of(model));
        awaitChartOf("fc1.bias");
        Files.delete(model);

        restart(Optional.empty());
        assertThat(onEdt(() -> frame.session().current())).isEmpty();
        assertThat(onEdt(() -> frame.session().status())).contains("gone.pt").contains("no longer exists");
    }

    @Test
    void aPlaceOffEveryScreenFallsBackToCentred() {
        start(Optional.empty());
        awaitChartOf("fc1.bias");
        onEdt(() -> {
            frame.setBounds(-30_000, -30_000, 800, 600);
            return null;
        });
        restart(Optional.empty());
        Rectangle screen = onEdt(() -> frame.getGraphicsConfiguration().getBounds());
        Rectangle bounds = onEdt(() -> frame.getBounds());
        assertThat(bounds.getSize()).isEqualTo(new java.awt.Dimension(800, 600));
        assertThat(screen.contains(bounds.getLocation())).isTrue();
    }

    @Test
    void openRecentListsAFolderOfCheckpointsWithATrailingSlashAndReopensIt() throws Exception {
        Path series = Files.createDirectory(folder.resolve("run1"));
        Files.copy(Fixtures.path("simple_traced.pt"), series.resolve("epoch1.pt"));
        Files.copy(Fixtures.path("simple_traced.pt"), series.resolve("epoch2.pt"));
        start(Optional.of(series));
        awaitTrue("the series to open", () -> frame.session().current()
                .map(m -> m.checkpoints().isPresent()).orElse(false));
        onEdt(() -> {
            frame.session().open(Fixtures.path("simple_scripted.pt"));
            return null;
        });
        awaitTrue("the single file to open", () -> frame.session().current()
                .map(m -> m.checkpoints().isEmpty()).orElse(false));
        awaitTrue("Open Recent to mark the folder", () -> java.util.Arrays.stream(
                ((javax.swing.JMenu) robot.finder().findByName(frame, "openRecent", false)).getMenuComponents())
                .anyMatch(c -> c instanceof javax.swing.JMenuItem item && item.getText().equals("2  run1/")
                        && item.getIcon() != null));

        window.menuItemWithPath("File", "Open Recent", "2  run1/").click();
        awaitTrue("the series to open again", () -> frame.session().current()
                .map(m -> m.checkpoints().isPresent()).orElse(false));
    }

    @Test
    void aDeepLayerSelectedInANarrowTreeLeavesTheTreeScrolledToItsLeftEdge() {
        String deep = "features.11.block.2.fc2.bias";
        start(Optional.of(Fixtures.path("mobilenet_v3_small_scripted.pt")));
        onEdt(() -> {
            frame.treeDivider().setDividerLocation(190);
            frame.treePanel().setAllBiases(true);
            return null;
        });
        robot.waitForIdle();
        onEdt(() -> frame.treePanel().selectBias(deep));
        awaitChartOf(deep);
        javax.swing.JTree tree = onEdt(() -> (javax.swing.JTree) robot.finder().findByName(frame, "moduleTree", true));
        javax.swing.JViewport viewport = onEdt(() -> (javax.swing.JViewport) tree.getParent());
        // The test means something only when the rows are wider than the tree's pane.
        assertThat(onEdt(() -> tree.getPreferredSize().width)).isGreaterThan(onEdt(() -> viewport.getWidth()));
        assertThat(onEdt(() -> tree.getSelectionPath().getLastPathComponent().toString())).isNotEmpty();
        assertThat(onEdt(() -> viewport.getViewPosition().x)).isZero();
        assertThat(onEdt(() -> viewport.getViewRect().intersects(tree.getRowBounds(tree.getLeadSelectionRow()))))
                .isTrue();
    }
}
