package dev.apigeegke.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the npm checkers with the machine's Node.js. */
public final class Node {
    private Node() {
    }

    /** What a checker printed (one JSON document) and its exit code. */
    public record Report(int exitCode, JsonNode json, String stderr) {
    }

    /** Runs {@code node <script> <args>} in the checkers folder. */
    public static Report run(String script, List<String> args) throws IOException, InterruptedException {
        return run(List.of(), script, args);
    }

    /** Runs {@code <prefix> node <script> <args>} in the checkers folder, e.g. inside {@code unshare}. */
    public static Report run(List<String> prefix, String script, List<String> args) throws IOException, InterruptedException {
        var command = new ArrayList<String>(prefix);
        command.add("node");
        command.add(script);
        command.addAll(args);
        var process = new ProcessBuilder(command).directory(Repo.checkers().toFile()).start();
        var out = process.getInputStream().readAllBytes();
        var err = process.getErrorStream().readAllBytes();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException(script + " did not finish");
        }
        String stdout = new String(out, StandardCharsets.UTF_8);
        JsonNode json;
        try {
            json = new ObjectMapper().readTree(stdout);
        } catch (IOException e) {
            throw new IllegalStateException(script + " printed no JSON report:\n" + stdout + new String(err, StandardCharsets.UTF_8), e);
        }
        return new Report(process.exitValue(), json, new String(err, StandardCharsets.UTF_8));
    }
}
