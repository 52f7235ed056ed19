package dev.apigeegke.examples.gateway;

import com.pulumi.Context;
import com.pulumi.core.Output;
import dev.apigeegke.internal.config.NodeScaling;
import dev.apigeegke.examples.common.ArgumentKeys;
import dev.apigeegke.examples.common.ClusterSettings;
import dev.apigeegke.examples.common.StackReader;
import dev.apigeegke.ingress.ArmoredIngressArgs;
import dev.apigeegke.ingress.ProxyOnlySubnet;
import dev.apigeegke.microgateway.MicrogatewayConfig;
import dev.apigeegke.microgateway.MicrogatewayEndpoints;
import dev.apigeegke.microgateway.MicrogatewayEnvironment;
import dev.apigeegke.microgateway.MicrogatewayServiceArgs;
import dev.apigeegke.microgateway.MicrogatewaySetup;
import dev.apigeegke.microgateway.MicrogatewaySetupArgs;
import dev.apigeegke.microgateway.MicrogatewaySidecarArgs;
import java.util.List;
import java.util.Optional;
import javax.annotation.Nullable;

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
 * @param environment        the one entry of {@code apigee-gke:apigeeEnvironments} (required): a gateway serves one
 *                           org/env
 * @param ownCredentials     {@code apigee-gke:microgatewayKey} and {@code apigee-gke:microgatewaySecret} (both or neither,
 *                           secrets: what {@code edgemicro configure} printed), with {@code microgatewayServicesHost} and
 *                           {@code edgemicroPublicKey}; empty: the pattern creates a {@link MicrogatewaySetup} instead
 * @param spikeArrestPerSecond {@code apigee-gke:spikeArrest} as {@code <n>ps}: the gateway's spike-arrest rate; default
 *                           {@value StackReader#DEFAULT_SPIKE_ARREST}
 * @param consumerEmail      {@code apigee-gke:consumerEmail}; default {@value dev.apigeegke.apigee.ApiConsumer#SAMPLE_EMAIL}
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
        Optional<OwnCredentials> ownCredentials,
        int spikeArrestPerSecond,
        String consumerEmail,
        NodeScaling scaling) {

    /**
     * The gateway's key and secret from an {@code edgemicro configure} run of the user's, and what goes with them.
     *
     * @param key          {@code apigee-gke:microgatewayKey}, a secret
     * @param secret       {@code apigee-gke:microgatewaySecret}, a secret
     * @param servicesHost {@code apigee-gke:microgatewayServicesHost}: the organization's regional microgateway services
     *                     host, as configure wrote it into the bootstrap URL (e.g.
     *                     {@code edgemicroservices-us-east-1.apigee.net}); empty: the global host
     *                     {@code edgemicroservices.apigee.net}
     * @param publicKey    {@code apigee-gke:edgemicroPublicKey}: the organization's edgemicro-auth public key (PEM), put in
     *                     the gateways' config; empty: the gateways download it from edgemicro-auth
     */
    public record OwnCredentials(Output<String> key, Output<String> secret, Optional<String> servicesHost,
                                 Optional<String> publicKey) {
    }

    /** Reads and checks the stack configuration, every problem reported at once; {@code defaultPrefix} is the pattern's. */
    public static GatewayStackSettings from(Context ctx, String defaultPrefix) {
        var stack = new StackReader(ctx);
        var settings = read(stack, defaultPrefix);
        stack.problems.throwIfAny();
        return settings;
    }

    /**
     * Reads the settings, recording every problem in {@code stack}'s one report without throwing (a missing or
     * malformed value is replaced by a stand-in), so that the program can check every component's arguments too.
     */
    public static GatewayStackSettings read(StackReader stack, String defaultPrefix) {
        return GatewayStackSettingsReader.read(stack, defaultPrefix);
    }

    /**
     * The stack keys the arguments of {@code component} come from, for the problems the patterns' components find:
     * the keys these settings were read from, and the names made from {@code apigee-gke:prefix}.
     */
    public ArgumentKeys keys(String component) {
        String own = StackReader.NAMESPACE + ":";
        String environments = own + "apigeeEnvironments";
        return ArgumentKeys.of(component)
                .key("project", "gcp:project")
                .key("region", "gcp:region")
                .key("organization", "apigee:organization")
                .key("environment", environments)
                .key("environments", environments)
                .key("allowlist", own + "allowlist")
                .key("domains", own + "domains")
                .key("wafRuleSets", own + "wafRuleSets")
                .key("spikeArrest", own + "spikeArrest")
                // The reader checks the subnet under the key it came from; the Ingress's checks repeat its own.
                .key("proxyOnlySubnet", own + (proxyOnlySubnet.flatMap(ProxyOnlySubnet::existingSubnet).isPresent()
                        ? "proxyOnlySubnet" : "proxyOnlySubnetCidr"))
                .key("servicesUrl", own + "microgatewayServicesHost")
                .key("publicKeyOverride", own + "edgemicroPublicKey")
                .key("consumer.email", own + "consumerEmail")
                // The Edge host of a proxy on Apigee, made from the organization and the environment.
                .key("hostname", environments)
                .derived("productName", own + "prefix", prefix, "the product name")
                .derived("consumer.appName", own + "prefix", prefix, "the sample app's name");
    }

    /** The cluster: in the stack's region, on the machine type the cluster chooses. */
    public ClusterSettings cluster() {
        return new ClusterSettings(prefix, project, region, nodesPerZone, Optional.empty(), deletionProtection, scaling);
    }

    /**
     * A gateway configuration for the organization and environment, with the stack's spike arrest (per second, with a
     * buffer of one second's requests) and, with the stack's own credentials, their services host and public key.
     */
    public MicrogatewayConfig.Builder gatewayConfig() {
        var config = MicrogatewayConfig.builder()
                .organization(organization)
                .environment(environment)
                .spikeArrest(MicrogatewayConfig.SpikeArrestPlugin.perSecond(spikeArrestPerSecond));
        ownCredentials.ifPresent(own -> {
            own.servicesHost().ifPresent(host -> config.servicesUrl("https://" + host));
            own.publicKey().ifPresent(config::publicKey);
        });
        return config;
    }

    /**
     * What {@code edgemicro configure} would create, for the stack's organization and environment, as a
     * {@link MicrogatewaySetup} takes it; empty when the stack brings its own key and secret.
     */
    public Optional<MicrogatewaySetupArgs> setupArgs() {
        return ownCredentials.isPresent() ? Optional.empty()
                : Optional.of(MicrogatewaySetupArgs.builder().organization(organization).environments(environment).build());
    }

    /** The name of the patterns' {@link MicrogatewaySetup}: {@code <prefix>-setup}. */
    public String setupName() {
        return prefix + "-setup";
    }

    /**
     * {@code gateway} serving the stack's organization and environment: with the stack's own key and secret, or with
     * {@code setup}'s outputs. Before the setup is declared ({@code null}), with a stand-in that has its organization and
     * environment and no values, so that the arguments are checked before any resource exists; set them again with
     * the setup once it is.
     */
    public MicrogatewayServiceArgs.Builder identify(MicrogatewayServiceArgs.Builder gateway, @Nullable MicrogatewaySetup setup) {
        return ownCredentials.map(own -> gateway.organization(organization).environment(environment).key(own.key()).secret(own.secret()))
                .orElseGet(() -> gateway.setup(setupEnvironment(setup)));
    }

    /** {@code sidecar} serving the stack's organization and environment, as {@link #identify(MicrogatewayServiceArgs.Builder, MicrogatewaySetup)}. */
    public MicrogatewaySidecarArgs.Builder identify(MicrogatewaySidecarArgs.Builder sidecar, @Nullable MicrogatewaySetup setup) {
        return ownCredentials.map(own -> sidecar.organization(organization).environment(environment).key(own.key()).secret(own.secret()))
                .orElseGet(() -> sidecar.setup(setupEnvironment(setup)));
    }

    private MicrogatewayEnvironment setupEnvironment(@Nullable MicrogatewaySetup setup) {
        if (setup != null) {
            return setup.environment(environment);
        }
        var none = Output.of("");
        return new MicrogatewayEnvironment(organization, environment, none, none, none,
                new MicrogatewayEndpoints(none, none, none, none, none, none, none));
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
}
