package dev.biasinspector.gui;

import dev.biasinspector.about.UserGuide;

import javax.swing.JEditorPane;
import javax.swing.JFrame;
import javax.swing.JScrollPane;
import javax.swing.SwingUtilities;
import javax.swing.WindowConstants;
import javax.swing.event.HyperlinkEvent;
import java.awt.Desktop;
import java.awt.Frame;
import java.net.URI;

/**
 * Help > User Guide: the README bundled in the jar, shown as HTML and scrolled to "Using the app".
 * Offline: nothing is fetched; links to web pages open in the browser when the desktop has one.
 */
public final class UserGuideWindow extends JFrame {

    private final JEditorPane page = new JEditorPane();

    public UserGuideWindow(Frame owner) {
        super("User Guide \u2014 " + MainWindow.APP_NAME);
        setName("userGuide");
        setIconImages(AppIcon.images());
        setDefaultCloseOperation(WindowConstants.DISPOSE_ON_CLOSE);
        page.setName("userGuidePage");
        page.setEditable(false);
        page.setContentType("text/html");
        page.setText(UserGuide.html());
        page.addHyperlinkListener(e -> {
            if (e.getEventType() != HyperlinkEvent.EventType.ACTIVATED) {
                return;
            }
            String target = e.getDescription();
            if (target != null && target.startsWith("#")) {
                page.scrollToReference(target.substring(1));
            } else if (e.getURL() != null && Desktop.isDesktopSupported()
                    && Desktop.getDesktop().isSupported(Desktop.Action.BROWSE)) {
                try {
                    Desktop.getDesktop().browse(URI.create(e.getURL().toString()));
                } catch (Exception ignored) {
                    // no browser: the link text is still there to read
                }
            }
        });
        add(new JScrollPane(page));
        setSize(820, 720);
        setLocationRelativeTo(owner);
        // After layout, or the scroll position is lost when the pane first sizes itself.
        SwingUtilities.invokeLater(() -> page.scrollToReference(UserGuide.USAGE_ANCHOR));
    }

    JEditorPane page() {
        return page;
    }
}
