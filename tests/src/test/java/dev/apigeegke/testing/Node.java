package dev.apigeegke.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs the scripts of tests/node with the machine's Node.js, many inputs a start: each script takes a batch file of
 * named inputs and reports on each by name (tests/node/lib/batch.mjs). A test class gathers its inputs, negative
 * controls included, and starts each script once.
 */
public final class Node {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicInteger CHECKER_STARTS = new AtomicInteger();
    private static final AtomicInteger RUNNER_STARTS = new AtomicInteger();

    private Node() {
    }

    /** What one start printed ({@code {"ok", "reports": {name: report}}}), its exit code and its stderr. */
    public record Batch(int exitCode, JsonNode json, String stderr) {
        /** The report on input {@code name}; fails the test when the script gave none. */
        public JsonNode report(String name) {
            JsonNode report = json.path("reports").path(name);
            assertThat(report.isObject()).as("no report on " + name + ":\n" + json + "\n" + stderr).isTrue();
            return report;
        }

        /** Whether the report on input {@code name} says ok. */
        public boolean ok(String name) {
            return report(name).path("ok").asBoolean();
        }
    }

    /** Checks every input (name → the checker's argument list) with the checker {@code script}, in one Node start. */
    public static Batch check(String script, Map<String, List<String>> inputs) throws IOException, InterruptedException {
        CHECKER_STARTS.incrementAndGet();
        try (var ignored = SuiteTime.doing(SuiteTime.Kind.CHECKERS)) {
            return start(List.of(), script, inputs);
        }
    }

    /**
     * Runs every scenario (name → scenario object) with the runner {@code script} (run-gateway.mjs, run-pod.mjs), in one
     * Node start under {@code prefix} (e.g. {@code unshare ...}, or none).
     */
    public static Batch runScenarios(List<String> prefix, String script, Map<String, ?> scenarios)
            throws IOException, InterruptedException {
        RUNNER_STARTS.incrementAndGet();
        try (var ignored = SuiteTime.doing(SuiteTime.Kind.PROCESSES)) {
            return start(prefix, script, scenarios);
        }
    }

    /** Node starts so far in this JVM: checker runs, then gateway and pod runs. */
    static int[] starts() {
        return new int[] {CHECKER_STARTS.get(), RUNNER_STARTS.get()};
    }

    private static Batch start(List<String> prefix, String script, Map<String, ?> inputs) throws IOException, InterruptedException {
        var file = Files.createTempFile("node-batch-", ".json");
        // stderr to a file: a batch can log more there than a pipe holds while stdout is being read.
        var errors = Files.createTempFile("node-batch-", ".stderr");
        try {
            JSON.writeValue(file.toFile(), inputs);
            var command = new ArrayList<String>(prefix);
            command.addAll(List.of("node", script, "--batch", file.toString()));
            var process = new ProcessBuilder(command).directory(Repo.checkers().toFile()).redirectError(errors.toFile()).start();
            var out = process.getInputStream().readAllBytes();
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException(script + " did not finish");
            }
            String stdout = new String(out, StandardCharsets.UTF_8);
            String stderr = new String(Files.readAllBytes(errors), StandardCharsets.UTF_8);
            JsonNode json;
            try {
                json = JSON.readTree(stdout);
            } catch (IOException e) {
                throw new IllegalStateException(script + " printed no JSON report:\n" + stdout + stderr, e);
            }
            return new Batch(process.exitValue(), json, stderr);
        } finally {
            Files.deleteIfExists(file);
            Files.deleteIfExists(errors);
        }
    }
}
