package dev.apigeegke.apigee;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.Resource;
import dev.apigeegke.core.Names;
import dev.apigeegke.core.Problems;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.annotation.Nullable;

/**
 * What Edge Microgateway (as a Service, pattern 2) loads from Apigee for one organization and environment: an
 * {@code edgemicro_<route>} proxy per route, telling the gateway where to send each base path; an
 * {@code edgemicro_healthcheck} proxy, without which the gateway's healthcheck plugin would not answer
 * {@code /healthcheck}; and one product listing every route's proxy and {@code edgemicro-auth}, with the sample
 * consumer subscribed to it.
 *
 * <p>Children: {@code <name>-<route>} ({@link ApigeeProxy}; the first route's also declares the product,
 * {@code <name>-<route>-product}, and the consumer, and waits for the other routes' proxies, which its product
 * lists) and {@code <name>-health} ({@link ApigeeProxy}). They carry an alias to their address beside the
 * component, where stacks declared before this component existed have them.
 */
public final class MicrogatewayProxies extends ComponentResource {
    /** The type token; it never changes. */
    public static final String TYPE = "apigee-gke:index:MicrogatewayProxies";

    @Export(name = "consumerKey", refs = String.class)
    private final Output<String> consumerKey;

    /** The sample app's consumer key (a Pulumi secret); empty without a consumer. */
    public Output<String> consumerKey() {
        return this.consumerKey;
    }

    private final List<ApigeeProxy> routeProxies;
    private final ApigeeProxy healthProxy;

    /** Creates the proxies and product on Apigee. */
    public MicrogatewayProxies(String name, MicrogatewayProxiesArgs args) {
        this(name, args, null);
    }

    /** Creates the proxies and product on Apigee, with {@code options}. */
    public MicrogatewayProxies(String name, MicrogatewayProxiesArgs args, @Nullable ComponentResourceOptions options) {
        super(TYPE, checked(name, args), options);
        var moved = MovedIn.besideComponent(options);
        var childOf = ComponentResourceOptions.builder().parent(this).aliases(moved).build();
        this.healthProxy = new ApigeeProxy(Names.child(name, "health"), args.healthProxy(), childOf);

        var routes = args.routes();
        // The first route's proxy holds the product listing every route's proxy: it waits for the others (and
        // only it: a chain would make each proxy wait for all before it).
        var others = new ArrayList<ApigeeProxy>();
        for (int i = 1; i < routes.size(); i++) {
            others.add(new ApigeeProxy(Names.child(name, routes.get(i).name()), args.routeProxies().get(i), childOf));
        }
        var first = new ApigeeProxy(Names.child(name, routes.get(0).name()), args.routeProxies().get(0),
                ComponentResourceOptions.builder().parent(this).aliases(moved).dependsOn(List.<Resource>copyOf(others)).build());
        var all = new ArrayList<ApigeeProxy>();
        all.add(first);
        all.addAll(others);
        this.routeProxies = List.copyOf(all);
        this.consumerKey = first.consumerKey();
        registerOutputs(Map.of("consumerKey", consumerKey));
    }

    /** Each route's proxy, in the order of the routes: the first holds the product and the consumer. */
    public List<ApigeeProxy> routeProxies() {
        return routeProxies;
    }

    /** The {@code edgemicro_healthcheck} proxy. */
    public ApigeeProxy healthProxy() {
        return healthProxy;
    }

    /** Checks the children's names before the component is registered: each must be able to name an ApigeeProxy. */
    private static String checked(String name, MicrogatewayProxiesArgs args) {
        var problems = new Problems("MicrogatewayProxies");
        if (args == null) {
            problems.add("args", null, "pass MicrogatewayProxiesArgs.builder()...build()");
        } else {
            for (var route : args.routes()) {
                ApigeeProxy.checkName(problems, "name", Names.child(name, route.name()));
            }
            ApigeeProxy.checkName(problems, "name", Names.child(name, "health"));
        }
        problems.throwIfAny();
        return name;
    }
}
