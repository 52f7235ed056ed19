package dev.apigeegke.examples.pattern1;

import dev.apigeegke.apigee.ApigeeProxyArgs;
import dev.apigeegke.apigee.ProductQuota;
import dev.apigeegke.apigee.bundle.AssignMessage;
import dev.apigeegke.apigee.bundle.Flow;
import dev.apigeegke.apigee.bundle.JsonThreatProtection;
import dev.apigeegke.apigee.bundle.Quota;
import dev.apigeegke.apigee.bundle.SpikeArrest;
import dev.apigeegke.apigee.bundle.VerifyApiKey;
import dev.apigeegke.examples.common.Samples;
import java.util.List;

/** Pattern 1's Apigee proxy, its product and the sample consumer. */
final class Pattern1Proxy {
    /** The header clients send their API key in; the proxy removes it before the request reaches the services. */
    static final String API_KEY_HEADER = "x-api-key";

    private Pattern1Proxy() {
    }

    /**
     * The proxy in front of the Ingress: spike arrest, API key ({@value #API_KEY_HEADER} header), the product's
     * quota, JSON threat protection, the key removed before the request reaches the services, and the client's
     * address in {@link Pattern1#CLIENT_IP_HEADER}; one flow per service.
     */
    static ApigeeProxyArgs args(Pattern1Config config, List<Pattern1.Service> samples) {
        var apigee = config.apigee();
        var key = VerifyApiKey.header(API_KEY_HEADER);
        var args = ApigeeProxyArgs.builder()
                .flavor(apigee.flavor())
                .organization(apigee.organization())
                .environments(apigee.environments())
                .proxyName(config.prefix() + "-api")
                .basePath("/" + config.prefix())
                .description("Pattern 1: the microservices on GKE cluster " + config.prefix() + ", behind Cloud Armor")
                .preFlow(List.of(
                        SpikeArrest.rate(apigee.spikeArrest()),
                        key,
                        Quota.fromProduct(key, apigee.quotaCount()),
                        JsonThreatProtection.defaults(),
                        AssignMessage.toTarget("AM-remove-api-key").removeHeader(API_KEY_HEADER),
                        AssignMessage.toTarget("AM-client-ip").setHeader(Pattern1.CLIENT_IP_HEADER, "{client.ip}")))
                .flows(samples.stream()
                        .map(s -> new Flow(s.name(), s.path() + "/**", List.of("GET", "POST"), List.of()))
                        .toList())
                .quota(new ProductQuota(apigee.quotaCount(), 1, apigee.quotaTimeUnit()))
                .consumer(Samples.consumer(apigee.consumerEmail(), config.prefix()));
        apigee.hostname().ifPresent(args::hostname);
        return args.build();
    }
}
