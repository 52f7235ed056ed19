package dev.apigeegke.microgateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apigeegke.microgateway.GatewayImage.Lifetime;
import dev.apigeegke.microgateway.GatewayPods.GatewayPod;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Every path the gateway image writes ({@link GatewayImage#WRITES}) is writable in every rendered gateway pod, and
 * what must be new at each start is not on a volume, which outlives container restarts.
 */
class PodFilesystemTest {

    /** Where a path lives in a container: the deepest volume mount holding it, or the container's own layer. */
    record Placement(String path, Optional<Map<String, Object>> mount, Optional<Map<String, Object>> volume, boolean rootWritable) {
        boolean writable() {
            if (mount.isEmpty()) {
                return rootWritable;
            }
            boolean readOnlyMount = Boolean.TRUE.equals(mount.get().get("readOnly"));
            // Only emptyDir volumes are writable scratch space; configMap, secret and projected volumes are read-only.
            return !readOnlyMount && volume.map(v -> v.get("emptyDir") != null).orElse(false);
        }

        @Override
        public String toString() {
            return path + " → " + mount.map(m -> "volume " + m.get("name") + " at " + m.get("mountPath"))
                    .orElse("container layer (" + (rootWritable ? "writable" : "read-only") + ")");
        }
    }

    @SuppressWarnings("unchecked")
    static Placement placement(GatewayPod pod, String path) {
        var mounts = (List<Map<String, Object>>) pod.container().getOrDefault("volumeMounts", List.of());
        Map<String, Object> deepest = null;
        for (var mount : mounts) {
            String at = (String) mount.get("mountPath");
            if ((path.equals(at) || path.startsWith(at.endsWith("/") ? at : at + "/"))
                    && (deepest == null || at.length() > ((String) deepest.get("mountPath")).length())) {
                deepest = mount;
            }
        }
        var volumes = (List<Map<String, Object>>) pod.pod().getOrDefault("volumes", List.of());
        var mount = Optional.ofNullable(deepest);
        var volume = mount.flatMap(m -> volumes.stream().filter(v -> m.get("name").equals(v.get("name"))).findFirst());
        var context = (Map<String, Object>) pod.container().getOrDefault("securityContext", Map.of());
        return new Placement(path, mount, volume, !Boolean.TRUE.equals(context.get("readOnlyRootFilesystem")));
    }

    private static void assertImageWritesFit(GatewayPod pod) {
        var wrong = new ArrayList<String>();
        var table = new ArrayList<String>();
        for (var write : GatewayImage.WRITES) {
            var placement = placement(pod, write.path());
            table.add(placement + "  [" + write.writer() + "]");
            if (!placement.writable()) {
                wrong.add(write.path() + " is not writable: the gateway fails at start (EROFS)");
            }
            if (write.lifetime() == Lifetime.ONE_START && placement.mount().isPresent()) {
                wrong.add(write.path() + " is on a volume, which outlives container restarts: a stale file blocks the next start");
            }
        }
        assertThat(wrong).as(pod.label() + ":\n  " + String.join("\n  ", table)).isEmpty();
    }

    @Test
    void thePattern2GatewayCanWriteEverythingItsImageWritesAndStartsClean() {
        GatewayPods.pattern2().forEach(PodFilesystemTest::assertImageWritesFit);
    }

    @Test
    void everyPattern3SidecarCanWriteEverythingItsImageWritesAndStartsClean() {
        GatewayPods.pattern3().forEach(PodFilesystemTest::assertImageWritesFit);
    }

    @Test
    void theIptablesVariantsSidecarCanWriteEverythingItsImageWritesAndStartsClean() {
        assertImageWritesFit(GatewayPods.iptablesSidecar());
    }

    @Test
    void theTableCoversTheWorkingDirectoryConfigLogsPluginsAndTmp() {
        assertThat(GatewayImage.WRITES).extracting(GatewayImage.Write::path).contains(
                "/opt/apigee/edgemicro.sock", "/opt/apigee/edgemicro.pid", "/opt/apigee/.edgemicro", "/opt/apigee/logs",
                "/opt/apigee/plugins", "/tmp");
        // The env the pods set points the image at the same config directory the table lists.
        for (var pod : GatewayPods.all()) {
            @SuppressWarnings("unchecked")
            var env = (List<Map<String, Object>>) pod.container().get("env");
            assertThat(env).as(pod.label()).anySatisfy(e -> {
                assertThat(e.get("name")).isEqualTo("EDGEMICRO_CONFIG_DIR");
                assertThat(e.get("value")).isEqualTo(GatewayImage.CONFIG_DIR);
            });
        }
    }

    @Test
    void aWorkingDirectoryOnAnEmptyDirOrAReadOnlyRootIsCaught() {
        // The two designs this check exists to reject, rendered by editing a real pod spec.
        var pod = GatewayPods.pattern2().get(0);
        var readOnly = new java.util.HashMap<>(pod.container());
        readOnly.put("securityContext", Map.of("readOnlyRootFilesystem", true));
        var readOnlyPod = new GatewayPod("read-only root", pod.deployment(), pod.pod(), readOnly, pod.configYaml(), pod.org(), pod.env(), pod.plan());
        assertThat(placement(readOnlyPod, "/opt/apigee/edgemicro.sock").writable()).isFalse();

        var onVolume = new java.util.HashMap<>(pod.container());
        var mounts = new ArrayList<Map<String, Object>>();
        mounts.add(Map.of("name", "work", "mountPath", "/opt/apigee"));
        onVolume.put("volumeMounts", mounts);
        var volumes = new ArrayList<Map<String, Object>>(List.of(Map.of("name", "work", "emptyDir", Map.of())));
        var podSpec = new java.util.HashMap<>(pod.pod());
        podSpec.put("volumes", volumes);
        var onVolumePod = new GatewayPod("workdir on emptyDir", pod.deployment(), podSpec, onVolume, pod.configYaml(), pod.org(), pod.env(), pod.plan());
        var socket = placement(onVolumePod, "/opt/apigee/edgemicro.sock");
        assertThat(socket.writable()).isTrue();
        assertThat(socket.mount()).as("a stale socket would survive a restart").isPresent();
    }
}
