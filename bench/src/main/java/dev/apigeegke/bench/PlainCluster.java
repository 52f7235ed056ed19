package dev.apigeegke.bench;

import com.pulumi.core.Output;
import com.pulumi.gcp.container.Cluster;
import com.pulumi.gcp.container.ClusterArgs;
import com.pulumi.gcp.container.NodePool;
import com.pulumi.gcp.container.NodePoolArgs;
import com.pulumi.gcp.container.inputs.ClusterAddonsConfigArgs;
import com.pulumi.gcp.container.inputs.ClusterAddonsConfigHorizontalPodAutoscalingArgs;
import com.pulumi.gcp.container.inputs.ClusterAddonsConfigHttpLoadBalancingArgs;
import com.pulumi.gcp.container.inputs.ClusterIpAllocationPolicyArgs;
import com.pulumi.gcp.container.inputs.ClusterNodeConfigArgs;
import com.pulumi.gcp.container.inputs.ClusterReleaseChannelArgs;
import com.pulumi.gcp.container.inputs.ClusterWorkloadIdentityConfigArgs;
import com.pulumi.gcp.container.inputs.NodePoolAutoscalingArgs;
import com.pulumi.gcp.container.inputs.NodePoolManagementArgs;
import com.pulumi.gcp.container.inputs.NodePoolNodeConfigArgs;
import com.pulumi.gcp.container.inputs.NodePoolNodeConfigShieldedInstanceConfigArgs;
import com.pulumi.gcp.container.inputs.NodePoolNodeConfigWorkloadMetadataConfigArgs;
import com.pulumi.gcp.container.inputs.NodePoolUpgradeSettingsArgs;
import com.pulumi.gcp.projects.IAMMember;
import com.pulumi.gcp.projects.IAMMemberArgs;
import com.pulumi.gcp.serviceaccount.Account;
import com.pulumi.gcp.serviceaccount.AccountArgs;
import com.pulumi.kubernetes.Provider;
import com.pulumi.kubernetes.ProviderArgs;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The GKE cluster of the plain programs, declared directly: a dedicated node service account with the
 * least-privilege node roles, a VPC-native cluster without its default pool (Dataplane V2, Workload Identity,
 * HTTP load balancing; the default pool runs as the node account), one autoscaled node pool that waits for
 * the account's roles, a kubeconfig using {@code gke-gcloud-auth-plugin}, and the Kubernetes provider that
 * waits for the nodes.
 *
 * @param cluster    the cluster
 * @param kubeconfig its kubeconfig, a secret
 * @param provider   the Kubernetes provider every object on the cluster goes through
 */
record PlainCluster(Cluster cluster, Output<String> kubeconfig, Provider provider) {
    /** The node machine type unless a program sets another. */
    static final String DEFAULT_MACHINE_TYPE = "e2-standard-2";

    private static final List<String> NODE_ROLES = List.of(
            "roles/container.defaultNodeServiceAccount",
            "roles/artifactregistry.reader");
    private static final String SCOPE = "https://www.googleapis.com/auth/cloud-platform";

    /** A kubeconfig as gcloud writes it: the context name, the CA certificate, then the endpoint. */
    private static final String KUBECONFIG = """
            apiVersion: v1
            clusters:
            - cluster:
                certificate-authority-data: %2$s
                server: https://%3$s
              name: %1$s
            contexts:
            - context:
                cluster: %1$s
                user: %1$s
              name: %1$s
            current-context: %1$s
            kind: Config
            preferences: {}
            users:
            - name: %1$s
              user:
                exec:
                  apiVersion: client.authentication.k8s.io/v1beta1
                  command: gke-gcloud-auth-plugin
                  installHint: "Install gke-gcloud-auth-plugin: gcloud components install gke-gcloud-auth-plugin"
                  interactiveMode: Never
                  provideClusterInfo: true
            """;

    /**
     * Declares the cluster {@code name} in {@code location}: the node service account and pool are named
     * {@code <name>-nodes}, the provider {@code <name>-k8s}.
     *
     * @param nodesPerZone nodes per zone of the pool at creation; it autoscales from that total to twice it
     * @param machineType  the nodes' machine type
     */
    static PlainCluster declare(String name, String project, String location, boolean deletionProtection,
                                int nodesPerZone, String machineType) {
        String nodes = name + "-nodes";
        var bindings = new ArrayList<Resource>();
        Output<String> nodeEmail = nodeServiceAccount(name, project, nodes, bindings);
        int minNodes = nodesPerZone * (location.matches("[a-z]+-[a-z]+\\d+") ? 3 : 1);
        var cluster = new Cluster(name, ClusterArgs.builder()
                .name(name)
                .project(project)
                .location(location)
                .removeDefaultNodePool(true)
                .initialNodeCount(1)
                .deletionProtection(deletionProtection)
                .network("default")
                .networkingMode("VPC_NATIVE")
                .ipAllocationPolicy(ClusterIpAllocationPolicyArgs.builder()
                        .clusterIpv4CidrBlock("/14")
                        .servicesIpv4CidrBlock("/20")
                        .build())
                .datapathProvider("ADVANCED_DATAPATH")
                .enableShieldedNodes(true)
                .releaseChannel(ClusterReleaseChannelArgs.builder().channel("REGULAR").build())
                .workloadIdentityConfig(ClusterWorkloadIdentityConfigArgs.builder()
                        .workloadPool(project + ".svc.id.goog").build())
                .addonsConfig(ClusterAddonsConfigArgs.builder()
                        .httpLoadBalancing(ClusterAddonsConfigHttpLoadBalancingArgs.builder().disabled(false).build())
                        .horizontalPodAutoscaling(ClusterAddonsConfigHorizontalPodAutoscalingArgs.builder().disabled(false).build())
                        .build())
                .nodeConfig(ClusterNodeConfigArgs.builder().serviceAccount(nodeEmail).oauthScopes(SCOPE).build())
                .resourceLabels(Map.of())
                .build(), CustomResourceOptions.builder().ignoreChanges("nodeConfig").build());

        var nodePool = new NodePool(nodes, NodePoolArgs.builder()
                .name(nodes)
                .project(project)
                .location(location)
                .cluster(cluster.name())
                .initialNodeCount(nodesPerZone)
                .autoscaling(NodePoolAutoscalingArgs.builder()
                        .totalMinNodeCount(minNodes).totalMaxNodeCount(2 * minNodes).locationPolicy("BALANCED").build())
                .management(NodePoolManagementArgs.builder().autoRepair(true).autoUpgrade(true).build())
                .upgradeSettings(NodePoolUpgradeSettingsArgs.builder().maxSurge(1).maxUnavailable(0).build())
                .nodeConfig(NodePoolNodeConfigArgs.builder()
                        .machineType(machineType)
                        .imageType("COS_CONTAINERD")
                        .diskSizeGb(100)
                        .diskType("pd-balanced")
                        .serviceAccount(nodeEmail)
                        .oauthScopes(SCOPE)
                        .shieldedInstanceConfig(NodePoolNodeConfigShieldedInstanceConfigArgs.builder()
                                .enableSecureBoot(true).enableIntegrityMonitoring(true).build())
                        .workloadMetadataConfig(NodePoolNodeConfigWorkloadMetadataConfigArgs.builder()
                                .mode("GKE_METADATA").build())
                        .labels(Map.of())
                        .build())
                .build(), CustomResourceOptions.builder().dependsOn(bindings).ignoreChanges("initialNodeCount").build());

        Output<String> kubeconfig = Output.tuple(cluster.name(), cluster.endpoint(), cluster.masterAuth())
                .applyValue(t -> kubeconfig(project, location, t.t1, t.t2, t.t3.clusterCaCertificate().orElse("")))
                .asSecret();
        var provider = new Provider(name + "-k8s", ProviderArgs.builder().kubeconfig(kubeconfig).build(),
                CustomResourceOptions.builder().dependsOn(nodePool).build());
        return new PlainCluster(cluster, kubeconfig, provider);
    }

    /** Options that place a resource on the cluster, through its provider. */
    CustomResourceOptions onCluster() {
        return CustomResourceOptions.builder().provider(provider).build();
    }

    /** The nodes' service account with one project IAM member per node role, added to {@code bindings}; returns its email. */
    private static Output<String> nodeServiceAccount(String clusterName, String project, String accountId,
                                                     List<Resource> bindings) {
        var account = new Account(accountId, AccountArgs.builder()
                .project(project)
                .accountId(accountId)
                .displayName("GKE nodes of " + clusterName)
                .build());
        for (String role : NODE_ROLES) {
            String suffix = role.substring("roles/".length()).replace('.', '-').toLowerCase();
            bindings.add(new IAMMember(accountId + "-" + suffix, IAMMemberArgs.builder()
                    .project(project)
                    .role(role)
                    .member(Output.format("serviceAccount:%s", account.email()))
                    .build()));
        }
        return account.email();
    }

    private static String kubeconfig(String project, String location, String clusterName, String endpoint,
                                     String caCertificate) {
        String context = "gke_" + project + "_" + location + "_" + clusterName;
        return KUBECONFIG.formatted(context, caCertificate.isEmpty() ? "\"\"" : caCertificate, endpoint);
    }
}
