package dev.apigeegke.microgateway;

import static dev.apigeegke.testing.Harness.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.apigeegke.microgateway.GatewayPods.GatewayPod;
import dev.apigeegke.testing.Node;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rendered gateway containers started as the kubelet would start them, with the real engine: as their user, in
 * their working directory with their environment, where the root filesystem is read-only and only the container's
 * own layer (unless readOnlyRootFilesystem) and the pod's emptyDir volumes are writable (tests/node/run-pod.mjs,
 * in a mount and network namespace of its own). The start path is the image's, step by step
 * (tests/node/image/entrypoint.sh and edgemicro.mjs): the 3.3.x CLI itself is not installable.
 *
 * <p>Needs root and {@code unshare}; skipped elsewhere, except where {@code APIGEE_GKE_POD_START=required} (CI).
 */
class PodStartIT {
    /** A crash-free start answers within seconds here; a pod that cannot start is given this long to prove it. */
    private static final int FAILING_PROBE_SECONDS = 8;

    @TempDir
    static Path dir;

    /** Every pod start of this class, in one namespace and one Node start. */
    private static Node.Batch pods;
    private static final Map<String, GatewayPod> STARTED = new LinkedHashMap<>();

    @BeforeAll
    static void startThePods() throws Exception {
        needsNamespaces();
        var scenarios = new LinkedHashMap<String, Object>();
        var pattern2 = GatewayPods.pattern2();
        for (int i = 0; i < pattern2.size(); i++) {
            add(scenarios, "pattern2-" + i, pattern2.get(i), List.of("term", "kill", "term"), 120);
        }
        var pattern3 = GatewayPods.pattern3();
        for (int i = 0; i < pattern3.size(); i++) {
            add(scenarios, "pattern3-" + i, pattern3.get(i), List.of("term", "kill", "term"), 120);
        }
        add(scenarios, "readOnlyRoot", readOnlyRoot(pattern2.get(0)), List.of("term"), FAILING_PROBE_SECONDS);
        add(scenarios, "workdirOnEmptyDir", workdirOnEmptyDir(pattern2.get(0)), List.of("kill", "term"), FAILING_PROBE_SECONDS);
        pods = Node.runScenarios(List.of("unshare", "--mount", "--net", "--fork", "--propagation", "private"), "run-pod.mjs", scenarios);
    }

    private static void needsNamespaces() throws Exception {
        var probe = new ProcessBuilder("unshare", "--mount", "--net", "--fork", "--propagation", "private", "true")
                .redirectErrorStream(true).start();
        probe.getInputStream().readAllBytes();
        boolean isolated = probe.waitFor(30, TimeUnit.SECONDS) && probe.exitValue() == 0;
        String why = "root with unshare (mount and network namespaces) is needed to start a pod's filesystem";
        if ("required".equals(System.getenv("APIGEE_GKE_POD_START"))) {
            assertThat(isolated).as(why + " (APIGEE_GKE_POD_START=required, as in CI)").isTrue();
        }
        assumeThat(isolated).as(why).isTrue();
    }

    private static void add(Map<String, Object> scenarios, String name, GatewayPod pod, List<String> starts, int maxProbeSeconds)
            throws Exception {
        scenarios.put(name, scenario(pod, Files.createDirectories(dir.resolve(name)), starts, maxProbeSeconds));
        STARTED.put(name, pod);
    }

    /** The starts of pod scenario {@code name}, once it ran without showing the credentials. */
    private static JsonNode starts(String name) {
        var report = pods.report(name);
        assertThat(report.path("ok").asBoolean()).as(STARTED.get(name).label() + ": " + report + "\n" + pods.stderr()).isTrue();
        String printed = report + pods.stderr();
        assertThat(printed).as("the report never shows the credentials")
                .doesNotContain(MicrogatewayServiceTest.KEY).doesNotContain(MicrogatewayServiceTest.GATEWAY_SECRET);
        return report.path("starts");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> scenario(GatewayPod pod, Path scenarioDir, List<String> starts, int maxProbeSeconds) throws Exception {
        var container = pod.container();
        var context = (Map<String, Object>) container.getOrDefault("securityContext", Map.of());
        var podContext = (Map<String, Object>) pod.pod().getOrDefault("securityContext", Map.of());
        var scenario = new LinkedHashMap<String, Object>();
        scenario.put("user", ((Number) context.getOrDefault("runAsUser", podContext.get("runAsUser"))).intValue());
        scenario.put("group", ((Number) context.getOrDefault("runAsGroup", podContext.get("runAsGroup"))).intValue());
        scenario.put("readOnlyRoot", Boolean.TRUE.equals(context.get("readOnlyRootFilesystem")));
        scenario.put("workingDir", container.getOrDefault("workingDir", GatewayImage.WORKDIR));
        var env = new LinkedHashMap<String, String>();
        for (var e : (List<Map<String, Object>>) container.get("env")) {
            env.put((String) e.get("name"), value(pod, e));
        }
        // The container's own stop delay only lengthens the test; the grace arithmetic has its own test.
        env.put("EDGEMICRO_STOP_DELAY", "1");
        scenario.put("env", env);

        var volumes = (List<Map<String, Object>>) pod.pod().getOrDefault("volumes", List.of());
        var mounts = new ArrayList<Map<String, Object>>();
        Path volumesDir = Files.createDirectories(scenarioDir.resolve("volumes"));
        for (var m : (List<Map<String, Object>>) container.getOrDefault("volumeMounts", List.of())) {
            var volume = volumes.stream().filter(v -> m.get("name").equals(v.get("name"))).findFirst().orElseThrow();
            assertThat(volume.get("emptyDir")).as("volume " + m.get("name") + " is an emptyDir").isNotNull();
            // The kubelet creates emptyDirs world-writable.
            Path backing = Files.createDirectories(volumesDir.resolve((String) m.get("name")));
            Files.setPosixFilePermissions(backing, PosixFilePermissions.fromString("rwxrwxrwx"));
            mounts.add(Map.of("path", m.get("mountPath"), "volume", m.get("name"), "readOnly", Boolean.TRUE.equals(m.get("readOnly"))));
        }
        scenario.put("mounts", mounts);
        scenario.put("volumesDir", volumesDir.toString());
        var probe = (Map<String, Object>) container.get("startupProbe");
        scenario.put("probe", Map.of("path", at(probe, "httpGet", "path"), "port", at(probe, "httpGet", "port")));
        long probeSeconds = ((Number) probe.get("periodSeconds")).longValue() * ((Number) probe.get("failureThreshold")).longValue();
        scenario.put("probeSeconds", Math.min(probeSeconds, maxProbeSeconds));
        scenario.put("app", env.containsKey("CONTAINER_PORT") ? Map.of("port", Integer.parseInt(env.get("CONTAINER_PORT"))) : null);
        scenario.put("responses", Map.of("proxies", env.containsKey("CONTAINER_PORT") ? List.of() : routes(pod), "products", List.of()));
        scenario.put("starts", starts);
        return scenario;
    }

    /** What the kubelet puts in an env var: the Secret's value, the downward API's, or the plain value. */
    @SuppressWarnings("unchecked")
    private static String value(GatewayPod pod, Map<String, Object> e) {
        if (e.get("value") != null) {
            return (String) e.get("value");
        }
        var from = (Map<String, Object>) e.get("valueFrom");
        if (from.get("secretKeyRef") != null) {
            return switch ((String) at(from, "secretKeyRef", "key")) {
                case "mgw-org" -> pod.org();
                case "mgw-env" -> pod.env();
                case "mgw-key" -> MicrogatewayServiceTest.KEY;
                case "mgw-secret" -> MicrogatewayServiceTest.GATEWAY_SECRET;
                // What GatewayContainer.credentials puts in the Secret: the rendered config, base64-encoded.
                case "mgw-config" -> Base64.getEncoder().encodeToString(pod.configYaml().getBytes(StandardCharsets.UTF_8));
                default -> throw new AssertionError("unknown Secret key in " + e);
            };
        }
        return switch ((String) at(from, "fieldRef", "fieldPath")) {
            case "metadata.name" -> pod.deployment() + "-7d9f8c6b5-x2x4z";
            case "metadata.namespace" -> "default";
            case "status.podIP" -> "10.8.0.12";
            default -> throw new AssertionError("unknown field in " + e);
        };
    }

    /** The edgemicro_ proxies the program deploys to Apigee, as the gateway downloads them (targets unreachable here). */
    private static List<Map<String, Object>> routes(GatewayPod pod) throws Exception {
        var routes = new ArrayList<Map<String, Object>>();
        for (var proxy : pod.plan().ofType("apigee:index:ApiProxy")) {
            routes.add(Map.of("max_connections", 1000, "name", proxy.inputs().get("name"), "proxy_name", "default",
                    "target_name", "default", "base_path", GatewayScenarios.basePath(proxy), "url", "http://127.0.0.1:9"));
        }
        return routes;
    }

    private static void assertStartsServesAndStopsCleanly(GatewayPod pod, JsonNode starts) {
        assertThat(starts).hasSize(3);
        for (var start : starts) {
            assertThat(start.path("probe").path("status").asInt()).as(pod.label() + " startup probe\n" + start.path("log").asText())
                    .isEqualTo(200);
        }
        var first = starts.get(0);
        assertThat(first.path("stopped").asBoolean()).as(pod.label() + ": SIGTERM ends the container").isTrue();
        assertThat(first.path("exitCode").asInt()).isZero();
        assertThat(first.path("leftInWorkdir")).as(pod.label() + ": the stop handler removed the socket and pid file").isEmpty();
        assertThat(first.path("log").asText()).contains("SIGTERM: stopping").contains("stopped");
        // A crash leaves the socket behind, in the container's layer, which the next start does not see.
        assertThat(starts.get(1).path("leftInWorkdir").toString()).contains("edgemicro.sock");
        assertThat(starts.get(2).path("log").asText()).doesNotContain("already running");
    }

    /** The pattern 2 gateway with {@code readOnlyRootFilesystem: true}, as the previous manifests had it. */
    private static GatewayPod readOnlyRoot(GatewayPod pod) {
        var container = new HashMap<>(pod.container());
        @SuppressWarnings("unchecked")
        var context = new HashMap<String, Object>((Map<String, Object>) container.get("securityContext"));
        context.put("readOnlyRootFilesystem", true);
        container.put("securityContext", context);
        return new GatewayPod("read-only root", pod.deployment(), pod.pod(), container, pod.configYaml(), pod.org(), pod.env(), pod.plan());
    }

    /** The pattern 2 gateway with its working directory on an emptyDir volume, which outlives a crash. */
    private static GatewayPod workdirOnEmptyDir(GatewayPod pod) {
        var container = new HashMap<>(pod.container());
        @SuppressWarnings("unchecked")
        var mounts = new ArrayList<Map<String, Object>>((List<Map<String, Object>>) container.get("volumeMounts"));
        mounts.add(Map.of("name", "workdir", "mountPath", GatewayImage.WORKDIR));
        container.put("volumeMounts", mounts);
        var spec = new HashMap<>(pod.pod());
        @SuppressWarnings("unchecked")
        var volumes = new ArrayList<Map<String, Object>>((List<Map<String, Object>>) spec.get("volumes"));
        volumes.add(Map.of("name", "workdir", "emptyDir", Map.of()));
        spec.put("volumes", volumes);
        return new GatewayPod("workdir on emptyDir", pod.deployment(), spec, container, pod.configYaml(), pod.org(), pod.env(), pod.plan());
    }

    @Test
    void thePattern2GatewayStartsServesItsHealthCheckStopsOnSigtermAndRestartsAfterACrash() {
        assertEveryPodStartsServesAndStopsCleanly("pattern2-");
    }

    @Test
    void everyPattern3SidecarStartsServesItsHealthCheckStopsOnSigtermAndRestartsAfterACrash() {
        assertEveryPodStartsServesAndStopsCleanly("pattern3-");
    }

    /** Every pod the program renders (all were started in {@link #startThePods}). */
    private static void assertEveryPodStartsServesAndStopsCleanly(String prefix) {
        var names = STARTED.keySet().stream().filter(n -> n.startsWith(prefix)).toList();
        assertThat(names).isNotEmpty();
        for (var name : names) {
            assertStartsServesAndStopsCleanly(STARTED.get(name), starts(name));
        }
    }

    @Test
    void aReadOnlyRootFilesystemLeavesNothingOnTheGatewayPortAsTheOldManifestsDid() {
        var start = starts("readOnlyRoot").get(0);
        assertThat(start.path("probe").path("status").asInt()).as("nothing listens on 8000").isZero();
        assertThat(start.path("log").asText()).contains("EROFS").contains("edgemicro.sock");
    }

    @Test
    void aWorkingDirectoryOnAnEmptyDirRefusesToStartAfterACrash() {
        var starts = starts("workdirOnEmptyDir");
        assertThat(starts.get(0).path("probe").path("status").asInt()).isEqualTo(200);
        assertThat(starts.get(1).path("probe").path("status").asInt()).as("the restart finds the crashed gateway's socket").isZero();
        assertThat(starts.get(1).path("log").asText()).contains("already running");
    }
}
