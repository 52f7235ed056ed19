package dev.apigeegke.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Proxy bundles written for apigeelint (tests/node/lint-bundles.mjs), and what it reports on them. */
public final class LintedBundles {
    private LintedBundles() {
    }

    /** A bundle's files (path → bytes) under {@code dir}; returns its {@code apiproxy/} folder, what the linter takes. */
    public static Path write(Map<String, byte[]> files, Path dir) throws IOException {
        for (var file : files.entrySet()) {
            Path target = dir.resolve(file.getKey());
            Files.createDirectories(target.getParent());
            Files.write(target, file.getValue());
        }
        return dir.resolve("apiproxy");
    }

    /** Every finding of {@code severity} (2 error, 1 warning) in a report, as {@code <file under apiproxy/>: <rule> <message>}. */
    public static List<String> messages(JsonNode report, int severity) {
        var found = new ArrayList<String>();
        for (JsonNode file : report.path("files")) {
            for (JsonNode m : file.get("messages")) {
                if (m.get("severity").asInt() == severity) {
                    found.add(file.get("filePath").asText().replaceAll(".*/apiproxy/", "") + ": " + m.get("ruleId").asText()
                            + " " + m.get("message").asText());
                }
            }
        }
        return found;
    }
}
