package dev.apigeegke.cli;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.apigeegke.core.Yaml;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes {@code plan.json} (keys sorted, resources sorted by URN: the same config gives the same bytes)
 * and {@code manifests/}, one YAML file per Kubernetes object as the Kubernetes provider would apply it.
 */
final class PlanWriter {
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .enable(SerializationFeature.INDENT_OUTPUT);

    private PlanWriter() {
    }

    /** Writes the plan and manifests under {@code dir}; returns the manifest files written. */
    static List<Path> write(Plan plan, Path dir) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("plan.json"), json(plan), StandardCharsets.UTF_8);
        Path manifests = dir.resolve("manifests");
        if (Files.isDirectory(manifests)) {
            try (var old = Files.list(manifests)) {
                for (Path p : old.filter(p -> p.toString().endsWith(".yaml")).toList()) {
                    Files.delete(p);
                }
            }
        }
        Files.createDirectories(manifests);
        var written = new ArrayList<Path>();
        for (var r : plan.resources()) {
            if (!r.isKubernetesObject()) {
                continue;
            }
            var manifest = manifest(r);
            Path file = manifests.resolve(fileName(manifest));
            Files.writeString(file, Yaml.yaml(manifest), StandardCharsets.UTF_8);
            written.add(file);
        }
        return written;
    }

    static String json(Plan plan) throws IOException {
        var resources = new ArrayList<Map<String, Object>>();
        for (var r : plan.resources()) {
            var m = new TreeMap<String, Object>();
            m.put("urn", r.urn());
            m.put("type", r.type());
            m.put("name", r.name());
            m.put("parent", r.parent());
            m.put("inputs", r.inputs());
            resources.add(m);
        }
        var root = new TreeMap<String, Object>();
        root.put("project", plan.project());
        root.put("stack", plan.stack());
        root.put("resources", resources);
        root.put("outputs", plan.outputs());
        var printer = new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("  ", "\n"))
                .withArrayIndenter(new DefaultIndenter("  ", "\n"));
        return JSON.writer(printer).writeValueAsString(root) + "\n";
    }

    /** The object as applied: apiVersion, kind, metadata first, then the rest of the inputs. */
    static Map<String, Object> manifest(Plan.Resource r) {
        var manifest = new LinkedHashMap<String, Object>();
        manifest.put("apiVersion", r.inputs().get("apiVersion"));
        manifest.put("kind", r.inputs().get("kind"));
        manifest.put("metadata", r.inputs().get("metadata"));
        r.inputs().forEach((k, v) -> {
            if (!manifest.containsKey(k)) {
                manifest.put(k, v);
            }
        });
        return manifest;
    }

    private static String fileName(Map<String, Object> manifest) {
        var metadata = manifest.get("metadata") instanceof Map<?, ?> m ? m : Map.of();
        Object namespace = metadata.get("namespace");
        String kind = String.valueOf(manifest.get("kind")).toLowerCase(Locale.ROOT);
        String prefix = namespace == null ? "" : namespace + "-";
        return prefix + kind + "-" + metadata.get("name") + ".yaml";
    }
}
