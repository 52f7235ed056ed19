package dev.apigeegke.cluster;

import dev.apigeegke.internal.render.Yaml;
import java.util.List;
import java.util.Map;

/** Renders a kubeconfig that authenticates through {@code gke-gcloud-auth-plugin}, as {@code gcloud} writes it. */
final class Kubeconfig {
    private Kubeconfig() {
    }

    static String render(String project, String location, String clusterName, String endpoint, String caCertificate) {
        String context = "gke_" + project + "_" + location + "_" + clusterName;
        var cluster = Map.of(
                "name", context,
                "cluster", Map.of(
                        "server", "https://" + endpoint,
                        "certificate-authority-data", caCertificate));
        var user = Map.of(
                "name", context,
                "user", Map.of("exec", Map.of(
                        "apiVersion", "client.authentication.k8s.io/v1beta1",
                        "command", "gke-gcloud-auth-plugin",
                        "installHint", "Install gke-gcloud-auth-plugin: gcloud components install gke-gcloud-auth-plugin",
                        "provideClusterInfo", true,
                        "interactiveMode", "Never")));
        var ctx = Map.of(
                "name", context,
                "context", Map.of("cluster", context, "user", context));
        return Yaml.yaml(Map.of(
                "apiVersion", "v1",
                "kind", "Config",
                "clusters", List.of(cluster),
                "users", List.of(user),
                "contexts", List.of(ctx),
                "current-context", context,
                "preferences", Map.of()));
    }
}
