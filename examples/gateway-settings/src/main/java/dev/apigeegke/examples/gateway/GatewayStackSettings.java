package dev.apigeegke.examples.gateway;

import com.pulumi.Context;
import com.pulumi.core.Output;
import dev.apigeegke.internal.config.NodeScaling;
import dev.apigeegke.core.Problems;
import dev.apigeegke.examples.common.ClusterSettings;
import dev.apigeegke.examples.common.StackReader;
import dev.apigeegke.ingress.ArmoredIngressArgs;
import dev.apigeegke.ingress.ProxyOnlySubnet;
import dev.apigeegke.microgateway.MicrogatewayConfig;
import java.util.List;
import java.util.Optional;

/**
 * The stack settings of the Edge Microgateway patterns: 2 (the gateway as a Service) and 3 (as a sidecar in each
 * service's pod). Read with {@link #from(Context, String)}; tests build it directly.
 *
 * @param project            {@code gcp:project} (required)
 * @param region             {@code gcp:region} (required)
 * @param prefix             {@code apigee-gke:prefix}; default: the pattern's
 * @param allowlist          {@code apigee-gke:allowlist}: who may call the gateway's Ingress (required unless internal)
 * @param internal           {@code apigee-gke:internal}: an internal Ingress ({@code gce-internal}) for VPC clients only; default false
 * @param proxyOnlySubnet    when internal, exactly one of {@code apigee-gke:proxyOnlySubnetCidr} (a range to create the
 *                           region's proxy-only subnet from) or {@code apigee-gke:proxyOnlySubnet} (the existing one:
 *                           {@code name} or self link, and {@code cidr}); neither when external
 * @param domains            {@code apigee-gke:domains}: HTTPS domains; default none
 * @param wafRuleSets        {@code apigee-gke:wafRuleSets}; default none
 * @param nodesPerZone       {@code apigee-gke:nodesPerZone}; default: the cluster's
 * @param deletionProtection {@code apigee-gke:deletionProtection}; default true
 * @param organization       {@code apigee:organization} (required; the Apigee provider's setting)
 * @param environment        the first of {@code apigee-gke:apigeeEnvironments} (required): the gateway serves one org/env
 * @param microgatewayKey    {@code apigee-gke:microgatewayKey} (required, a secret: from {@code edgemicro configure})
 * @param microgatewaySecret {@code apigee-gke:microgatewaySecret} (required, a secret)
 * @param spikeArrestPerSecond {@code apigee-gke:spikeArrest} as {@code <n>ps}: the gateway's spike-arrest rate; default
 *                           {@value StackReader#DEFAULT_SPIKE_ARREST}
 * @param consumerEmail      {@code apigee-gke:consumerEmail}; default {@value dev.apigeegke.apigee.ApiConsumer#SAMPLE_EMAIL}
 * @param edgemicroPublicKey {@code apigee-gke:edgemicroPublicKey}: the organization's edgemicro-auth public key (PEM);
 *                           pattern 3's sidecars verify keys with it offline (pattern 2's gateway downloads it)
 * @param scaling            {@code apigee-gke:autoscaling}, {@code minNodes}, {@code maxNodes}: node-pool autoscaling;
 *                           default: on, the cluster's limits
 */
public record GatewayStackSettings(
        String project,
        String region,
        String prefix,
        List<String> allowlist,
        boolean internal,
        Optional<ProxyOnlySubnet> proxyOnlySubnet,
        List<String> domains,
        List<String> wafRuleSets,
        Optional<Integer> nodesPerZone,
        boolean deletionProtection,
        String organization,
        String environment,
        Output<String> microgatewayKey,
        Output<String> microgatewaySecret,
        int spikeArrestPerSecond,
        String consumerEmail,
        Optional<String> edgemicroPublicKey,
        NodeScaling scaling) {

    /** Reads and checks the stack configuration, every problem reported at once; {@code defaultPrefix} is the pattern's. */
    public static GatewayStackSettings from(Context ctx, String defaultPrefix) {
        return GatewayStackSettingsReader.read(new StackReader(ctx), defaultPrefix);
    }

    /** The cluster: in the stack's region, on the machine type the cluster chooses. */
    public ClusterSettings cluster() {
        return new ClusterSettings(prefix, project, region, nodesPerZone, Optional.empty(), deletionProtection, scaling);
    }

    /** A gateway configuration for the organization and environment, with the stack's spike arrest (per second, no buffer). */
    public MicrogatewayConfig.Builder gatewayConfig() {
        return MicrogatewayConfig.builder()
                .organization(organization)
                .environment(environment)
                .spikeArrest(new MicrogatewayConfig.SpikeArrestPlugin("second", spikeArrestPerSecond, 0));
    }

    /**
     * Who reaches the gateway's Ingress: VPC clients only through an internal load balancer, whose proxy-only
     * subnet and firewall rule go on the cluster's {@code network}; or the allowlist.
     */
    public ArmoredIngressArgs.Builder expose(ArmoredIngressArgs.Builder ingress, String network) {
        if (internal) {
            ingress.internal(true).region(region).network(network);
            proxyOnlySubnet.ifPresent(ingress::proxyOnlySubnet);
        } else {
            ingress.allowlist(allowlist);
        }
        return ingress;
    }

    /**
     * The organization's edgemicro-auth public key, for gateways that verify keys and tokens offline (pattern 3's
     * sidecars); reported as a stack configuration problem when unset.
     */
    public String requireEdgemicroPublicKey() {
        if (edgemicroPublicKey.isEmpty()) {
            new Problems("stack configuration").add(StackReader.NAMESPACE + ":edgemicroPublicKey", null,
                    "the sidecars verify keys and tokens offline: set the organization's edgemicro-auth public key "
                            + "(curl https://" + organization + "-" + environment
                            + ".apigee.net/edgemicro-auth/publicKey > key.pem; pulumi config set apigee-gke:edgemicroPublicKey < key.pem)")
                    .throwIfAny();
        }
        return edgemicroPublicKey.get();
    }
}
