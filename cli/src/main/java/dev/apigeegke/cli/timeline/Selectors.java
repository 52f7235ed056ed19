package dev.apigeegke.cli.timeline;

import com.pulumi.kubernetes.apps.v1.Deployment;
import com.pulumi.kubernetes.core.v1.Service;
import dev.apigeegke.preview.Plan;
import dev.apigeegke.preview.TypeTokens;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Which Deployments' pods each Service selects: same namespace, and every selector label on the pod template. */
final class Selectors {
    static final String SERVICE = TypeTokens.of(Service.class);
    static final String DEPLOYMENT = TypeTokens.of(Deployment.class);

    private Selectors() {
    }

    /** The annotation by which the Kubernetes provider creates an object without awaiting it. */
    static final String SKIP_AWAIT = "pulumi.com/skipAwait";

    /** Whether {@code r} carries {@code pulumi.com/skipAwait: "true"}: its step is the API call alone. */
    static boolean skipsAwait(Plan.Resource r) {
        return "true".equals(map(r.inputs(), "metadata", "annotations").get(SKIP_AWAIT));
    }

    static Map<String, Set<String>> of(List<Plan.Resource> resources) {
        var selected = new HashMap<String, Set<String>>();
        for (var service : resources) {
            if (!service.type().equals(SERVICE) || skipsAwait(service)) {
                continue;
            }
            Map<?, ?> selector = map(service.inputs(), "spec", "selector");
            if (selector.isEmpty()) {
                continue; // no selector: the await does not wait for pods
            }
            for (var deployment : resources) {
                if (deployment.type().equals(DEPLOYMENT)
                        && namespace(service).equals(namespace(deployment))
                        && map(deployment.inputs(), "spec", "template", "metadata", "labels").entrySet()
                        .containsAll(selector.entrySet())) {
                    selected.computeIfAbsent(service.urn(), k -> new TreeSet<>()).add(deployment.urn());
                }
            }
        }
        return selected;
    }

    private static String namespace(Plan.Resource r) {
        Object ns = map(r.inputs(), "metadata").get("namespace");
        return ns instanceof String s ? s : "default";
    }

    private static Map<?, ?> map(Map<?, ?> from, String... path) {
        Map<?, ?> at = from;
        for (String key : path) {
            if (!(at.get(key) instanceof Map<?, ?> next)) {
                return Map.of();
            }
            at = next;
        }
        return at;
    }
}
