package dev.apigeegke.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import dev.apigeegke.apigee.resources.ApiProxy;
import dev.apigeegke.preview.TypeTokens;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.zip.ZipInputStream;

/**
 * What changed inside an Apigee proxy bundle between two plans: a reviewer sees which of the proxy's files changed and
 * how (a load balancer's server added, a policy's limit), where the plan itself holds only the zip's base64 and hash.
 */
final class BundleDiff {
    /** The resource type whose {@code bundle} input is a base64 zip of a proxy bundle. */
    static final String API_PROXY = TypeTokens.of(ApiProxy.class);
    private static final int CONTEXT_LINES = 1;

    private BundleDiff() {
    }

    /**
     * The unified diff of each file that differs between the bundles {@code before} and {@code after}, in path order,
     * or empty when either is not a bundle's base64 (unknown, secret, not a zip).
     */
    static List<String> lines(JsonNode before, JsonNode after) {
        var old = files(before);
        var now = files(after);
        if (old.isEmpty() || now.isEmpty()) {
            return List.of();
        }
        var lines = new ArrayList<String>();
        var paths = new TreeSet<>(old.get().keySet());
        paths.addAll(now.get().keySet());
        for (String path : paths) {
            var a = lines(old.get().get(path));
            var b = lines(now.get().get(path));
            if (a.equals(b) && old.get().containsKey(path) == now.get().containsKey(path)) {
                continue;
            }
            var patch = DiffUtils.diff(a, b);
            lines.addAll(UnifiedDiffUtils.generateUnifiedDiff(
                    old.get().containsKey(path) ? "a/" + path : "/dev/null",
                    now.get().containsKey(path) ? "b/" + path : "/dev/null", a, patch, CONTEXT_LINES));
        }
        return lines;
    }

    private static List<String> lines(String text) {
        return text == null || text.isEmpty() ? List.of() : List.of(text.split("\n", -1));
    }

    private static Optional<TreeMap<String, String>> files(JsonNode base64) {
        if (base64 == null || !base64.isTextual()) {
            return Optional.empty();
        }
        byte[] zip;
        try {
            zip = Base64.getDecoder().decode(base64.asText());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        var files = new TreeMap<String, String>();
        try (var in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (var entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                if (!entry.isDirectory()) {
                    files.put(entry.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
                }
            }
        } catch (IOException e) {
            return Optional.empty();
        }
        return files.isEmpty() ? Optional.empty() : Optional.of(files);
    }
}
