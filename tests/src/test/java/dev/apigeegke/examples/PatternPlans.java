package dev.apigeegke.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.pulumi.Context;
import dev.apigeegke.cli.Patterns;
import dev.apigeegke.examples.gateway.GatewayStackSettings;
import dev.apigeegke.examples.pattern1.Pattern1;
import dev.apigeegke.examples.pattern1.Pattern1Config;
import dev.apigeegke.examples.pattern2.Pattern2;
import dev.apigeegke.examples.pattern3.Pattern3;
import dev.apigeegke.preview.OfflineEngine;
import dev.apigeegke.preview.Plan;
import dev.apigeegke.preview.StackFile;
import dev.apigeegke.testing.Repo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.IntStream;

/**
 * The plans the pattern programs make: each pattern's sample stack ({@code Pulumi.patternN.yaml}) and the variants
 * of it a user is likely to deploy (HTTPS, Apigee X, an internal Ingress, a gateway key of their own, no deletion
 * protection), and each pattern with any number of services.
 */
final class PatternPlans {
    private static final String OWN = "apigee-gke:";
    private static final String IMAGE = "us-docker.pkg.dev/google-samples/containers/gke/hello-app:1.0";
    private static final Map<String, String> INTERNAL = Map.of(OWN + "internal", "true",
            OWN + "proxyOnlySubnetCidr", "10.129.0.0/23");
    private static final Map<String, String> OWN_KEY = Map.of(OWN + "microgatewayKey", "mgw-key-in-clear-0000000000000001",
            OWN + "microgatewaySecret", "mgw-secret-in-clear-000000000002");

    /**
     * A stack: the pattern's sample with {@code changes} ({@code null} removes a key), of which {@code secrets} are
     * secrets.
     */
    record Variant(String name, String pattern, Map<String, String> changes, Set<String> secrets) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** The sample stacks and their variants. */
    static List<Variant> variants() {
        var internal = new TreeMap<String, String>(INTERNAL);
        internal.put(OWN + "allowlist", null);
        return List.of(
                new Variant("pattern1", "pattern1", Map.of(), Set.of()),
                new Variant("pattern1 with domains", "pattern1", Map.of(OWN + "domains", "[\"api.example.com\"]"), Set.of()),
                new Variant("pattern1 on Apigee X", "pattern1",
                        Map.of("apigee:flavor", "x", OWN + "apigeeHostname", "api.example.com"), Set.of()),
                new Variant("pattern1 without deletion protection", "pattern1",
                        Map.of(OWN + "deletionProtection", "false"), Set.of()),
                new Variant("pattern2", "pattern2", Map.of(), Set.of()),
                new Variant("pattern2 internal", "pattern2", internal, Set.of()),
                new Variant("pattern2 with its own gateway key", "pattern2", OWN_KEY, OWN_KEY.keySet()),
                new Variant("pattern3", "pattern3", Map.of(), Set.of()),
                new Variant("pattern3 internal", "pattern3", internal, Set.of()),
                new Variant("pattern3 with its own gateway key", "pattern3", OWN_KEY, OWN_KEY.keySet()));
    }

    /** A variant's stack configuration and the plan its pattern's program makes of it. */
    record Run(Variant variant, Map<String, String> config, Plan plan) {
    }

    /** The runs so far: each variant's plan is checked by several tests. */
    private static final Map<String, Run> RUNS = new java.util.concurrent.ConcurrentHashMap<>();

    private PatternPlans() {
    }

    /** Runs the pattern program the variant's stack selects (once); fails the test if the program fails. */
    static Run run(Variant variant) {
        return RUNS.computeIfAbsent(variant.name(), name -> runOnce(variant));
    }

    private static Run runOnce(Variant variant) {
        var stack = sample(variant.pattern());
        var config = new TreeMap<>(stack.config());
        variant.changes().forEach((key, value) -> {
            if (value == null) {
                config.remove(key);
            } else {
                config.put(key, value);
            }
        });
        var secrets = new HashSet<>(stack.secretKeys());
        secrets.addAll(variant.secrets());
        var plan = ok(OfflineEngine.run("apigee-gke", variant.pattern(), config, secrets, Patterns.program(variant.pattern())));
        return new Run(variant, config, plan);
    }

    /**
     * The plan of {@code pattern}'s sample stack with {@code count} services ({@code svc000}, {@code svc001}...); in
     * pattern 3 the first is open, the others require a key.
     */
    static Plan withServices(String pattern, int count) {
        var names = IntStream.range(0, count).mapToObj(i -> String.format("svc%03d", i)).toList();
        Consumer<Context> program = switch (pattern) {
            case "pattern1" -> ctx -> Pattern1.build(ctx, Pattern1Config.from(ctx),
                    names.stream().map(n -> new Pattern1.Service(n, IMAGE, "/" + n)).toList());
            case "pattern2" -> ctx -> Pattern2.build(ctx, GatewayStackSettings.from(ctx, Pattern2.DEFAULT_PREFIX),
                    names.stream().map(n -> new Pattern2.Service(n, IMAGE)).toList());
            case "pattern3" -> ctx -> Pattern3.build(ctx, GatewayStackSettings.from(ctx, Pattern3.DEFAULT_PREFIX),
                    IntStream.range(0, count).mapToObj(i -> new Pattern3.Service(names.get(i), IMAGE, i > 0)).toList());
            default -> throw new IllegalArgumentException(pattern);
        };
        var stack = sample(pattern);
        return ok(OfflineEngine.run("apigee-gke", pattern, stack.config(), stack.secretKeys(), program));
    }

    private static StackFile sample(String pattern) {
        try {
            return StackFile.read(Repo.root().resolve("Pulumi." + pattern + ".yaml"), "apigee-gke");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Plan ok(OfflineEngine.Result result) {
        assertThat(result.errors()).as("program errors").isEmpty();
        return result.plan();
    }
}
