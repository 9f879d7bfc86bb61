package dev.biasinspector.gui;

import org.assertj.swing.finder.WindowFinder;
import org.assertj.swing.fixture.DialogFixture;
import org.assertj.swing.fixture.FrameFixture;
import org.assertj.swing.fixture.JListFixture;
import org.junit.jupiter.api.Test;

import javax.swing.JEditorPane;
import javax.swing.JLabel;
import javax.swing.JViewport;
import javax.swing.SwingUtilities;
import java.awt.Point;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Help > About names the versions the build used; Help > User Guide shows the README offline. */
class HelpMenuTest extends AppWindowTestBase {

    /** The pom is the independent source: what Maven built with, not what the app says about itself. */
    private static String pom(String regex) throws Exception {
        Matcher m = Pattern.compile(regex).matcher(Files.readString(Path.of("pom.xml")));
        assertThat(m.find()).as(regex).isTrue();
        return m.group(1);
    }

    @Test
    void aboutShowsTheBuildsVersionsAndTheIcon() throws Exception {
        start(Optional.empty());
        window.menuItemWithPath("Help", "About " + MainWindow.APP_NAME).click();
        DialogFixture about = window.dialog("aboutDialog", LOAD_TIMEOUT);

        String appVersion = pom("<artifactId>bias-inspector</artifactId>\\s*<version>([^<]+)</version>");
        about.label("aboutTitle").requireText(MainWindow.APP_NAME + " " + appVersion);
        about.label("version:DJL").requireText(pom("<djl.version>([^<]+)</djl.version>"));
        about.label("version:PyTorch native library").requireText(Pattern.compile(
                Pattern.quote(pom("<pytorch.version>([^<]+)</pytorch.version>")) + "-\\d{8} \\(cpu, .+\\)"));
        about.label("version:Java").requireText(Pattern.compile(Pattern.quote(System.getProperty("java.runtime.version")) + ".*"));
        about.label("version:JFreeChart").requireText(pom("<artifactId>jfreechart</artifactId>\\s*<version>([^<]+)</version>"));
        about.label("version:FlatLaf").requireText(pom("<artifactId>flatlaf</artifactId>\\s*<version>([^<]+)</version>"));
        assertThat(onEdt(() -> frame.getIconImages())).as("window icons").hasSizeGreaterThanOrEqualTo(4);

        clickAndAwaitClosed(about.button("closeAbout"));
        awaitTrue("About to close", () -> !about.target().isShowing());
    }

    @Test
    void userGuideOpensTheReadmeAtUsingTheApp() throws Exception {
        FrameFixture guide = openUserGuide();
        try {
            JEditorPane page = page(guide);
            String text = onEdt(() -> page.getDocument().getText(0, page.getDocument().getLength()));
            // A sentence from the README's usage section, as the repository has it.
            String readme = Files.readString(Path.of("README.md"));
            assertThat(readme).contains("reads it again and keeps the selected layer");
            assertThat(text).contains("Using the app").contains("reads it again and keeps the selected layer")
                    .contains("The command line").doesNotContain("**").doesNotContain("```");
            awaitTrue("the guide to scroll to Using the app", () -> onEdt(() -> viewport(page).getViewPosition().y > 0));
        } finally {
            guide.cleanUp();
        }
    }

    @Test
    void theGuidesContentsJumpToASection() throws Exception {
        FrameFixture guide = openUserGuide();
        try {
            JEditorPane page = page(guide);
            JListFixture contents = guide.list("userGuideContents");
            awaitTrue("Using the app chosen", () -> "Using the app".equals(
                    onEdt(() -> String.valueOf(contents.target().getSelectedValue()))));
            assertThat(contents.contents()).contains("Two commands", "Using the app", "The command line", "Safety");

            contents.clickItem("Safety");

            // The page has scrolled so that the Safety heading is the first line in view.
            awaitTrue("the guide to show Safety at the top", () -> showsAtTheTop(page, "Safety"));

            // Read on elsewhere, then a click on the section already chosen goes back to its start.
            onEdt(() -> {
                viewport(page).setViewPosition(new Point(0, 0));
                return null;
            });
            awaitTrue("the guide back at its top", () -> onEdt(() -> viewport(page).getViewPosition().y == 0));
            contents.clickItem("Safety");
            awaitTrue("the guide to show Safety at the top again", () -> showsAtTheTop(page, "Safety"));
        } finally {
            guide.cleanUp();
        }
    }

    /** Whether the heading {@code heading} is the first line in view. */
    private boolean showsAtTheTop(JEditorPane page, String heading) {
        return onEdt(() -> {
            Point top = viewport(page).getViewPosition();
            int offset = page.viewToModel2D(new Point(40, top.y + 20));
            String text = page.getDocument().getText(0, page.getDocument().getLength());
            int at = text.indexOf("\n" + heading + "\n");
            return at >= 0 && Math.abs(offset - (at + 1)) < 20;
        });
    }

    private FrameFixture openUserGuide() {
        start(Optional.empty());
        window.menuItemWithPath("Help", "User Guide").click();
        return WindowFinder.findFrame("userGuide").withTimeout(LOAD_TIMEOUT.duration()).using(robot);
    }

    private JEditorPane page(FrameFixture guide) {
        return (JEditorPane) robot.finder().findByName(guide.target(), "userGuidePage", true);
    }

    private static JViewport viewport(JEditorPane page) {
        return (JViewport) SwingUtilities.getAncestorOfClass(JViewport.class, page);
    }
}
