package dev.apigeegke.docs;

import dev.apigeegke.cli.Patterns;
import dev.apigeegke.examples.common.StackReader;
import dev.apigeegke.internal.config.ProjectConfig;
import dev.apigeegke.preview.OfflineEngine;
import dev.apigeegke.preview.StackFile;
import dev.apigeegke.testing.Repo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes the stack key tables of docs/deploying.md from the one declaration, the root {@code Pulumi.yaml}: for each
 * pattern, the {@code apigee-gke:*} keys its reader reads (recorded when the pattern runs its sample stack), in the
 * declaration's order, with their type, default and description.
 */
final class StackKeyTables {
    static final String DOC = "docs/deploying.md";
    static final String REGENERATE = "mvn -B -ntp -q verify -Dtest=StackKeyTablesTest -Dsurefire.failIfNoSpecifiedTests=false "
            + "-Dstackkeys.write=true";
    private static final Pattern BLOCK = Pattern.compile(
            "(<!-- stack keys of (pattern\\d): generated from Pulumi.yaml, do not edit -->\n)(.*?)(<!-- end of the stack keys -->)",
            Pattern.DOTALL);

    private StackKeyTables() {
    }

    /** The keys ({@code namespace:key}) each pattern reads, from a run of its sample stack. */
    static Map<String, Set<String>> keysRead() throws Exception {
        for (String pattern : Patterns.names()) {
            var stack = StackFile.read(Repo.root().resolve("Pulumi." + pattern + ".yaml"), "apigee-gke")
                    .withProjectConfig(Repo.root(), pattern);
            var result = OfflineEngine.run("apigee-gke", pattern, stack.config(), stack.secretKeys(), Patterns.program(pattern));
            if (!result.ok()) {
                throw new IllegalStateException(pattern + "'s sample stack fails: " + result.errors());
            }
        }
        var read = new TreeMap<String, Set<String>>();
        for (String pattern : Patterns.names()) {
            read.put(pattern, new TreeSet<>(StackReader.keysReadBy().getOrDefault(pattern, Set.of())));
        }
        return read;
    }

    /** The table of {@code pattern}'s keys: the selector key, then every key it reads, in the declaration's order. */
    static String table(ProjectConfig declared, String pattern, Set<String> read) {
        var sb = new StringBuilder("| key | type | default | meaning |\n|---|---|---|---|\n");
        for (var d : declared.declarations()) {
            String key = declared.fullKey(d.key());
            boolean selector = key.equals(StackReader.NAMESPACE + ":" + StackReader.PATTERN_KEY);
            if (!selector && !read.contains(key)) {
                continue;
            }
            String meaning = d.description().strip().replace("|", "\\|");
            if (selector) {
                meaning += " (the root project only; the standalone programs in examples/ run their own pattern)";
            }
            sb.append("| `").append(key).append("` | `").append(d.typeName()).append("` | ")
                    .append(d.wireDefault().map(v -> "`" + (v.isEmpty() ? "\"\"" : v) + "`").orElse("required"))
                    .append(" | ").append(meaning).append(" |\n");
        }
        return sb.toString();
    }

    /** {@code doc} with every generated block replaced by the table the declaration gives. */
    static String render(String doc, ProjectConfig declared, Map<String, Set<String>> read) {
        Matcher m = BLOCK.matcher(doc);
        var out = new StringBuilder();
        while (m.find()) {
            String pattern = m.group(2);
            if (!read.containsKey(pattern)) {
                throw new IllegalStateException(DOC + " has a table for " + pattern + ", which is no pattern");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(m.group(1) + table(declared, pattern, read.get(pattern)) + m.group(4)));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** Rewrites the tables of docs/deploying.md. */
    static void write() throws Exception {
        Path doc = Repo.root().resolve(DOC);
        var declared = ProjectConfig.parse(Files.readString(Repo.root().resolve("Pulumi.yaml")));
        Files.writeString(doc, render(Files.readString(doc), declared, keysRead()));
    }
}
