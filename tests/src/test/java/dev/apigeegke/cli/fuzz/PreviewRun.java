package dev.apigeegke.cli.fuzz;

import dev.apigeegke.cli.MainAccess;
import dev.apigeegke.cli.Patterns;
import dev.apigeegke.cli.fuzz.Stacks.StackCase;
import dev.apigeegke.preview.OfflineEngine;
import dev.apigeegke.preview.Plan;
import dev.apigeegke.preview.StackFile;
import dev.apigeegke.testing.Repo;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A generated stack file previewed as a user runs it: {@code apigee-gke preview <pattern> --config FILE --out DIR},
 * in this process. The file and the folder it writes live under {@code target/stack-fuzz/}, deleted after each case.
 *
 * @param code   the exit code
 * @param out    what the command printed on stdout
 * @param err    what it printed on stderr
 * @param outDir the {@code --out} folder (gone once {@link #close()} ran)
 */
record PreviewRun(int code, String out, String err, Path outDir) implements AutoCloseable {
    private static final Path WORK = Path.of("target", "stack-fuzz").toAbsolutePath();
    private static final AtomicInteger CASES = new AtomicInteger();

    /** Runs the preview of {@code stack}; close the result to delete its files. */
    static PreviewRun of(StackCase stack) {
        try {
            Path dir = WORK.resolve("case-" + CASES.incrementAndGet());
            Files.createDirectories(dir);
            Path file = dir.resolve("Pulumi.fuzz.yaml");
            Files.writeString(file, stack.yaml(), StandardCharsets.UTF_8);
            Path outDir = dir.resolve("out");
            var out = new ByteArrayOutputStream();
            var err = new ByteArrayOutputStream();
            int code = MainAccess.run(new String[] {"preview", stack.pattern(), "--config", file.toString(),
                "--project-dir", Repo.root().toString(), "--out", outDir.toString()},
                    new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
            return new PreviewRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8), outDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Everything the command printed. */
    String printed() {
        return out + err;
    }

    /** Every file {@code --out} wrote. */
    List<Path> written() throws IOException {
        if (!Files.isDirectory(outDir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(outDir)) {
            return files.filter(Files::isRegularFile).sorted().toList();
        }
    }

    /**
     * The types of the resources the pattern's program registers with the stack's configuration, on the offline
     * engine directly (the command line writes no plan for a failed run, so it cannot show what was registered before the
     * failure); empty when the file is not a configuration the command would run at all.
     */
    static List<String> registered(StackCase stack) throws IOException {
        Path file = Files.createTempFile(Files.createDirectories(WORK), "engine-", ".yaml");
        try {
            Files.writeString(file, stack.yaml(), StandardCharsets.UTF_8);
            StackFile config;
            try {
                config = StackFile.read(file, StackFile.projectName(Repo.root()));
            } catch (IOException unreadable) {
                return List.of();
            }
            String selected = config.config().get("apigee-gke:" + Patterns.KEY);
            if (selected != null && !selected.equals(stack.pattern())) {
                return List.of();
            }
            var result = OfflineEngine.run(StackFile.projectName(Repo.root()), stack.pattern(), config.config(), config.secretKeys(),
                    Patterns.program(stack.pattern()));
            return result.plan().resources().stream().map(Plan.Resource::type).toList();
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Override
    public void close() {
        Path dir = outDir.getParent();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
