package dev.biasinspector.about;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The README, bundled in the jar at build time, as the simple HTML Swing's editor pane shows
 * (HTML 3.2). The converter knows the Markdown the README uses: headings, paragraphs, bullet
 * lists with continuation lines, fenced code, tables, inline code, bold, italics and links.
 * Images are left out: the screenshots are not bundled.
 */
public final class UserGuide {

    static final String RESOURCE = "/dev/biasinspector/about/README.md";
    /** The anchor of "## Using the app", where Help > User Guide opens. */
    public static final String USAGE_ANCHOR = "using-the-app";

    private static final Pattern HEADING = Pattern.compile("^(#{1,6})\\s+(.*)$");
    private static final Pattern TABLE_RULE = Pattern.compile("^\\|?\\s*:?-+:?\\s*(\\|\\s*:?-+:?\\s*)*\\|?\\s*$");

    private UserGuide() {
    }

    /** A top-level section of the guide (a "##" heading of the README) and its anchor in the guide's HTML. */
    public record Section(String title, String anchor) {
        @Override
        public String toString() {
            return title;
        }
    }

    /** The guide as the window shows it: its HTML and its sections, read from the same README. */
    public record Guide(String html, List<Section> sections) {
        public Guide {
            sections = List.copyOf(sections);
        }
    }

    /** Reads the bundled README once; a missing or unreadable one gives a page that says so. */
    public static Guide load() {
        try {
            return readme().map(UserGuide::convert).orElse(new Guide(
                    "<html><body><p>The user guide is not in this build (README.md missing from the jar).</p></body></html>",
                    List.of()));
        } catch (IOException e) {
            return new Guide("<html><body><p>The user guide could not be read: " + escape(e.getMessage())
                    + "</p></body></html>", List.of());
        }
    }

    private static Optional<String> readme() throws IOException {
        try (InputStream in = UserGuide.class.getResourceAsStream(RESOURCE)) {
            return in == null ? Optional.empty()
                    : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    /** The "##" headings outside code blocks, with the anchors the HTML gives them. */
    static List<Section> sections(String markdown) {
        return convert(markdown).sections();
    }

    static String toHtml(String markdown) {
        return convert(markdown).html();
    }

    /** A heading as text: its Markdown marks taken away. */
    private static String plain(String heading) {
        return heading.replaceAll("[`*]", "").replaceAll("\\[([^\\]]+)\\]\\([^)]*\\)", "$1").strip();
    }

    /** The README as HTML, with its "##" sections collected on the way. */
    private static Guide convert(String markdown) {
        List<String> lines = markdown.replace("\r\n", "\n").lines().toList();
        List<Section> sections = new ArrayList<>();
        StringBuilder html = new StringBuilder("<html><body style='font-family: sans-serif; margin: 10px'>\n");
        int i = 0;
        while (i < lines.size()) {
            String line = lines.get(i);
            String trimmed = line.strip();
            Matcher heading = HEADING.matcher(trimmed);
            if (trimmed.isEmpty() || trimmed.startsWith("![")) {
                i++;
            } else if (trimmed.startsWith("```")) {
                html.append("<pre>");
                i++;
                while (i < lines.size() && !lines.get(i).strip().startsWith("```")) {
                    html.append(escape(lines.get(i))).append('\n');
                    i++;
                }
                html.append("</pre>\n");
                i++;
            } else if (heading.matches()) {
                int level = Math.min(heading.group(1).length() + 1, 6);
                String text = heading.group(2);
                String anchor = anchor(text);
                if (heading.group(1).length() == 2) {
                    sections.add(new Section(plain(text), anchor));
                }
                html.append("<a name='").append(anchor).append("'></a><h").append(level).append('>')
                        .append(inline(text)).append("</h").append(level).append(">\n");
                i++;
            } else if (trimmed.startsWith("|") && i + 1 < lines.size() && TABLE_RULE.matcher(lines.get(i + 1).strip()).matches()) {
                html.append("<table border='1' cellspacing='0' cellpadding='3'>\n<tr>");
                for (String cell : cells(trimmed)) {
                    html.append("<th>").append(inline(cell)).append("</th>");
                }
                html.append("</tr>\n");
                i += 2;
                while (i < lines.size() && lines.get(i).strip().startsWith("|")) {
                    html.append("<tr>");
                    for (String cell : cells(lines.get(i).strip())) {
                        html.append("<td>").append(inline(cell)).append("</td>");
                    }
                    html.append("</tr>\n");
                    i++;
                }
                html.append("</table>\n");
            } else if (trimmed.startsWith("- ") || trimmed.startsWith("* ")) {
                html.append("<ul>\n");
                while (i < lines.size() && (lines.get(i).strip().startsWith("- ") || lines.get(i).strip().startsWith("* "))) {
                    StringBuilder item = new StringBuilder(lines.get(i).strip().substring(2));
                    i++;
                    // Continuation lines are indented; an indented image or blank line ends the item text.
                    while (i < lines.size() && lines.get(i).startsWith("  ") && !lines.get(i).strip().isEmpty()
                            && !lines.get(i).strip().startsWith("- ")) {
                        if (!lines.get(i).strip().startsWith("![")) {
                            item.append(' ').append(lines.get(i).strip());
                        }
                        i++;
                    }
                    while (i < lines.size() && lines.get(i).strip().isEmpty() && i + 1 < lines.size()
                            && lines.get(i + 1).startsWith("  ")) {
                        i++; // blank line inside an item (before its indented image)
                        while (i < lines.size() && lines.get(i).startsWith("  ") && !lines.get(i).strip().startsWith("- ")) {
                            i++;
                        }
                    }
                    html.append("<li>").append(inline(item.toString())).append("</li>\n");
                }
                html.append("</ul>\n");
            } else {
                StringBuilder paragraph = new StringBuilder(trimmed);
                i++;
                while (i < lines.size() && !lines.get(i).strip().isEmpty() && !startsBlock(lines.get(i).strip())) {
                    paragraph.append(' ').append(lines.get(i).strip());
                    i++;
                }
                html.append("<p>").append(inline(paragraph.toString())).append("</p>\n");
            }
        }
        return new Guide(html.append("</body></html>").toString(), sections);
    }

    private static boolean startsBlock(String trimmed) {
        return trimmed.startsWith("#") || trimmed.startsWith("```") || trimmed.startsWith("|")
                || trimmed.startsWith("- ") || trimmed.startsWith("* ") || trimmed.startsWith("![");
    }

    private static List<String> cells(String row) {
        String inner = row.substring(1, row.endsWith("|") && row.length() > 1 ? row.length() - 1 : row.length());
        return List.of(inner.split("\\|", -1)).stream().map(String::strip).toList();
    }

    /** "Using the app" → "using-the-app", as GitHub names its anchors (from the text as shown). */
    static String anchor(String heading) {
        return plain(heading).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9 -]", "")
                .strip().replace(' ', '-');
    }

    /** Inline markup on escaped text; code spans first so nothing inside them is touched. */
    static String inline(String text) {
        StringBuilder out = new StringBuilder();
        String[] parts = text.split("`", -1);
        for (int p = 0; p < parts.length; p++) {
            if (p % 2 == 1 && p < parts.length - 1) {
                out.append("<code>").append(escape(parts[p])).append("</code>");
            } else {
                String s = escape(p % 2 == 1 ? "`" + parts[p] : parts[p]);
                s = s.replaceAll("\\[([^\\]]+)\\]\\(([^)\\s]+)\\)", "<a href='$2'>$1</a>");
                s = s.replaceAll("\\*\\*([^*]+)\\*\\*", "<b>$1</b>");
                s = s.replaceAll("(?<![\\w*])\\*([^*\\s][^*]*)\\*(?![\\w*])", "<i>$1</i>");
                out.append(s);
            }
        }
        return out.toString();
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("'", "&#39;");
    }
}
