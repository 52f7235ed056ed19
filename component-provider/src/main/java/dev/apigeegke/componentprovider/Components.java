package dev.apigeegke.componentprovider;

import com.pulumi.provider.internal.properties.PropertyValue;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import dev.apigeegke.apigee.ApigeeProduct;
import dev.apigeegke.apigee.ApigeeProductArgs;
import dev.apigeegke.apigee.ApigeeProxy;
import dev.apigeegke.apigee.ApigeeProxyArgs;
import dev.apigeegke.apigee.MicrogatewayProxies;
import dev.apigeegke.apigee.MicrogatewayProxiesArgs;
import dev.apigeegke.apigee.bundle.Policy;
import dev.apigeegke.cluster.GkeCluster;
import dev.apigeegke.cluster.GkeClusterArgs;
import dev.apigeegke.ingress.ArmoredIngress;
import dev.apigeegke.ingress.ArmoredIngressArgs;
import dev.apigeegke.ingress.ProxyOnlySubnet;
import dev.apigeegke.microgateway.MicrogatewayService;
import dev.apigeegke.microgateway.MicrogatewayServiceArgs;
import dev.apigeegke.microgateway.MicrogatewaySetup;
import dev.apigeegke.microgateway.MicrogatewaySetupArgs;
import dev.apigeegke.microgateway.MicrogatewaySidecar;
import dev.apigeegke.microgateway.MicrogatewaySidecarArgs;
import dev.apigeegke.workload.Microservice;
import dev.apigeegke.workload.MicroserviceArgs;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * The components the provider serves, by type token: how to start each one's arguments, the inputs no builder
 * method of one parameter takes, and its Java constructor. Every component is the one Java programs use.
 */
final class Components {
    /** Declares a component from its built arguments. */
    interface Factory {
        ComponentResource create(String name, Object args, ComponentResourceOptions options);
    }

    /**
     * One component.
     *
     * @param token   its type token
     * @param javaType the Java component class
     * @param builder makes an empty builder of its arguments
     * @param custom  the inputs set otherwise than by the builder method of their name
     * @param factory its constructor
     */
    record Component(String token, Class<? extends ComponentResource> javaType, Supplier<Object> builder,
                     Map<String, InputBinder.Setter> custom, Factory factory) {
    }

    /** The types converted otherwise than by their builder or record constructor. */
    static final Map<Class<?>, InputBinder.Adapter> ADAPTERS = adapters();

    private static final Map<String, Component> BY_TOKEN = index(List.of(
            new Component(GkeCluster.TYPE, GkeCluster.class, GkeClusterArgs::builder, Map.of(),
                    (name, args, options) -> new GkeCluster(name, (GkeClusterArgs) args, options)),
            new Component(ArmoredIngress.TYPE, ArmoredIngress.class, ArmoredIngressArgs::builder, Map.of(),
                    (name, args, options) -> new ArmoredIngress(name, (ArmoredIngressArgs) args, options)),
            new Component(Microservice.TYPE, Microservice.class, MicroserviceArgs::builder, Map.of(),
                    (name, args, options) -> new Microservice(name, (MicroserviceArgs) args, options)),
            new Component(ApigeeProxy.TYPE, ApigeeProxy.class, ApigeeProxyArgs::builder,
                    Map.of("natAddresses", Components::natAddresses),
                    (name, args, options) -> new ApigeeProxy(name, (ApigeeProxyArgs) args, options)),
            new Component(ApigeeProduct.TYPE, ApigeeProduct.class, ApigeeProductArgs::builder, Map.of(),
                    (name, args, options) -> new ApigeeProduct(name, (ApigeeProductArgs) args, options)),
            new Component(MicrogatewayProxies.TYPE, MicrogatewayProxies.class, MicrogatewayProxiesArgs::builder, Map.of(),
                    (name, args, options) -> new MicrogatewayProxies(name, (MicrogatewayProxiesArgs) args, options)),
            new Component(MicrogatewaySetup.TYPE, MicrogatewaySetup.class, MicrogatewaySetupArgs::builder, Map.of(),
                    (name, args, options) -> new MicrogatewaySetup(name, (MicrogatewaySetupArgs) args, options)),
            new Component(MicrogatewayService.TYPE, MicrogatewayService.class, MicrogatewayServiceArgs::builder, Map.of(),
                    (name, args, options) -> new MicrogatewayService(name, (MicrogatewayServiceArgs) args, options)),
            new Component(MicrogatewaySidecar.TYPE, MicrogatewaySidecar.class, MicrogatewaySidecarArgs::builder, Map.of(),
                    (name, args, options) -> new MicrogatewaySidecar(name, (MicrogatewaySidecarArgs) args, options))));

    private Components() {
    }

    private static Map<Class<?>, InputBinder.Adapter> adapters() {
        var adapters = new HashMap<Class<?>, InputBinder.Adapter>(Microgateway.adapters());
        adapters.put(Policy.class, new Policies());
        adapters.put(ProxyOnlySubnet.class, Components::proxyOnlySubnet);
        return Map.copyOf(adapters);
    }

    private static Map<String, Component> index(List<Component> components) {
        var map = new TreeMap<String, Component>();
        components.forEach(c -> map.put(c.token(), c));
        return map;
    }

    /** The component of {@code token}, if the provider serves it. */
    static Optional<Component> byToken(String token) {
        return Optional.ofNullable(BY_TOKEN.get(token));
    }

    /** Every component's token. */
    static Set<String> tokens() {
        return BY_TOKEN.keySet();
    }

    /** {@code proxyOnlySubnet: {cidr, existing?}}: the region's existing subnet, or one the Ingress creates. */
    private static Object proxyOnlySubnet(InputBinder binder, PropertyValue value, String path) {
        var fields = value.getObjectValue();
        fields.keySet().stream().filter(k -> !k.equals("cidr") && !k.equals("existing")).sorted()
                .forEach(k -> binder.problem(path + "." + k, "not a field of ProxyOnlySubnet; its fields are [cidr, existing]"));
        if (!fields.containsKey("cidr")) {
            binder.problem(path + ".cidr", "is required");
            return null;
        }
        var cidr = (String) binder.convert(fields.get("cidr"), String.class, path + ".cidr", null);
        var existing = fields.containsKey("existing") && !fields.get("existing").isNull()
                ? (String) binder.convert(fields.get("existing"), String.class, path + ".existing", null) : null;
        if (cidr == null) {
            return null;
        }
        return existing == null ? ProxyOnlySubnet.create(cidr) : ProxyOnlySubnet.existing(existing, cidr);
    }

    /** {@code natAddresses: {count, instance}}: the Apigee X instance's NAT addresses the proxy reserves. */
    private static void natAddresses(InputBinder binder, Object builder, PropertyValue value, String path) {
        var fields = required(binder, value, path, List.of("count", "instance"), List.of(int.class, String.class));
        if (fields != null) {
            ((ApigeeProxyArgs.Builder) builder).natAddresses((Integer) fields.get(0), (String) fields.get(1));
        }
    }

    /**
     * The fields {@code names} of the object {@code value}, converted to {@code types}, for a builder method of several
     * parameters; null, with each problem reported, when one is missing or wrong.
     */
    static List<Object> required(InputBinder binder, PropertyValue value, String path, List<String> names, List<Type> types) {
        if (value.getType() != PropertyValue.ValueType.OBJECT) {
            binder.problem(path, "give {" + String.join(", ", names) + "}");
            return null;
        }
        var fields = value.getObjectValue();
        int before = binder.problems().size();
        var converted = new ArrayList<Object>();
        for (int i = 0; i < names.size(); i++) {
            var field = fields.get(names.get(i));
            if (field == null || field.isNull()) {
                binder.problem(path + "." + names.get(i), "is required");
                continue;
            }
            converted.add(binder.convert(field, types.get(i), path + "." + names.get(i), null));
        }
        return binder.problems().size() > before ? null : converted;
    }
}
