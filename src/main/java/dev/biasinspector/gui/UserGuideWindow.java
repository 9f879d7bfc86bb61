package dev.biasinspector.gui;

import dev.biasinspector.about.UserGuide;

import javax.swing.BorderFactory;
import javax.swing.JEditorPane;
import javax.swing.JFrame;
import javax.swing.JList;
import javax.swing.JSplitPane;
import javax.swing.ListSelectionModel;
import javax.swing.JScrollPane;
import javax.swing.SwingUtilities;
import javax.swing.WindowConstants;
import javax.swing.event.HyperlinkEvent;
import java.awt.Desktop;
import java.awt.Dimension;
import java.awt.Frame;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import java.net.URI;

/**
 * Help > User Guide: the README bundled in the jar, shown as HTML and scrolled to "Using the app",
 * with its sections listed on the left to jump to. Offline: nothing is fetched; links to web pages
 * open in the browser when the desktop has one.
 */
public final class UserGuideWindow extends JFrame {

    private final JEditorPane page = new JEditorPane();
    private final JList<UserGuide.Section> contents;

    public UserGuideWindow(Frame owner) {
        super("User Guide \u2014 " + MainWindow.APP_NAME);
        setName("userGuide");
        setIconImages(AppIcon.images());
        setDefaultCloseOperation(WindowConstants.DISPOSE_ON_CLOSE);
        page.setName("userGuidePage");
        page.setEditable(false);
        page.setContentType("text/html");
        UserGuide.Guide guide = UserGuide.load();
        page.setText(guide.html());
        contents = new JList<>(guide.sections().toArray(UserGuide.Section[]::new));
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
        contents.setName("userGuideContents");
        contents.setSelectionMode(ListSelectionModel.SINGLE_SELECTION);
        contents.setBorder(BorderFactory.createEmptyBorder(6, 6, 6, 6));
        contents.addListSelectionListener(e -> {
            if (!e.getValueIsAdjusting()) {
                showSelectedSection();
            }
        });
        // A click on the section already chosen goes back to its start too.
        contents.addMouseListener(new MouseAdapter() {
            @Override
            public void mouseClicked(MouseEvent e) {
                showSelectedSection();
            }
        });
        JScrollPane contentsPane = new JScrollPane(contents);
        contentsPane.setMinimumSize(contentsPane.getPreferredSize());
        JScrollPane pagePane = new JScrollPane(page);
        // The page's own preferred width is its widest <pre> line: the contents would be squeezed.
        pagePane.setPreferredSize(new Dimension(700, 600));
        JSplitPane split = new JSplitPane(JSplitPane.HORIZONTAL_SPLIT, contentsPane, pagePane);
        split.setResizeWeight(0);
        add(split);
        setSize(1000, 720);
        setLocationRelativeTo(owner);
        // After layout, or the scroll position is lost when the pane first sizes itself; choosing
        // the section scrolls to it. The list has the focus: the arrow keys move through the sections.
        SwingUtilities.invokeLater(() -> {
            int usage = guide.sections().stream().map(UserGuide.Section::anchor).toList().indexOf(UserGuide.USAGE_ANCHOR);
            contents.setSelectedIndex(Math.max(0, usage));
            contents.requestFocusInWindow();
        });
    }

    private void showSelectedSection() {
        if (contents.getSelectedValue() != null) {
            page.scrollToReference(contents.getSelectedValue().anchor());
        }
    }

    JEditorPane page() {
        return page;
    }
}
