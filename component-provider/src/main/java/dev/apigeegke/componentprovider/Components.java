package dev.apigeegke.componentprovider;

import com.pulumi.provider.internal.properties.PropertyValue;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import dev.apigeegke.apigee.ApigeeProxy;
import dev.apigeegke.apigee.ApigeeProxyArgs;
import dev.apigeegke.apigee.bundle.Policy;
import dev.apigeegke.cluster.GkeCluster;
import dev.apigeegke.cluster.GkeClusterArgs;
import dev.apigeegke.ingress.ArmoredIngress;
import dev.apigeegke.ingress.ArmoredIngressArgs;
import dev.apigeegke.ingress.ProxyOnlySubnet;
import dev.apigeegke.workload.Microservice;
import dev.apigeegke.workload.MicroserviceArgs;
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
    static final Map<Class<?>, InputBinder.Adapter> ADAPTERS = Map.of(
            Policy.class, new Policies(),
            ProxyOnlySubnet.class, Components::proxyOnlySubnet);

    private static final Map<String, Component> BY_TOKEN = index(List.of(
            new Component(GkeCluster.TYPE, GkeCluster.class, GkeClusterArgs::builder, Map.of(),
                    (name, args, options) -> new GkeCluster(name, (GkeClusterArgs) args, options)),
            new Component(ArmoredIngress.TYPE, ArmoredIngress.class, ArmoredIngressArgs::builder, Map.of(),
                    (name, args, options) -> new ArmoredIngress(name, (ArmoredIngressArgs) args, options)),
            new Component(Microservice.TYPE, Microservice.class, MicroserviceArgs::builder, Map.of(),
                    (name, args, options) -> new Microservice(name, (MicroserviceArgs) args, options)),
            new Component(ApigeeProxy.TYPE, ApigeeProxy.class, ApigeeProxyArgs::builder,
                    Map.of("natAddresses", Components::natAddresses),
                    (name, args, options) -> new ApigeeProxy(name, (ApigeeProxyArgs) args, options))));

    private Components() {
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
        if (value.getType() != PropertyValue.ValueType.OBJECT) {
            binder.problem(path, "give {count, instance}");
            return;
        }
        var fields = value.getObjectValue();
        Object count = fields.containsKey("count") ? binder.convert(fields.get("count"), int.class, path + ".count", null) : null;
        Object instance = fields.containsKey("instance")
                ? binder.convert(fields.get("instance"), String.class, path + ".instance", null) : null;
        if (count == null || instance == null) {
            if (count == null && !fields.containsKey("count")) {
                binder.problem(path + ".count", "is required");
            }
            if (instance == null && !fields.containsKey("instance")) {
                binder.problem(path + ".instance", "is required");
            }
            return;
        }
        ((ApigeeProxyArgs.Builder) builder).natAddresses((Integer) count, (String) instance);
    }
}
