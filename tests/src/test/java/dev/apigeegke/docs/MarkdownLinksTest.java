package dev.apigeegke.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apigeegke.testing.Markdown;
import dev.apigeegke.testing.Repo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every relative link in the repository's Markdown leads to a file that exists, and its #anchor to a heading there. */
class MarkdownLinksTest {
    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");
    private static final Pattern FENCE = Pattern.compile("^\\s*`{3,}.*$");
    private static final Pattern HEADING = Pattern.compile("^#{1,6}\\s+(.*?)\\s*$");

    static List<String> files() {
        return Markdown.files();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void everyRelativeLinkResolves(String file) {
        var broken = new ArrayList<String>();
        Path dir = Repo.root().resolve(file).getParent();
        for (String target : links(file)) {
            if (target.matches("^[a-z]+:.*")) {
                continue;
            }
            int hash = target.indexOf('#');
            String path = hash < 0 ? target : target.substring(0, hash);
            String anchor = hash < 0 ? null : target.substring(hash + 1);
            Path resolved = path.isEmpty() ? Repo.root().resolve(file) : dir.resolve(path).normalize();
            if (!Files.exists(resolved)) {
                broken.add(target + " (no " + Repo.root().relativize(resolved) + ")");
            } else if (anchor != null && resolved.toString().endsWith(".md")
                    && !anchors(Repo.root().relativize(resolved).toString().replace('\\', '/')).contains(anchor)) {
                broken.add(target + " (no heading #" + anchor + " in " + Repo.root().relativize(resolved) + ")");
            }
        }
        assertThat(broken).as(file + ": links that lead nowhere").isEmpty();
    }

    /** The link targets outside code blocks and code spans. */
    private static List<String> links(String file) {
        var targets = new ArrayList<String>();
        boolean inCode = false;
        for (String line : Markdown.read(file).split("\n")) {
            if (FENCE.matcher(line).matches()) {
                inCode = !inCode;
                continue;
            }
            if (inCode) {
                continue;
            }
            var m = LINK.matcher(line.replaceAll("`[^`]*`", "``"));
            while (m.find()) {
                targets.add(m.group(1));
            }
        }
        return targets;
    }

    /** The anchors GitHub gives the file's headings: lowercase, punctuation dropped, spaces as '-', repeats numbered. */
    private static Set<String> anchors(String file) {
        var anchors = new LinkedHashSet<String>();
        var seen = new HashMap<String, Integer>();
        boolean inCode = false;
        for (String line : Markdown.read(file).split("\n")) {
            if (FENCE.matcher(line).matches()) {
                inCode = !inCode;
                continue;
            }
            var m = HEADING.matcher(line);
            if (inCode || !m.matches()) {
                continue;
            }
            String slug = m.group(1).toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-');
            int n = seen.merge(slug, 1, Integer::sum) - 1;
            anchors.add(n == 0 ? slug : slug + "-" + n);
        }
        return anchors;
    }
}
