package dev.apigeegke.microgateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.apigeegke.provider.testing.ApigeeEmulator;
import dev.apigeegke.testing.Node;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Starts of the real gateway as {@code edgemicro start} makes them (tests/node/run-edgemicro.mjs), against an Apigee
 * emulator: each is given a rendered config file, the organization, the environment and the gateway's key and secret,
 * and microgateway-config's own loader downloads the rest from the emulator. Added one by one, run together in one
 * Node start (each in a worker thread of its own), then read by name.
 *
 * <p>A config rendered for Edge cloud names Apigee's hosts; the emulator stands for them on 127.0.0.1, so before a
 * start its URLs are pointed at the emulator ({@link #onEmulator}), as a resolver would: the hosted service
 * ({@code https://edgemicroservices[-region].apigee.net}) at {@link ApigeeEmulator#microgatewayServicesUrl()}, each
 * runtime host ({@code https://{org}-{env}.apigee.net}, also as the {@code %s-%s} format) at
 * {@link ApigeeEmulator#runtimeUrl(String)}. Nothing else in the file changes.
 */
final class GatewayStarts {
    private static final YAMLMapper YAML = new YAMLMapper();
    private static final Pattern SERVICES = Pattern.compile("https://edgemicroservices(-[a-z0-9-]+)?\\.apigee\\.net");
    private static final Pattern RUNTIME = Pattern.compile("https://([^/.]+)\\.apigee\\.net");

    private final Path dir;
    private final ApigeeEmulator apigee;
    private final Map<String, Map<String, Object>> scenarios = new LinkedHashMap<>();
    private Node.Batch batch;

    GatewayStarts(Path dir, ApigeeEmulator apigee) {
        this.dir = dir;
        this.apigee = apigee;
    }

    /** Where the gateway runs as a Service: it routes the {@code edgemicro_*} proxies the bootstrap lists. */
    GatewayStarts add(String name, String yaml, String org, String env, String key, String secret,
            List<Map<String, Object>> requests) {
        scenarios.put(name, scenario(name, yaml, org, env, key, secret, requests));
        return this;
    }

    /**
     * Where the gateway runs as a sidecar ({@code edgemicro start -a proxyName -v 1 -b / -t target}, local-proxy and
     * decorator mode): one route, at "/", to the app at {@code target}.
     */
    GatewayStarts addSidecar(String name, String yaml, String org, String env, String key, String secret, String proxyName,
            String target, List<Map<String, Object>> requests) {
        var scenario = scenario(name, yaml, org, env, key, secret, requests);
        scenario.put("localProxy", Map.of("name", proxyName, "target", target));
        scenarios.put(name, scenario);
        return this;
    }

    private Map<String, Object> scenario(String name, String yaml, String org, String env, String key, String secret,
            List<Map<String, Object>> requests) {
        var scenario = new LinkedHashMap<String, Object>();
        try {
            Path file = Files.createDirectories(dir.resolve(name)).resolve(org + "-" + env + "-config.yaml");
            Files.writeString(file, onEmulator(yaml, org, env));
            scenario.put("config", file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        scenario.put("org", org);
        scenario.put("env", env);
        scenario.put("key", key);
        scenario.put("secret", secret);
        scenario.put("requests", requests);
        return scenario;
    }

    /** Runs every start added, in one Node start. */
    void run() throws IOException, InterruptedException {
        batch = Node.runScenarios(List.of(), "run-edgemicro.mjs", scenarios);
    }

    /** The report of start {@code name}, once the gateway loaded, listened on loopback and answered. */
    JsonNode started(String name) {
        var report = batch.report(name);
        assertThat(report.path("ok").asBoolean()).as(name + ": " + report + "\n" + batch.stderr()).isTrue();
        assertThat(report.path("listen").asText()).isEqualTo("127.0.0.1");
        return report;
    }

    /** The calls the gateway of {@code report} made whose URL starts with {@code prefix}: "METHOD status" each. */
    static List<String> calls(JsonNode report, String prefix) {
        var calls = new ArrayList<String>();
        report.path("calls").forEach(c -> {
            if (c.path("url").asText().startsWith(prefix)) {
                calls.add(c.path("method").asText() + " " + c.path("status").asText());
            }
        });
        return calls;
    }

    /** {@code yaml} with every URL of Apigee's hosts pointed at the emulator. */
    String onEmulator(String yaml, String org, String env) throws IOException {
        String runtime = apigee.runtimeUrl(env).toString();
        String runtimePrefix = runtime.substring(0, runtime.length() - (org + "-" + env).length());
        JsonNode tree = YAML.readTree(yaml);
        rewrite(tree, apigee.microgatewayServicesUrl().toString(), runtimePrefix);
        return YAML.writeValueAsString(tree);
    }

    private static void rewrite(JsonNode node, String services, String runtimePrefix) {
        if (node instanceof ObjectNode object) {
            object.fields().forEachRemaining(field -> {
                if (field.getValue().isTextual()) {
                    String value = SERVICES.matcher(field.getValue().asText()).replaceAll(Matcher.quoteReplacement(services));
                    field.setValue(new TextNode(RUNTIME.matcher(value).replaceAll(m -> Matcher.quoteReplacement(runtimePrefix + m.group(1)))));
                } else {
                    rewrite(field.getValue(), services, runtimePrefix);
                }
            });
        } else if (node != null && node.isArray()) {
            node.forEach(item -> rewrite(item, services, runtimePrefix));
        }
    }
}
