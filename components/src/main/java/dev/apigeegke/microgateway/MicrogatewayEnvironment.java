package dev.apigeegke.microgateway;

import com.pulumi.core.Output;
import javax.annotation.Nullable;

/**
 * What a gateway of one organization and environment needs from Apigee, as a {@link MicrogatewaySetup} made it
 * ({@link MicrogatewaySetup#environment(String)}): its key and secret (Pulumi secrets), the environment's
 * {@code edgemicro-auth} public key (the certificate of its signing key) and the endpoints. Pass it to
 * {@link MicrogatewayServiceArgs.Builder#setup} or {@link MicrogatewaySidecarArgs.Builder#setup}.
 *
 * @param organization the Apigee Edge organization
 * @param environment  the environment
 * @param key          the gateway's key, registered with Apigee's microgateway services; a secret
 * @param secret       the gateway's secret; a secret
 * @param publicKey    the X.509 certificate (PEM) of the key edgemicro-auth signs tokens with, as its
 *                     {@code /publicKey} serves it
 * @param endpoints    the Edge endpoints the gateway calls
 */
public record MicrogatewayEnvironment(String organization, String environment, Output<String> key, Output<String> secret,
        Output<String> publicKey, MicrogatewayEndpoints endpoints) {

    /** Keeps the key and secret Pulumi secrets, however they were given. */
    public MicrogatewayEnvironment {
        key = key == null ? null : key.asSecret();
        secret = secret == null ? null : secret.asSecret();
    }

    /**
     * What a {@link MicrogatewaySetup} made for {@code environment}, from the setup's outputs rather than the component:
     * for a program that only has its outputs, such as one in another language through the component provider, or one
     * reading another stack's. The endpoints are the ones the setup derives: bootstrap and analytics on
     * {@code servicesUrl}, the rest on the runtime base URL.
     *
     * @param organization   the setup's organization
     * @param environment    one of the setup's environments
     * @param key            the setup's {@code keys} entry of the environment
     * @param secret         the setup's {@code secrets} entry of the environment
     * @param publicKey      the setup's {@code publicKeys} entry of the environment
     * @param servicesUrl    the setup's {@code servicesUrls} entry of the environment
     * @param runtimeBaseUrl the setup's {@link MicrogatewaySetupArgs.Builder#runtimeBaseUrl} template ({@code {org}},
     *                       {@code {env}}), or null for Edge cloud's, as the setup was given it
     */
    public static MicrogatewayEnvironment fromSetup(String organization, String environment, Output<String> key,
            Output<String> secret, Output<String> publicKey, Output<String> servicesUrl, @Nullable String runtimeBaseUrl) {
        String runtime = runtimeBaseUrl == null ? null
                : MicrogatewaySetupDefaults.runtimeBaseUrl(runtimeBaseUrl, organization, environment);
        return new MicrogatewayEnvironment(organization, environment, key, secret, publicKey,
                MicrogatewaySetup.endpoints(organization, environment, servicesUrl, runtime));
    }
}
