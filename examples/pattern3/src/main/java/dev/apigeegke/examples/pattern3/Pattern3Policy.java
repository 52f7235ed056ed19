package dev.apigeegke.examples.pattern3;

import com.pulumi.core.Output;
import dev.apigeegke.apigee.ApigeeProduct;
import dev.apigeegke.apigee.ApigeeProductArgs;
import dev.apigeegke.core.Names;
import dev.apigeegke.examples.common.Samples;
import dev.apigeegke.examples.gateway.GatewayStackSettings;
import dev.apigeegke.microgateway.MicrogatewayConfig;
import dev.apigeegke.microgateway.MicrogatewaySidecarArgs;
import dev.apigeegke.workload.Microservice;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/** Pattern 3's policy per service: its sidecar's gateway configuration and its product on Apigee. */
final class Pattern3Policy {
    /** The plugins of an open service's gateway: no key or token check, only the rate limit. */
    static final List<String> OPEN_PLUGINS = List.of("healthcheck", "spikearrest");

    private Pattern3Policy() {
    }

    /** The gateway policy of one service: the keyed one verifies keys and tokens, the open one only rate-limits. */
    static MicrogatewayConfig policy(GatewayStackSettings config, Pattern3.Service sample) {
        var policy = config.gatewayConfig();
        if (!sample.keyed()) {
            policy.plugins(OPEN_PLUGINS);
        }
        return policy.build();
    }

    /**
     * The sidecar of one service, in {@code namespace}, in front of the app's port; who it is on Apigee is
     * {@link GatewayStackSettings#identify(MicrogatewaySidecarArgs.Builder, dev.apigeegke.microgateway.MicrogatewaySetup)}'s.
     */
    static MicrogatewaySidecarArgs.Builder sidecar(GatewayStackSettings config, Pattern3.Service sample, String namespace) {
        return MicrogatewaySidecarArgs.builder()
                .config(policy(config, sample))
                .namespace(namespace)
                .appPort(Samples.PORT)
                .podSelector(Microservice.selectorFor(sample.name()));
    }

    /**
     * Each service's product: in sidecar mode a product listing {@code edgemicro-auth} for every path is enough.
     * The first keyed service's also holds the sample consumer, named after the stack's prefix.
     */
    static List<ApigeeProductArgs> products(GatewayStackSettings config, List<Pattern3.Service> samples) {
        var holder = samples.stream().filter(Pattern3.Service::keyed).findFirst();
        return samples.stream().map(sample -> {
            var product = ApigeeProductArgs.builder()
                    .name(config.prefix() + "-" + sample.name())
                    .displayName(sample.name() + " (pattern 3)")
                    .environments(List.of(config.environment()))
                    .microgateway(true);
            if (holder.isPresent() && holder.get() == sample) {
                product.consumer(Samples.consumer(config.consumerEmail(), config.prefix())).consumerName(config.prefix());
            }
            return product.build();
        }).toList();
    }

    /**
     * Declares the products of {@link #products}: the one holding the sample consumer last, subscribed to every
     * other keyed service's product once their names exist.
     */
    static List<ApigeeProduct> declareProducts(GatewayStackSettings config, List<Pattern3.Service> samples,
                                               List<ApigeeProductArgs> args) {
        int holder = IntStream.range(0, args.size()).filter(i -> args.get(i).consumer().isPresent()).findFirst().orElse(-1);
        var products = new ApigeeProduct[args.size()];
        var otherKeyed = new ArrayList<Output<String>>();
        for (int i = 0; i < args.size(); i++) {
            if (i != holder) {
                products[i] = new ApigeeProduct(Names.child(config.prefix(), samples.get(i).name()), args.get(i));
                if (samples.get(i).keyed()) {
                    otherKeyed.add(products[i].productName());
                }
            }
        }
        if (holder >= 0) {
            products[holder] = new ApigeeProduct(Names.child(config.prefix(), samples.get(holder).name()),
                    args.get(holder).withOtherProducts(otherKeyed));
        }
        return List.of(products);
    }
}
