package dev.apigeegke.microgateway;

import static dev.apigeegke.testing.Harness.at;
import static org.assertj.core.api.Assertions.assertThat;

import com.pulumi.kubernetes.apps.v1.Deployment;
import dev.apigeegke.examples.pattern2.Pattern2;
import dev.apigeegke.examples.pattern2.Pattern2Test;
import dev.apigeegke.examples.pattern3.Pattern3;
import dev.apigeegke.preview.Plan;
import dev.apigeegke.testing.Harness;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The gateway pods as the programs render them: pattern 2's gateway Deployment, pattern 3's service Deployments
 * with their injected sidecars, and a sidecar with the iptables init container. Each comes with the gateway
 * config its component rendered, which its Secret carries base64-encoded in {@code mgw-config}.
 */
final class GatewayPods {
    static final String DEPLOYMENT = "kubernetes:apps/v1:Deployment";

    /** One rendered pod with a gateway container. */
    record GatewayPod(String label, String deployment, Map<String, Object> pod, Map<String, Object> container, String configYaml,
                      String org, String env, Plan plan) {
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> containers() {
            return (List<Map<String, Object>>) pod.get("containers");
        }
    }

    private GatewayPods() {
    }

    static List<GatewayPod> pattern2() {
        var result = Harness.preview(Pattern2Test.stackConfig(), Set.of("apigee-gke:microgatewayKey", "apigee-gke:microgatewaySecret"),
                Pattern2::stack);
        assertThat(result.errors()).isEmpty();
        var plan = result.plan();
        String yaml = (String) plan.outputsOf(plan.get(MicrogatewayService.TYPE, "apigee-p2-gateway")).get("config");
        return List.of(of("pattern 2 gateway", plan, "apigee-p2-gateway-deployment", yaml, "my-org"));
    }

    static List<GatewayPod> pattern3() {
        var config = new TreeMap<>(Pattern2Test.stackConfig());
        config.put("apigee-gke:edgemicroPublicKey", MicrogatewaySidecarTest.TEST_PUBLIC_KEY);
        var result = Harness.preview(config, Set.of("apigee-gke:microgatewayKey", "apigee-gke:microgatewaySecret"), Pattern3::stack);
        assertThat(result.errors()).isEmpty();
        var plan = result.plan();
        var pods = new ArrayList<GatewayPod>();
        for (String service : List.of("orders", "catalog")) {
            String yaml = (String) plan.outputsOf(plan.get(MicrogatewaySidecar.TYPE, "apigee-p3-" + service + "-mgw")).get("config");
            pods.add(of("pattern 3 " + service + " sidecar", plan, service, yaml, "my-org"));
        }
        return pods;
    }

    /** A sidecar injected with the old injector's iptables init container. */
    static GatewayPod iptablesSidecar() {
        var args = MicrogatewaySidecarTest.args().iptablesRedirect(true).proxyInitImage("gcr.io/acme/edgemicro-proxy-init:1.0.0").build();
        var plan = Harness.preview(ctx -> {
            var sidecar = new MicrogatewaySidecar(MicrogatewaySidecarTest.NAME, args, null);
            new Deployment("orders", sidecar.inject(MicrogatewaySidecarTest.app("orders", Map.of())), null);
        });
        return of("sidecar with iptables redirect", plan, "orders", args.config().toYaml(), args.organization());
    }

    static List<GatewayPod> all() {
        var all = new ArrayList<>(pattern2());
        all.addAll(pattern3());
        all.add(iptablesSidecar());
        return all;
    }

    @SuppressWarnings("unchecked")
    private static GatewayPod of(String label, Plan plan, String deployment, String yaml, String org) {
        var pod = (Map<String, Object>) at(plan.get(DEPLOYMENT, deployment).inputs(), "spec", "template", "spec");
        var container = ((List<Map<String, Object>>) pod.get("containers")).stream()
                .filter(c -> MicrogatewaySidecar.CONTAINER.equals(c.get("name"))).findFirst().orElseThrow();
        return new GatewayPod(label, deployment, pod, container, yaml, org, "test", plan);
    }
}
