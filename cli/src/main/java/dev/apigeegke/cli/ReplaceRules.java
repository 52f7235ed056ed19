package dev.apigeegke.cli;

import com.pulumi.gcp.compute.Address;
import com.pulumi.gcp.compute.Firewall;
import com.pulumi.gcp.compute.GlobalAddress;
import com.pulumi.gcp.compute.SecurityPolicy;
import com.pulumi.gcp.compute.Subnetwork;
import com.pulumi.gcp.container.Cluster;
import com.pulumi.gcp.container.NodePool;
import com.pulumi.gcp.projects.IAMMember;
import com.pulumi.gcp.serviceaccount.Account;
import com.pulumi.kubernetes.apps.v1.DaemonSet;
import com.pulumi.kubernetes.apps.v1.Deployment;
import com.pulumi.kubernetes.apps.v1.StatefulSet;
import com.pulumi.kubernetes.core.v1.ConfigMap;
import com.pulumi.kubernetes.core.v1.Secret;
import com.pulumi.kubernetes.core.v1.Service;
import com.pulumi.kubernetes.rbac.v1.ClusterRoleBinding;
import com.pulumi.kubernetes.rbac.v1.RoleBinding;
import dev.apigeegke.preview.TypeTokens;
import dev.apigeegke.provider.schema.ProviderSchema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one table of inputs whose change makes the provider replace the resource instead of updating it, for the
 * resource types and properties the components set. An input missing here is shown as an in-place update, so
 * only properties known to force a replacement are listed.
 *
 * <p>Sources: the Terraform Google provider's {@code ForceNew} fields (pulumi-gcp 7.0 bridges provider 5.0),
 * pulumi-kubernetes 4.0's {@code forceNewProperties} (provider/pkg/provider/diff.go), and, for the {@code apigee:}
 * types, the inputs this repository's Apigee provider schema marks {@code replaceOnChanges} ({@link ProviderSchema}),
 * which the provider's Diff replaces on too.
 */
final class ReplaceRules {
    /** Every Kubernetes object (the type token of a {@code kubernetes:} resource other than the provider). */
    static final String KUBERNETES = TypeTokens.KUBERNETES + ":*";

    private static final Map<String, List<String>> RULES = new LinkedHashMap<>();

    static {
        RULES.put(TypeTokens.of(Cluster.class), List.of("name", "location", "project", "network", "subnetwork",
                "initialNodeCount", "networkingMode", "datapathProvider",
                "ipAllocationPolicy.clusterIpv4CidrBlock", "ipAllocationPolicy.servicesIpv4CidrBlock",
                "ipAllocationPolicy.clusterSecondaryRangeName", "ipAllocationPolicy.servicesSecondaryRangeName"));
        // In provider 5.0 the node pool cannot change its machines in place: a new pool is created.
        RULES.put(TypeTokens.of(NodePool.class), List.of("name", "location", "cluster", "project",
                "nodeConfig.machineType", "nodeConfig.diskSizeGb", "nodeConfig.diskType",
                "nodeConfig.serviceAccount", "nodeConfig.oauthScopes"));
        // Global and regional addresses have no update call except for labels.
        RULES.put(TypeTokens.of(GlobalAddress.class), List.of("name", "project", "ipVersion", "addressType",
                "address", "purpose", "prefixLength", "network", "description"));
        RULES.put(TypeTokens.of(Address.class), List.of("name", "project", "region", "addressType", "address",
                "purpose", "subnetwork", "network", "networkTier", "prefixLength", "description"));
        RULES.put(TypeTokens.of(SecurityPolicy.class), List.of("name", "project"));
        // An internal Ingress's proxy-only subnet and the firewall rule admitting it.
        RULES.put(TypeTokens.of(Subnetwork.class), List.of("name", "project", "region", "network", "purpose"));
        RULES.put(TypeTokens.of(Firewall.class), List.of("name", "project", "network", "direction"));
        RULES.put(TypeTokens.of(Account.class), List.of("accountId", "project"));
        RULES.put(TypeTokens.of(IAMMember.class), List.of("role", "member", "project", "condition"));
        // apiVersion and kind are part of the type token: changing them changes the URN (create + delete).
        RULES.put(KUBERNETES, List.of("metadata.name", "metadata.namespace", "apiVersion", "kind"));
        RULES.put(TypeTokens.of(Deployment.class), List.of("spec.selector"));
        RULES.put(TypeTokens.of(DaemonSet.class), List.of("spec.selector"));
        RULES.put(TypeTokens.of(StatefulSet.class), List.of("spec.selector", "spec.serviceName",
                "spec.podManagementPolicy", "spec.revisionHistoryLimit", "spec.volumeClaimTemplates"));
        RULES.put(TypeTokens.of(Service.class), List.of("spec.clusterIP"));
        // pulumi-kubernetes 4.0 treats Secrets and ConfigMaps as immutable (no enableSecretMutable yet).
        RULES.put(TypeTokens.of(Secret.class), List.of("type", "stringData", "data"));
        RULES.put(TypeTokens.of(ConfigMap.class), List.of("data", "binaryData"));
        RULES.put(TypeTokens.of(RoleBinding.class), List.of("roleRef"));
        RULES.put(TypeTokens.of(ClusterRoleBinding.class), List.of("roleRef"));
        ProviderSchema.get().resources().forEach(r -> RULES.put(r.token(), r.replaceOnChanges()));
    }

    private ReplaceRules() {
    }

    /** The input paths whose change replaces a resource of {@code type}. */
    static List<String> forType(String type) {
        var rules = new ArrayList<String>();
        if (TypeTokens.packageOf(type).equals(TypeTokens.KUBERNETES)) {
            rules.addAll(RULES.get(KUBERNETES));
        }
        rules.addAll(RULES.getOrDefault(type, List.of()));
        return rules;
    }

    /**
     * The rule a change at {@code path} hits, or null. A change hits a rule when it is at or under the rule's
     * property ({@code nodeConfig.oauthScopes[0]}) or replaces a block that holds it ({@code nodeConfig}).
     */
    static String hit(String type, String path) {
        for (String rule : forType(type)) {
            if (path.equals(rule) || under(path, rule) || under(rule, path)) {
                return rule;
            }
        }
        return null;
    }

    private static boolean under(String path, String prefix) {
        return path.startsWith(prefix) && path.length() > prefix.length()
                && (path.charAt(prefix.length()) == '.' || path.charAt(prefix.length()) == '[');
    }
}
