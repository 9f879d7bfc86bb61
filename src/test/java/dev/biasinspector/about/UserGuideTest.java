package dev.biasinspector.about;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The README as the User Guide window shows it: readable HTML, nothing of the Markdown left over. */
class UserGuideTest {

    @Test
    void markdownBecomesHtmlWithAnchorsEscapedCodeAndTables() {
        String html = UserGuide.toHtml("""
                # Title
                ## Using the app
                Some **bold** and *italic* text with `a <b> & *not italic*` and a [link](https://example.org).
                continued line.

                - first item
                  continues here
                - second item

                ```sh
                java -jar x.jar <MODEL>
                ```

                | A | B |
                |---|--:|
                | `x` | 2 |

                ![screenshot](.github/screenshot.png)
                """);
        assertThat(html).contains("<a name='using-the-app'></a><h3>Using the app</h3>")
                .contains("<b>bold</b>").contains("<i>italic</i>")
                .contains("<code>a &lt;b&gt; &amp; *not italic*</code>")
                .contains("<a href='https://example.org'>link</a>")
                .contains("text with").contains("continued line.</p>")
                .contains("<li>first item continues here</li>").contains("<li>second item</li>")
                .contains("<pre>java -jar x.jar &lt;MODEL&gt;\n</pre>")
                .contains("<tr><th>A</th><th>B</th></tr>").contains("<tr><td><code>x</code></td><td>2</td></tr>")
                .doesNotContain("screenshot").doesNotContain("```").doesNotContain("**");
    }

    @Test
    void theBundledGuideIsTheProjectsReadme() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        String html = UserGuide.load().html();
        assertThat(html).contains("<a name='" + UserGuide.USAGE_ANCHOR + "'>");
        // Every second-level heading of the README is in the guide.
        readme.lines().filter(l -> l.startsWith("## ")).forEach(heading ->
                assertThat(html).contains("<a name='" + UserGuide.anchor(heading.substring(3)) + "'>"));
    }

    @Test
    void theSectionsAreTheSecondLevelHeadingsOutsideCodeWithTheAnchorsOfTheHtml() {
        String markdown = """
                # Title
                ## Two commands
                ```sh
                ## not a heading: a comment in a script
                ```
                ### A subsection
                ## The `list` command and [links](https://example.org)
                """;
        assertThat(UserGuide.sections(markdown)).containsExactly(
                new UserGuide.Section("Two commands", "two-commands"),
                new UserGuide.Section("The list command and links", "the-list-command-and-links"));
        String html = UserGuide.toHtml(markdown);
        UserGuide.sections(markdown).forEach(section ->
                assertThat(html).contains("<a name='" + section.anchor() + "'>"));
    }

    @Test
    void theBundledGuidesSectionsAreTheReadmesInOrder() throws Exception {
        java.util.List<String> headings = Files.readString(Path.of("README.md")).lines()
                .filter(l -> l.startsWith("## ")).map(l -> l.substring(3).replace("`", "")).toList();
        assertThat(UserGuide.load().sections()).extracting(UserGuide.Section::title).containsExactlyElementsOf(headings);
        assertThat(UserGuide.load().sections()).extracting(UserGuide.Section::anchor).contains(UserGuide.USAGE_ANCHOR);
    }
}
