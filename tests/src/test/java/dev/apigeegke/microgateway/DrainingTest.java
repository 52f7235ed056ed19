package dev.apigeegke.microgateway;

import static dev.apigeegke.testing.Harness.at;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.apigeegke.examples.pattern1.Pattern1;
import dev.apigeegke.examples.pattern2.Pattern2;
import dev.apigeegke.examples.pattern2.Pattern2Test;
import dev.apigeegke.examples.pattern3.Pattern3;
import dev.apigeegke.preview.Plan;
import dev.apigeegke.testing.Harness;
import dev.apigeegke.workload.Microservice;
import dev.apigeegke.workload.MicroserviceArgs;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The termination arithmetic of every Deployment the three patterns render, as Kubernetes and the load balancer
 * run it: the preStop hook runs first and counts in the grace period; the gateway image then stops and waits
 * EDGEMICRO_STOP_DELAY; the load balancer keeps a removed endpoint for its BackendConfig's draining timeout.
 * A pod that stops serving before then answers the load balancer's last requests with 5xx.
 */
class DrainingTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DEPLOYMENT = "kubernetes:apps/v1:Deployment";
    private static final String SERVICE = "kubernetes:core/v1:Service";
    private static final String BACKEND_CONFIG = "kubernetes:cloud.google.com/v1:BackendConfig";
    /** What Kubernetes uses when a pod sets no grace period. */
    private static final long DEFAULT_GRACE = 30;
    private static final Set<String> SECRET_KEYS = Set.of("apigee-gke:microgatewayKey", "apigee-gke:microgatewaySecret");

    static Plan pattern1() {
        return ok(Harness.preview(dev.apigeegke.examples.pattern1.Pattern1Test.stackConfig(), Set.of(), Pattern1::stack));
    }

    static Plan pattern2() {
        return ok(Harness.preview(Pattern2Test.stackConfig(), SECRET_KEYS, Pattern2::stack));
    }

    static Plan pattern3() {
        var config = new TreeMap<>(Pattern2Test.stackConfig());
        config.put("apigee-gke:edgemicroPublicKey", MicrogatewaySidecarTest.TEST_PUBLIC_KEY);
        return ok(Harness.preview(config, SECRET_KEYS, Pattern3::stack));
    }

    private static Plan ok(dev.apigeegke.preview.OfflineEngine.Result result) {
        assertThat(result.errors()).isEmpty();
        return result.plan();
    }

    /** Seconds a container's preStop hook keeps it serving: {@code sleep N}, or 0. */
    @SuppressWarnings("unchecked")
    static long preStop(Map<String, Object> container) {
        var command = container.get("lifecycle") == null ? null
                : (List<String>) at(container, "lifecycle", "preStop", "exec", "command");
        if (command == null) {
            return 0;
        }
        assertThat(command).as("preStop of " + container.get("name")).hasSize(2).startsWith("sleep");
        return Long.parseLong(command.get(1));
    }

    /** Seconds the image waits after stopping (EDGEMICRO_STOP_DELAY), or 0 for containers that are not gateways. */
    @SuppressWarnings("unchecked")
    static long stopDelay(Map<String, Object> container) {
        var env = (List<Map<String, Object>>) container.getOrDefault("env", List.of());
        return env.stream().filter(e -> "EDGEMICRO_STOP_DELAY".equals(e.get("name")))
                .map(e -> Long.parseLong((String) e.get("value"))).findFirst().orElse(0L);
    }

    static boolean isGateway(Map<String, Object> container) {
        return "edge-microgateway".equals(container.get("name"));
    }

    @SuppressWarnings("unchecked")
    private static List<String> violations(Plan plan) {
        var problems = new ArrayList<String>();
        var drainingByService = negDraining(plan);
        for (var deployment : plan.ofType(DEPLOYMENT)) {
            var template = (Map<String, Object>) at(deployment.inputs(), "spec", "template");
            var labels = (Map<String, String>) at(template, "metadata", "labels");
            var pod = (Map<String, Object>) template.get("spec");
            var containers = (List<Map<String, Object>>) pod.get("containers");
            long grace = pod.get("terminationGracePeriodSeconds") == null ? DEFAULT_GRACE : (Long) pod.get("terminationGracePeriodSeconds");
            String name = deployment.name();
            long sidecarDone = 0;
            for (var c : containers) {
                long done = preStop(c) + stopDelay(c);
                if (grace <= done) {
                    problems.add(name + "/" + c.get("name") + ": grace " + grace + " s is not longer than preStop + stop delay " + done + " s");
                }
                if (!((List<?>) c.getOrDefault("ports", List.of())).isEmpty() && preStop(c) == 0) {
                    problems.add(name + "/" + c.get("name") + ": serves a port but stops at once when its pod is told to stop");
                }
                if (isGateway(c) && containers.size() > 1) {
                    sidecarDone = done;
                }
            }
            for (var c : containers) {
                if (!isGateway(c) && preStop(c) < sidecarDone) {
                    problems.add(name + "/" + c.get("name") + ": stops serving after " + preStop(c)
                            + " s while its sidecar forwards to it for " + sidecarDone + " s");
                }
            }
            // A NEG backend's serving container must outlast the load balancer's draining of its endpoint.
            for (var entry : drainingByService.entrySet()) {
                var service = entry.getKey();
                var selector = (Map<String, String>) at(service.inputs(), "spec", "selector");
                if (selector == null || !labels.entrySet().containsAll(selector.entrySet())
                        || !at(service.inputs(), "metadata", "namespace").equals(at(deployment.inputs(), "metadata", "namespace"))) {
                    continue;
                }
                for (var port : (List<Map<String, Object>>) at(service.inputs(), "spec", "ports")) {
                    var target = port.get("targetPort");
                    for (var c : containers) {
                        for (var cp : (List<Map<String, Object>>) c.getOrDefault("ports", List.of())) {
                            if (target.equals(cp.get("containerPort")) || target.equals(cp.get("name"))) {
                                if (preStop(c) < entry.getValue()) {
                                    problems.add(name + "/" + c.get("name") + ": serves " + preStop(c) + " s after termination starts, but the load balancer drains "
                                            + service.name() + " for " + entry.getValue() + " s");
                                }
                            }
                        }
                    }
                }
            }
        }
        return problems;
    }

    /** The Services behind the load balancer (container-native NEGs) and their BackendConfig's draining timeout. */
    @SuppressWarnings("unchecked")
    private static Map<Plan.Resource, Long> negDraining(Plan plan) {
        var result = new java.util.LinkedHashMap<Plan.Resource, Long>();
        for (var service : plan.ofType(SERVICE)) {
            var annotations = (Map<String, String>) at(service.inputs(), "metadata", "annotations");
            if (annotations == null || annotations.get("cloud.google.com/neg") == null) {
                continue;
            }
            try {
                String config = JSON.readTree(annotations.get("cloud.google.com/backend-config")).path("default").asText();
                var backendConfig = plan.ofType(BACKEND_CONFIG).stream()
                        .filter(bc -> config.equals(at(bc.inputs(), "metadata", "name"))).findFirst().orElseThrow();
                var draining = at(backendConfig.inputs(), "spec", "connectionDraining", "drainingTimeoutSec");
                result.put(service, draining == null ? 0L : (Long) draining);
            } catch (java.io.IOException e) {
                throw new AssertionError(e);
            }
        }
        assertThat(result).as("NEG-backed Services").isNotEmpty();
        return result;
    }

    @Test
    void pattern1sServicesServeUntilTheLoadBalancerHasDrainedThem() {
        assertThat(violations(pattern1())).isEmpty();
    }

    @Test
    void pattern2sGatewayServesUntilDrainedAndStopsWithinItsGracePeriod() {
        assertThat(violations(pattern2())).isEmpty();
    }

    @Test
    void pattern3sAppsOutlastTheirSidecarsWhichOutlastTheDraining() {
        assertThat(violations(pattern3())).isEmpty();
    }

    @Test
    void aPodThatStopsAtOnceIsCaught() {
        // The arithmetic check itself: a pod like Kubernetes' defaults (no hook, 30 s) behind a 30 s draining fails.
        var plan = Harness.preview(ctx -> {
            var service = new Microservice("orders", MicroserviceArgs.builder().image("acme/orders:1.0").port(8080).preStopSeconds(0).build(), null);
            new dev.apigeegke.ingress.ArmoredIngress("edge", dev.apigeegke.ingress.ArmoredIngressArgs.builder()
                    .allowlist(List.of("203.0.113.0/24"))
                    .backend(dev.apigeegke.ingress.IngressBackend.builder().name("orders").selector(service.selector()).targetPort(8080).build())
                    .build(), null);
        });
        assertThat(violations(plan)).anyMatch(v -> v.contains("stops at once")).anyMatch(v -> v.contains("drains"));
    }
}
