package dev.apigeegke.microgateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.apigeegke.preview.Plan;
import dev.apigeegke.testing.Node;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.zip.ZipInputStream;

/**
 * The scenarios a test class runs on the real engine (tests/node/run-gateway.mjs): added one by one, run together in
 * one Node start (each in a worker thread of its own, so no engine state passes from one to the next), then read by
 * name.
 */
final class GatewayScenarios {
    private static final Pattern BASE_PATH = Pattern.compile("<BasePath>([^<]+)</BasePath>");

    private final Path dir;
    private final Map<String, Map<String, Object>> scenarios = new LinkedHashMap<>();
    private Node.Batch batch;

    GatewayScenarios(Path dir) {
        this.dir = dir;
    }

    /** A GET request of a scenario. */
    static Map<String, Object> get(String path, Map<String, String> headers) {
        return Map.of("method", "GET", "path", path, "headers", headers);
    }

    /** A GET request without headers. */
    static Map<String, Object> get(String path) {
        return get(path, Map.of());
    }

    /** A new 2048-bit RSA key pair, standing for an organization's edgemicro-auth key. */
    static KeyPair rsaKeys() {
        try {
            var generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The base path of an {@code apigee:index:ApiProxy}'s bundle (its default ProxyEndpoint), as Apigee serves it. */
    static String basePath(Plan.Resource proxy) throws Exception {
        byte[] zip = Base64.getDecoder().decode((String) proxy.inputs().get("bundle"));
        try (var in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (var entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                if (entry.getName().equals("apiproxy/proxies/default.xml")) {
                    var basePath = BASE_PATH.matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                    assertThat(basePath.find()).as(proxy.name() + " has a base path").isTrue();
                    return basePath.group(1);
                }
            }
        }
        throw new AssertionError(proxy.name() + "'s bundle has no apiproxy/proxies/default.xml");
    }

    /**
     * Adds scenario {@code name}: the config file (written as {@code ORG-ENV-config.yaml}, as the gateway names it),
     * the proxies Apigee's bootstrap would list, the products edgemicro-auth would list, and the requests in order;
     * {@code localProxy} for the sidecar's local-proxy mode.
     */
    GatewayScenarios add(String name, String yaml, String org, String env, List<Map<String, Object>> proxies,
            List<Map<String, Object>> products, List<Map<String, Object>> requests, boolean localProxy) throws Exception {
        Path file = Files.createDirectories(dir.resolve(name)).resolve(org + "-" + env + "-config.yaml");
        Files.writeString(file, yaml);
        var scenario = new LinkedHashMap<String, Object>();
        scenario.put("config", file.toString());
        scenario.put("org", org);
        scenario.put("env", env);
        if (localProxy) {
            scenario.put("localProxy", true);
        }
        scenario.put("proxies", proxies);
        scenario.put("products", products);
        scenario.put("requests", requests);
        scenarios.put(name, scenario);
        return this;
    }

    /** Runs every scenario added, in one Node start. */
    void run() throws Exception {
        batch = Node.runScenarios(List.of(), "run-gateway.mjs", scenarios);
    }

    /** Scenario {@code name}'s report, once the engine validated its config, served on loopback and answered. */
    JsonNode report(String name) {
        var report = batch.report(name);
        assertThat(report.path("ok").asBoolean()).as(name + ": " + report + "\n" + batch.stderr()).isTrue();
        assertThat(report.path("validator").asText()).isEqualTo("passed");
        assertThat(report.path("listen").asText()).isEqualTo("127.0.0.1");
        return report;
    }
}
