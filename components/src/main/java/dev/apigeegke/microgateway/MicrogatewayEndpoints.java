package dev.apigeegke.microgateway;

import com.pulumi.core.Output;
import java.util.List;

/**
 * The Edge endpoints a gateway of one organization and environment calls, as {@code edgemicro configure} writes them
 * into {@code edge_config}, {@code oauth} and {@code analytics}: what a {@link MicrogatewaySetup} outputs. The bootstrap
 * and analytics URLs are on the organization's regional microgateway services host, known once the gateway's
 * credential is registered; the others are on the environment's runtime base URL, which serves {@code edgemicro-auth}.
 *
 * @param bootstrap       {@code edge_config.bootstrap}: {@code {services}/edgemicro/bootstrap/organization/ORG/environment/ENV}
 * @param analytics       {@code analytics.uri}: {@code {services}/edgemicro/axpublisher/organization/ORG/environment/ENV}
 * @param quotaUri        {@code edge_config.quotaUri}: edgemicro-auth's quota API ({@code https://%s-%s.apigee.net/edgemicro-auth})
 * @param authUri         {@code edge_config.authUri}: edgemicro-auth ({@code https://%s-%s.apigee.net/edgemicro-auth})
 * @param products        {@code edge_config.products}: {@code {runtime}/edgemicro-auth/products}
 * @param jwtPublicKey    {@code edge_config.jwt_public_key}: {@code {runtime}/edgemicro-auth/publicKey}
 * @param verifyApiKeyUrl {@code oauth.verify_api_key_url}: {@code {runtime}/edgemicro-auth/verifyApiKey}
 */
public record MicrogatewayEndpoints(Output<String> bootstrap, Output<String> analytics, Output<String> quotaUri,
        Output<String> authUri, Output<String> products, Output<String> jwtPublicKey, Output<String> verifyApiKeyUrl) {

    /** {@code own} with these endpoints in place of its own; its managementUri and baseUri stay. */
    Output<MicrogatewayDefaults.Endpoints> resolve(MicrogatewayDefaults.Endpoints own) {
        return Output.all(List.of(bootstrap, analytics, quotaUri, authUri, products, jwtPublicKey, verifyApiKeyUrl))
                .applyValue(v -> own.with(v.get(0), v.get(1), v.get(2), v.get(3), v.get(4), v.get(5), v.get(6)));
    }
}
