package dev.apigeegke.examples.pattern1;

import dev.apigeegke.apigee.ApigeeProxyArgs;
import dev.apigeegke.apigee.ProductQuota;
import dev.apigeegke.apigee.bundle.AssignMessage;
import dev.apigeegke.apigee.bundle.Flow;
import dev.apigeegke.apigee.bundle.JsonThreatProtection;
import dev.apigeegke.apigee.bundle.Quota;
import dev.apigeegke.apigee.bundle.SpikeArrest;
import dev.apigeegke.apigee.bundle.VerifyApiKey;
import dev.apigeegke.examples.common.ArgumentKeys;
import dev.apigeegke.examples.common.Samples;
import dev.apigeegke.examples.common.StackReader;
import java.util.List;

/** Pattern 1's Apigee proxy, its product and the sample consumer. */
final class Pattern1Proxy {
    /** The header clients send their API key in; the proxy removes it before the request reaches the services. */
    static final String API_KEY_HEADER = "x-api-key";

    /** Where the stack's spike arrest and the product's quota stand in the proxy's pre-flow. */
    private static final int SPIKE_ARREST = 0;
    private static final int QUOTA = 2;

    private Pattern1Proxy() {
    }

    /** The stack keys the proxy's arguments come from: {@link #args}'s problems in the stack's words. */
    static ArgumentKeys keys(Pattern1Config config) {
        String own = StackReader.NAMESPACE + ":";
        var apigee = config.apigee();
        return ArgumentKeys.of("ApigeeProxyArgs")
                .key("flavor", "apigee:flavor")
                .key("organization", "apigee:organization")
                .key("environments", own + "apigeeEnvironments")
                .key("hostname", own + "apigeeHostname")
                .key("proxy.preFlow[" + SPIKE_ARREST + "].rate", own + "spikeArrest")
                .key("proxy.preFlow[" + QUOTA + "].count", own + "quotaCount")
                .key("quota.count", own + "quotaCount")
                .key("quota.timeUnit", own + "quotaTimeUnit")
                .key("consumer.email", own + "consumerEmail")
                .derived("proxy.name", own + "prefix", config.prefix(), "the proxy name")
                .derived("proxy.basePath", own + "prefix", config.prefix(), "the base path")
                .derived("proxy.targetServer", own + "prefix", config.prefix(), "the target server's name")
                .derived("productName", own + "prefix", config.prefix(), "the product name")
                .derived("consumer.appName", own + "prefix", config.prefix(), "the sample app's name");
    }

    /**
     * The proxy in front of the Ingress: spike arrest, API key ({@value #API_KEY_HEADER} header), the product's
     * quota, JSON threat protection, the key removed before the request reaches the services, and the client's
     * address in {@link Pattern1#CLIENT_IP_HEADER}; one flow per service.
     */
    static ApigeeProxyArgs args(Pattern1Config config, List<Pattern1.Service> samples) {
        return builder(config, samples, "Pattern 1: the microservices on GKE cluster " + config.prefix() + ", behind Cloud Armor")
                .build();
    }

    /** The arguments of {@link #args}, described as {@code description}, before they are built. */
    static ApigeeProxyArgs.Builder builder(Pattern1Config config, List<Pattern1.Service> samples, String description) {
        var apigee = config.apigee();
        var key = VerifyApiKey.header(API_KEY_HEADER);
        var args = ApigeeProxyArgs.builder()
                .flavor(apigee.flavor())
                .organization(apigee.organization())
                .environments(apigee.environments())
                .proxyName(config.prefix() + "-api")
                .basePath("/" + config.prefix())
                .description(description)
                // In the order SPIKE_ARREST, the key, QUOTA.
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
        return args;
    }
}
