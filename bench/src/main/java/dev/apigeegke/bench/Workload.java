package dev.apigeegke.bench;

import com.pulumi.Context;
import dev.apigeegke.preview.StackFile;
import dev.apigeegke.examples.gateway.GatewayStackSettings;
import dev.apigeegke.examples.pattern1.Pattern1;
import dev.apigeegke.examples.pattern1.Pattern1Config;
import dev.apigeegke.examples.pattern2.Pattern2;
import dev.apigeegke.examples.pattern3.Pattern3;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.IntStream;

/**
 * One benchmark case: a pattern's program with {@code services} microservices, run with the repository's
 * sample stack configuration ({@code Pulumi.<pattern>.yaml}).
 *
 * @param pattern  pattern1, pattern2 or pattern3
 * @param services how many microservices the program declares (at least 1)
 */
public record Workload(String pattern, int services) {
    /** The patterns, in order. */
    public static final List<String> PATTERNS = List.of("pattern1", "pattern2", "pattern3");
    private static final String[] IMAGES = {
            "us-docker.pkg.dev/google-samples/containers/gke/hello-app:1.0",
            "us-docker.pkg.dev/google-samples/containers/gke/hello-app:2.0"};
    /** Pattern 3's sidecars need the public key, whatever the prefix. */

    public Workload {
        if (!PATTERNS.contains(pattern)) {
            throw new IllegalArgumentException("pattern = \"" + pattern + "\": use one of " + PATTERNS);
        }
        if (services < 1) {
            throw new IllegalArgumentException("services = " + services + ": use at least 1");
        }
    }

    /** The name of service {@code i}: svc-000, svc-001, ... */
    public static String serviceName(int i) {
        return String.format("svc-%03d", i);
    }

    /**
     * The name of service {@code i} of {@code pattern}: {@link #serviceName(int)}, without the '-' in pattern 3, where
     * the part of a name before the first '-' names the service's local proxy, which each service has its own of.
     */
    public static String serviceName(String pattern, int i) {
        return pattern.equals("pattern3") ? serviceName(i).replace("-", "") : serviceName(i);
    }

    private static String image(int i) {
        return IMAGES[i % IMAGES.length];
    }

    /** Pattern 1's services: each routed at {@code /<name>}. */
    public List<Pattern1.Service> pattern1Services() {
        return IntStream.range(0, services).mapToObj(i -> new Pattern1.Service(serviceName(i), image(i), "/" + serviceName(i))).toList();
    }

    /** Pattern 2's services. */
    public List<Pattern2.Service> pattern2Services() {
        return IntStream.range(0, services).mapToObj(i -> new Pattern2.Service(serviceName(i), image(i))).toList();
    }

    /** Pattern 3's services: every other one requires a key (the first does), the rest are open. */
    public List<Pattern3.Service> pattern3Services() {
        return IntStream.range(0, services).mapToObj(i -> new Pattern3.Service(serviceName("pattern3", i), image(i), i % 2 == 0)).toList();
    }

    /** The stack configuration: the repository's {@code Pulumi.<pattern>.yaml} under {@code projectDir}. */
    public StackFile stackFile(Path projectDir) throws IOException {
        var stack = StackFile.read(projectDir.resolve("Pulumi." + pattern + ".yaml"), StackFile.projectName(projectDir));
        if (pattern.equals("pattern1")) {
            return stack;
        }
        // The gateway patterns' samples let the program set Edge Microgateway up on Apigee; the bench measures the
        // cluster and gateway side, so both variants get a key and secret of the stack's own (as encrypted values).
        var config = new TreeMap<>(stack.config());
        var secrets = new TreeSet<>(stack.secretKeys());
        for (String key : List.of("apigee-gke:microgatewayKey", "apigee-gke:microgatewaySecret")) {
            config.put(key, StackFile.ENCRYPTED_PLACEHOLDER);
            secrets.add(key);
        }
        return new StackFile(config, secrets);
    }

    /**
     * The program of {@code variant}; the baseline takes its static files (bundles, gateway configs) from
     * {@code artifacts}, and the control also the number of components to add.
     */
    public Consumer<Context> program(Variant variant, Artifacts artifacts) {
        if (variant == Variant.CONTROL) {
            var baseline = program(Variant.BASELINE, artifacts);
            return ctx -> {
                baseline.accept(ctx);
                for (int i = 0; i < artifacts.componentCount(); i++) {
                    new EmptyComponent("control-" + i);
                }
            };
        }
        return switch (pattern) {
            case "pattern1" -> variant == Variant.COMPONENTS
                    ? ctx -> Pattern1.build(ctx, Pattern1Config.from(ctx), pattern1Services())
                    : ctx -> Pattern1Baseline.build(ctx, Pattern1Config.from(ctx), pattern1Services(), artifacts);
            case "pattern2" -> variant == Variant.COMPONENTS
                    ? ctx -> Pattern2.build(ctx, GatewayStackSettings.from(ctx, Pattern2.DEFAULT_PREFIX), pattern2Services())
                    : ctx -> Pattern2Baseline.build(ctx, GatewayStackSettings.from(ctx, Pattern2.DEFAULT_PREFIX), pattern2Services(), artifacts);
            default -> variant == Variant.COMPONENTS
                    ? ctx -> Pattern3.build(ctx, GatewayStackSettings.from(ctx, Pattern3.DEFAULT_PREFIX), pattern3Services())
                    : ctx -> Pattern3Baseline.build(ctx, GatewayStackSettings.from(ctx, Pattern3.DEFAULT_PREFIX), pattern3Services(), artifacts);
        };
    }

    @Override
    public String toString() {
        return pattern + " × " + services;
    }
}
