package dev.apigeegke.bench;

import com.pulumi.core.Output;
import com.pulumi.resources.CustomResourceOptions;
import dev.apigeegke.apigee.resources.ApiProductArgs;
import dev.apigeegke.apigee.resources.ApiProxy;
import dev.apigeegke.apigee.resources.ApiProxyArgs;
import dev.apigeegke.apigee.resources.Developer;
import dev.apigeegke.apigee.resources.DeveloperApp;
import dev.apigeegke.apigee.resources.DeveloperAppArgs;
import dev.apigeegke.apigee.resources.DeveloperArgs;
import dev.apigeegke.preview.TypeTokens;
import java.util.List;
import java.util.Map;
import javax.annotation.Nullable;

/**
 * The Apigee pieces of the plain programs, declared directly with the Apigee provider's resources: a proxy
 * whose bundle is read from the static files, the common settings of an API product, and the sample
 * developer with an app subscribed to products.
 */
final class PlainApigee {
    private static final String PROXY_TYPE = TypeTokens.of(ApiProxy.class);

    private PlainApigee() {
    }

    /** The bundle hash of proxy resource {@code name}, from the static files. */
    static String bundleHash(Artifacts artifacts, String name) {
        return artifacts.text(PROXY_TYPE, name, "bundleHash");
    }

    /** The proxy {@code proxyName} (resource {@code name}) with its bundle, deployed to {@code environments}. */
    static ApiProxy proxy(String name, String proxyName, Artifacts artifacts, List<String> environments,
                          @Nullable CustomResourceOptions options) {
        return new ApiProxy(name, ApiProxyArgs.builder()
                .name(proxyName)
                .bundle(artifacts.text(PROXY_TYPE, name, "bundle"))
                .bundleHash(bundleHash(artifacts, name))
                .environments(environments)
                .build(), options);
    }

    /** A public product {@code name} with automatic approval, every path of {@code proxies}, in {@code environments}. */
    static ApiProductArgs.Builder product(String name, String displayName, List<String> environments, List<String> proxies) {
        return ApiProductArgs.builder()
                .name(name)
                .displayName(displayName)
                .approvalType("auto")
                .attributes(Map.of("access", "public"))
                .apiResources(List.of("/", "/**"))
                .environments(environments)
                .proxies(proxies);
    }

    /**
     * The sample consumer {@code email} as the developer {@code <name>-developer}, and its app
     * {@code <prefix>-sample-app} (resource {@code <name>-app}) subscribed to {@code products}; returns the
     * app's consumer key.
     */
    static Output<String> sampleApp(String name, String prefix, String email, Output<List<String>> products) {
        var developer = new Developer(name + "-developer", DeveloperArgs.builder()
                .email(email)
                .firstName("Sample")
                .lastName("Consumer")
                .userName(email.substring(0, email.indexOf('@')))
                .build());
        var app = new DeveloperApp(name + "-app", DeveloperAppArgs.builder()
                .developerEmail(developer.email())
                .name(prefix + "-sample-app")
                .apiProducts(products)
                .build());
        return app.consumerKey();
    }
}
