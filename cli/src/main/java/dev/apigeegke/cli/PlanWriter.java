package dev.apigeegke.cli;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.apigeegke.apigee.resources.ApiProxy;
import dev.apigeegke.internal.render.Yaml;
import dev.apigeegke.microgateway.MicrogatewayService;
import dev.apigeegke.preview.Plan;
import dev.apigeegke.preview.TypeTokens;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipInputStream;

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

    /** The type of the Apigee proxy resources whose bundles are written under {@code apigee/}. */
    static final String API_PROXY = TypeTokens.of(ApiProxy.class);

    /** What {@link #write} wrote. */
    record Written(List<Path> manifests, List<Path> bundles) {
    }

    /** Writes the plan, manifests and proxy bundles under {@code dir}. */
    static Written write(Plan plan, Path dir) throws IOException {
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
        var bundles = writeBundles(plan, dir.resolve("apigee"));
        writeGatewayConfigs(plan, dir.resolve("microgateway"));
        return new Written(written, bundles);
    }

    /**
     * Writes each proxy bundle the program deploys, taken from the ApiProxy's {@code bundle} input (what the
     * provider would import): {@code apigee/<name>.zip} and the unpacked {@code apigee/<name>/apiproxy/...}.
     */
    static List<Path> writeBundles(Plan plan, Path dir) throws IOException {
        var written = new ArrayList<Path>();
        for (var r : plan.ofType(API_PROXY)) {
            Object name = r.inputs().get("name");
            Object bundle = r.inputs().get("bundle");
            if (!(name instanceof String proxy) || !(bundle instanceof String base64) || base64.startsWith("[")) {
                continue;
            }
            byte[] zip = Base64.getDecoder().decode(base64);
            Path proxyDir = dir.resolve(proxy);
            deleteTree(proxyDir);
            Files.createDirectories(proxyDir);
            Files.write(dir.resolve(proxy + ".zip"), zip);
            try (var in = new ZipInputStream(new ByteArrayInputStream(zip))) {
                for (var entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                    Path target = proxyDir.resolve(entry.getName()).normalize();
                    if (!target.startsWith(proxyDir)) {
                        throw new IOException("bundle entry outside its folder: " + entry.getName());
                    }
                    if (entry.isDirectory()) {
                        Files.createDirectories(target);
                    } else {
                        Files.createDirectories(target.getParent());
                        Files.write(target, in.readAllBytes());
                    }
                }
            }
            written.add(proxyDir);
        }
        return written;
    }

    /** The component whose rendered gateway configuration is written under {@code microgateway/}. */
    static final String MICROGATEWAY = MicrogatewayService.TYPE;

    /**
     * Writes the Edge Microgateway configuration each MicrogatewayService renders (its {@code config} output,
     * which holds no credential: the key and secret live only in the gateway's Secret) as
     * {@code microgateway/<component>-config.yaml}; a secret value anywhere in it would show as {@code [secret]}. A config
     * the preview does not know yet is not written.
     */
    static List<Path> writeGatewayConfigs(Plan plan, Path dir) throws IOException {
        var written = new ArrayList<Path>();
        for (var r : plan.ofType(MICROGATEWAY)) {
            // A config that waits for a resource (a MicrogatewaySetup's regional host) is unknown in a preview: no file.
            if (plan.outputsOf(r).get("config") instanceof String config && !Plan.UNKNOWN.equals(config)) {
                Files.createDirectories(dir);
                Path file = dir.resolve(r.name() + "-config.yaml");
                Files.writeString(file, config, StandardCharsets.UTF_8);
                written.add(file);
            }
        }
        return written;
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /**
     * The plan as {@code plan.json}: per resource its address, the provider it uses ({@code default} for its package's
     * default provider; none for a component), what it waits for ({@code dependsOn}, and the resources each input comes
     * from), its options and inputs; then the providers with their inputs, and the stack outputs.
     */
    static String json(Plan plan) throws IOException {
        var resources = new ArrayList<Map<String, Object>>();
        for (var r : plan.resources()) {
            var m = new TreeMap<String, Object>();
            m.put("urn", r.urn());
            m.put("type", r.type());
            m.put("name", r.name());
            m.put("parent", r.parent());
            if (r.custom()) {
                m.put("provider", r.providerUrn() == null ? DEFAULT_PROVIDER : r.providerUrn());
            }
            var dependencies = new TreeMap<String, Object>();
            dependencies.put("dependsOn", r.dependsOn());
            dependencies.put("inputs", r.propertyDependencies());
            m.put("dependencies", dependencies);
            m.put("options", options(r));
            m.put("inputs", r.inputs());
            resources.add(m);
        }
        var providers = new ArrayList<Map<String, Object>>();
        for (var p : plan.providers()) {
            var m = new TreeMap<String, Object>();
            m.put("urn", p.urn());
            m.put("package", p.pkg());
            m.put("default", p.isDefault());
            m.put("version", p.version());
            m.put("inputs", p.inputs());
            m.put("resources", p.users());
            providers.add(m);
        }
        var root = new TreeMap<String, Object>();
        root.put("project", plan.project());
        root.put("stack", plan.stack());
        root.put("resources", resources);
        root.put("providers", providers);
        root.put("outputs", plan.outputs());
        var printer = new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("  ", "\n"))
                .withArrayIndenter(new DefaultIndenter("  ", "\n"));
        return JSON.writer(printer).writeValueAsString(root) + "\n";
    }

    /** The {@code provider} of a resource that uses its package's default provider. */
    static final String DEFAULT_PROVIDER = "default";

    /** Every option a resource can carry, unset ones as false or empty, so that a change to any shows in a diff. */
    private static Map<String, Object> options(Plan.Resource r) {
        var o = r.options();
        var m = new TreeMap<String, Object>();
        m.put("protect", o.protect());
        m.put("deleteBeforeReplace", o.deleteBeforeReplace());
        m.put("retainOnDelete", o.retainOnDelete());
        m.put("ignoreChanges", o.ignoreChanges());
        m.put("replaceOnChanges", o.replaceOnChanges());
        m.put("additionalSecretOutputs", o.additionalSecretOutputs());
        m.put("customTimeouts", o.customTimeouts());
        var aliases = new ArrayList<Map<String, Object>>();
        for (var a : o.aliases()) {
            var alias = new TreeMap<String, Object>();
            putIfSet(alias, "urn", a.urn());
            putIfSet(alias, "name", a.name());
            putIfSet(alias, "type", a.type());
            putIfSet(alias, "parent", a.parent());
            if (a.noParent()) {
                alias.put("noParent", true);
            }
            putIfSet(alias, "project", a.project());
            putIfSet(alias, "stack", a.stack());
            aliases.add(alias);
        }
        m.put("aliases", aliases);
        return m;
    }

    private static void putIfSet(Map<String, Object> map, String key, String value) {
        if (value != null) {
            map.put(key, value);
        }
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
