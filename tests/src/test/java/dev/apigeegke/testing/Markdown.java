package dev.apigeegke.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The repository's Markdown files and their fenced code blocks, each with the heading it stands under. */
public final class Markdown {
    /** Folders that hold no documentation of the project: build output, installed packages, git. */
    private static final Set<String> SKIPPED = Set.of("target", "node_modules", ".git");
    private static final Pattern FENCE = Pattern.compile("^(`{3,})\\s*([\\w-]*)\\s*$");
    private static final Pattern HEADING = Pattern.compile("^#{1,6}\\s+(.*?)\\s*#*\\s*$");

    private Markdown() {
    }

    /**
     * One fenced block.
     *
     * @param file    the file, relative to the repository root
     * @param heading the nearest heading above the block ("" before the first)
     * @param line    the 1-based line of the opening fence
     * @param lang    the info string ({@code java}, {@code text}, {@code mermaid}...), "" when none
     * @param body    the lines between the fences, joined with newlines
     */
    public record Block(String file, String heading, int line, String lang, String body) {
    }

    /** Every Markdown file of the repository, relative to its root, sorted. */
    public static List<String> files() {
        Path root = Repo.root();
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(p -> p.toString().endsWith(".md"))
                    .filter(p -> !skipped(root.relativize(p)))
                    .map(p -> root.relativize(p).toString().replace('\\', '/'))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean skipped(Path relative) {
        for (Path part : relative) {
            if (SKIPPED.contains(part.toString())) {
                return true;
            }
        }
        return false;
    }

    /** The text of a file relative to the repository root. */
    public static String read(String file) {
        try {
            return Files.readString(Repo.root().resolve(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The fenced blocks of {@code file}, in order. An unclosed fence is an error: it would swallow the rest. */
    public static List<Block> blocks(String file) {
        var blocks = new ArrayList<Block>();
        var lines = read(file).split("\n", -1);
        String heading = "";
        for (int i = 0; i < lines.length; i++) {
            var heads = HEADING.matcher(lines[i]);
            if (heads.matches()) {
                heading = heads.group(1);
                continue;
            }
            var open = FENCE.matcher(lines[i]);
            if (!open.matches()) {
                continue;
            }
            String fence = open.group(1);
            int start = i;
            var body = new ArrayList<String>();
            while (++i < lines.length && !lines[i].strip().equals(fence)) {
                body.add(lines[i]);
            }
            if (i >= lines.length) {
                throw new IllegalStateException(file + ":" + (start + 1) + ": the code block opened here is never closed");
            }
            blocks.add(new Block(file, heading, start + 1, open.group(2), String.join("\n", body)));
        }
        return blocks;
    }

    /** The Markdown files holding at least one {@code mermaid} block. */
    public static List<String> filesWithMermaid() {
        return files().stream().filter(f -> blocks(f).stream().anyMatch(b -> b.lang().equals("mermaid"))).toList();
    }
}
