package dev.apigeegke.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.pulumi.Context;
import com.pulumi.test.Mocks;
import dev.apigeegke.preview.OfflineEngine;
import dev.apigeegke.preview.Plan;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * Runs programs on the Pulumi SDK's test engine and returns what was registered, as the engine would
 * receive it (secrets already shown as {@code [secret]}).
 */
public final class Harness {
    public static final String PROJECT = "apigee-gke";
    public static final String STACK = "test";
    public static final String SECRET = "[secret]";
    public static final String UNKNOWN = "[unknown]";

    private Harness() {
    }

    /** A preview: values only the cloud knows are unknown. Fails the test if the program failed. */
    public static Plan preview(Consumer<Context> program) {
        return ok(OfflineEngine.run(PROJECT, STACK, Map.of(), Set.of(), program));
    }

    /** A preview with stack configuration ({@code namespace:key} → value). */
    public static OfflineEngine.Result preview(Map<String, String> config, Set<String> secretKeys, Consumer<Context> program) {
        return OfflineEngine.run(PROJECT, STACK, config, secretKeys, program);
    }

    /** An update against {@link FakeCloud}: resources exist and have the outputs GCP would give them. */
    public static Plan deploy(Consumer<Context> program) {
        return ok(OfflineEngine.run(PROJECT, STACK, Map.of(), Set.of(), program, false, new FakeCloud()));
    }

    /** Runs a program expected to fail; returns its error messages. */
    public static List<String> errors(Consumer<Context> program) {
        var result = OfflineEngine.run(PROJECT, STACK, Map.of(), Set.of(), program);
        assertThat(result.ok()).as("the program should have failed").isFalse();
        return result.errors();
    }

    private static Plan ok(OfflineEngine.Result result) {
        assertThat(result.errors()).as("program errors").isEmpty();
        return result.plan();
    }

    /** Reads a nested input: {@code at(inputs, "spec", "template", "spec")}; list indexes as integers. */
    public static Object at(Object root, Object... path) {
        Object current = root;
        for (Object step : path) {
            if (current instanceof Map<?, ?> m) {
                current = m.get(step);
            } else if (current instanceof List<?> l && step instanceof Integer i) {
                current = l.get(i);
            } else {
                throw new AssertionError("no " + step + " in " + current);
            }
        }
        return current;
    }

    /**
     * Writes every Kubernetes object of {@code plan} into {@code dir} as the manifest the cluster would receive (its
     * inputs, {@code apiVersion} and {@code kind} first), one file each, for the schema checkers; returns how many.
     */
    public static int writeManifests(dev.apigeegke.preview.Plan plan, java.nio.file.Path dir) throws java.io.IOException {
        int count = 0;
        for (var r : plan.resources()) {
            if (!r.isKubernetesObject()) {
                continue;
            }
            var manifest = new java.util.LinkedHashMap<String, Object>();
            manifest.put("apiVersion", r.inputs().get("apiVersion"));
            manifest.put("kind", r.inputs().get("kind"));
            manifest.putAll(r.inputs());
            java.nio.file.Files.writeString(dir.resolve(r.type().replaceAll("[^A-Za-z0-9]", "-") + "-" + r.name() + ".yaml"),
                    dev.apigeegke.internal.render.Yaml.yaml(manifest));
            count++;
        }
        return count;
    }

    /** Outputs a real GCP project would give the resources the components create. */
    public static final class FakeCloud implements Mocks {
        public static final String ENDPOINT = "34.77.1.10";
        public static final String CA = "LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tCg==";
        public static final String ADDRESS = "34.120.7.7";
        public static final String CONSUMER_KEY = "Xk3Y9consumerKeyInClear0000000001";
        public static final String CONSUMER_SECRET = "s3cretConsumerSecretInClear00002";
        /** What the provider would generate and register for a gateway: a key and secret, and a signing key pair. */
        public static final String GATEWAY_KEY = "9f2c4e1agatewayKeyInClear000000000000000000000000000000000000003";
        public static final String GATEWAY_SECRET = "7b1d0c3egatewaySecretInClear00000000000000000000000000000000004";
        public static final String PRIVATE_KEY = "-----BEGIN PRIVATE KEY-----\nprivateSigningKeyInClear00005\n-----END PRIVATE KEY-----\n";
        public static final String PUBLIC_KEY = "-----BEGIN PUBLIC KEY-----\npublicSigningKey00006\n-----END PUBLIC KEY-----\n";
        public static final String CERTIFICATE = "-----BEGIN CERTIFICATE-----\nsigningCertificate00007\n-----END CERTIFICATE-----\n";
        /** The regional microgateway services host the registration answers with. */
        public static final String SERVICES_HOST = "edgemicroservices-us-east-1.apigee.net";

        @Override
        public CompletableFuture<ResourceResult> newResourceAsync(ResourceArgs args) {
            var state = new java.util.HashMap<String, Object>(args.inputs);
            switch (args.type) {
                case "gcp:container/cluster:Cluster" -> {
                    state.put("endpoint", ENDPOINT);
                    state.put("masterAuth", Map.of("clusterCaCertificate", CA));
                }
                case "gcp:compute/globalAddress:GlobalAddress", "gcp:compute/address:Address" -> state.put("address", ADDRESS);
                case "apigee:index:DeveloperApp" -> {
                    state.put("consumerKey", CONSUMER_KEY);
                    state.put("consumerSecret", CONSUMER_SECRET);
                    state.put("appId", "app-" + args.name);
                }
                case "apigee:index:RsaKeyPair" -> {
                    state.put("privateKeyPem", PRIVATE_KEY);
                    state.put("publicKeyPem", PUBLIC_KEY);
                    state.put("certificatePem", CERTIFICATE);
                    state.put("certificateSha256", "ab".repeat(32));
                    state.put("notAfter", "2036-12-01T00:00:00Z");
                }
                case "apigee:index:MicrogatewayCredential" -> {
                    state.put("key", GATEWAY_KEY);
                    state.put("secret", GATEWAY_SECRET);
                    state.put("region", "us-east-1");
                    state.put("host", SERVICES_HOST);
                    state.put("servicesUrl", "https://" + SERVICES_HOST);
                }
                case "apigee:index:ApiProxy" -> {
                    state.put("revision", "1");
                    state.put("deployedRevisions", Map.of());
                }
                case "gcp:serviceaccount/account:Account" ->
                        state.put("email", args.inputs.get("accountId") + "@" + args.inputs.get("project") + ".iam.gserviceaccount.com");
                default -> { }
            }
            return CompletableFuture.completedFuture(ResourceResult.of(java.util.Optional.of(args.name + "-id"), state));
        }
    }
}
