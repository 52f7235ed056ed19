package dev.apigeegke.apigee;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import dev.apigeegke.apigee.resources.ApiProduct;
import dev.apigeegke.apigee.resources.ApiProductArgs;
import dev.apigeegke.apigee.resources.Developer;
import dev.apigeegke.apigee.resources.DeveloperApp;
import dev.apigeegke.apigee.resources.DeveloperAppArgs;
import dev.apigeegke.apigee.resources.DeveloperArgs;
import dev.apigeegke.core.Names;
import dev.apigeegke.core.Problems;
import java.util.ArrayList;
import java.util.Map;
import java.util.Optional;
import javax.annotation.Nullable;

/**
 * An API product on Apigee and, optionally, its sample consumer: a developer and an app subscribed to it (and to
 * {@link ApigeeProductArgs.Builder#otherProducts other products}), whose key and secret are Pulumi secrets.
 * {@link ApigeeProxy} declares one for its proxy; pattern 3 one per service.
 *
 * <p>Children: {@code <name>-product} (ApiProduct), {@code <consumerName>-developer} (Developer) and
 * {@code <consumerName>-app} (DeveloperApp), {@code consumerName} defaulting to {@code name}. They carry an alias
 * to their address beside the component, where stacks declared before this component existed have them.
 * The product waits for the component's {@code dependsOn} (the proxies it lists must exist first).
 */
public final class ApigeeProduct extends ComponentResource {
    /** The type token; it never changes. */
    public static final String TYPE = "apigee-gke:index:ApigeeProduct";
    /** The proxy through which Edge Microgateway checks keys and tokens: a microgateway product lists it. */
    public static final String MICROGATEWAY_AUTH_PROXY = "edgemicro-auth";

    @Export(name = "productName", refs = String.class)
    private final Output<String> productName;

    /** The product's name on Apigee. */
    public Output<String> productName() {
        return this.productName;
    }

    @Export(name = "consumerKey", refs = String.class)
    private final Output<String> consumerKey;

    /** The sample app's consumer key (a Pulumi secret); empty without a consumer. */
    public Output<String> consumerKey() {
        return this.consumerKey;
    }

    private final ApigeeProductArgs args;
    private final ApiProduct product;
    private final @Nullable DeveloperApp app;

    /** Creates the product (and its consumer) on Apigee. */
    public ApigeeProduct(String name, ApigeeProductArgs args) {
        this(name, args, null);
    }

    /** Creates the product (and its consumer) on Apigee, with {@code options}. */
    public ApigeeProduct(String name, ApigeeProductArgs args, @Nullable ComponentResourceOptions options) {
        super(TYPE, checked(name, args), options);
        this.args = args;
        var moved = MovedIn.besideComponent(options);
        var childOf = CustomResourceOptions.builder().parent(this).aliases(moved).build();

        var productArgs = ApiProductArgs.builder()
                .name(args.name())
                .displayName(args.displayName())
                .approvalType(args.approvalType())
                .attributes(Map.of("access", args.access()))
                .apiResources(args.apiResources())
                .environments(args.environments())
                .proxies(args.proxies());
        args.description().ifPresent(productArgs::description);
        args.quota().ifPresent(q -> productArgs
                .quota(Integer.toString(q.count()))
                .quotaInterval(Integer.toString(q.interval()))
                .quotaTimeUnit(q.timeUnit()));
        var productOptions = CustomResourceOptions.builder().parent(this).aliases(moved);
        if (options != null) {
            productOptions.dependsOn(options.getDependsOn());
        }
        this.product = new ApiProduct(Names.child(name, "product"), productArgs.build(), productOptions.build());
        this.productName = product.name();

        if (args.consumer().isPresent()) {
            var consumer = args.consumer().get();
            String stem = args.consumerName().orElse(name);
            var developer = new Developer(Names.child(stem, "developer"), DeveloperArgs.builder()
                    .email(consumer.email())
                    .firstName(consumer.firstName())
                    .lastName(consumer.lastName())
                    .userName(consumer.userName())
                    .build(), childOf);
            var products = new ArrayList<Output<String>>();
            products.add(product.name());
            products.addAll(args.otherProducts());
            this.app = new DeveloperApp(Names.child(stem, "app"), DeveloperAppArgs.builder()
                    .developerEmail(developer.email())
                    .name(consumer.appName())
                    .apiProducts(Output.all(products))
                    .build(), childOf);
            this.consumerKey = app.consumerKey();
        } else {
            this.app = null;
            this.consumerKey = Output.ofSecret("");
        }
        registerOutputs(Map.of("productName", productName, "consumerKey", consumerKey));
    }

    /** The validated arguments. */
    public ApigeeProductArgs args() {
        return args;
    }

    /** The API product resource. */
    public ApiProduct apiProduct() {
        return product;
    }

    /** The sample consumer's app, when a consumer was given. */
    public Optional<DeveloperApp> app() {
        return Optional.ofNullable(app);
    }

    private static String checked(String name, ApigeeProductArgs args) {
        var problems = new Problems("ApigeeProduct");
        problems.check(name != null && !name.isBlank(), "name", name, "a name: the children are named <name>-product, ...");
        problems.check(args != null, "args", null, "pass ApigeeProductArgs.builder()...build()");
        problems.throwIfAny();
        return name;
    }
}
