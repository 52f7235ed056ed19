package dev.apigeegke.componentprovider.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.apigeegke.testing.Repo;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

/**
 * A TypeScript Pulumi program of tests/node/consumers, compiled with the pinned {@code tsc} and run with the pinned
 * {@code @pulumi/pulumi}'s own runner ({@code cmd/run}, what the Node language host starts) against a
 * {@link MiniEngine}, with the stack configuration in {@code PULUMI_CONFIG} as the CLI passes it.
 */
public final class TypeScriptProgram {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path compiled;

    private TypeScriptProgram(Path compiled) {
        this.compiled = compiled;
    }

    /** What a run printed and its exit code. */
    public record Run(int exitCode, String stdout, String stderr) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + stdout + "\n--- stderr\n" + stderr;
        }
    }

    /**
     * Compiles the program in {@code tests/node/consumers/<name>} (its tsconfig.json) to {@code outDir}; fails with
     * tsc's report when it does not type-check.
     */
    public static TypeScriptProgram compile(String name, Path outDir) throws IOException, InterruptedException {
        Path source = Repo.checkers().resolve("consumers").resolve(name);
        var run = start(List.of("node", Repo.checkers().resolve("node_modules/typescript/bin/tsc").toString(),
                "-p", source.resolve("tsconfig.json").toString(), "--outDir", outDir.toString()), source, Map.of());
        if (run.exitCode() != 0) {
            throw new IllegalStateException("tsc refused " + source + ":\n" + run);
        }
        return new TypeScriptProgram(outDir);
    }

    /**
     * Runs the program as stack {@code stack} of {@code project} against {@code engine} (monitor and engine), in preview
     * ({@code dryRun}) or update mode, with {@code config} ({@code namespace:key} → value) of which {@code secretKeys}
     * are secrets.
     */
    public Run run(MiniEngine engine, String project, String stack, boolean dryRun, Map<String, String> config,
                   Set<String> secretKeys) throws IOException, InterruptedException {
        var command = List.of("node", Repo.checkers().resolve("node_modules/@pulumi/pulumi/cmd/run/index.js").toString(),
                "--monitor", engine.address(), "--engine", engine.address(), "--project", project, "--stack", stack,
                "--dry-run=" + dryRun, "--pwd", compiled.toString(), ".");
        return start(command, compiled, Map.of(
                "PULUMI_CONFIG", JSON.writeValueAsString(config),
                "PULUMI_CONFIG_SECRET_KEYS", JSON.writeValueAsString(new TreeSet<>(secretKeys)),
                // The compiled program lies outside tests/node: it finds the pinned @pulumi/pulumi, the very copy the
                // runner loads, through NODE_PATH.
                "NODE_PATH", Repo.checkers().resolve("node_modules").toString()));
    }

    private static Run start(List<String> command, Path dir, Map<String, String> env) throws IOException, InterruptedException {
        var out = Files.createTempFile("ts-program-", ".out");
        var err = Files.createTempFile("ts-program-", ".err");
        try {
            var builder = new ProcessBuilder(new ArrayList<>(command)).directory(dir.toFile())
                    .redirectOutput(out.toFile()).redirectError(err.toFile());
            builder.environment().putAll(env);
            var process = builder.start();
            if (!process.waitFor(4, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException(command + " did not finish");
            }
            return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
