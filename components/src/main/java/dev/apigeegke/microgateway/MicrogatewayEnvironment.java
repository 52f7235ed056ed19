package dev.apigeegke.microgateway;

import com.pulumi.core.Output;

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
}
