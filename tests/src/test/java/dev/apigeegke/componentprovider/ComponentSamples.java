package dev.apigeegke.componentprovider;

import com.pulumi.provider.internal.properties.PropertyValue;
import dev.apigeegke.examples.common.Samples;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The inputs a program in another language sends for each component, as the engine passes them to Construct: pattern
 * 1's values, only the required inputs unless a test adds more.
 */
final class ComponentSamples {
    private ComponentSamples() {
    }

    static PropertyValue str(String s) {
        return PropertyValue.of(s);
    }

    static PropertyValue num(double d) {
        return PropertyValue.of(d);
    }

    static PropertyValue list(PropertyValue... items) {
        return PropertyValue.of(Arrays.asList(items));
    }

    static PropertyValue strings(String... items) {
        return PropertyValue.of(Arrays.stream(items).map(PropertyValue::of).toList());
    }

    /** An object of alternating keys and values. */
    static PropertyValue obj(Object... pairs) {
        return PropertyValue.of(map(pairs));
    }

    /** A map of alternating keys and values (strings become string values). */
    static Map<String, PropertyValue> map(Object... pairs) {
        var out = new LinkedHashMap<String, PropertyValue>();
        for (int i = 0; i < pairs.length; i += 2) {
            var v = pairs[i + 1];
            out.put((String) pairs[i], v instanceof PropertyValue p ? p : v instanceof Boolean b ? PropertyValue.of(b)
                    : v instanceof Number n ? PropertyValue.of(n.doubleValue()) : PropertyValue.of((String) v));
        }
        return out;
    }

    /** The required inputs of {@code token}, with pattern 1's values. */
    static Map<String, PropertyValue> required(String token) {
        return switch (token) {
            case "apigee-gke:index:GkeCluster" -> map("project", "my-gcp-project", "location", "europe-west1");
            case "apigee-gke:index:ArmoredIngress" -> map(
                    "allowlist", strings("203.0.113.0/24", "2001:db8:1200::/48"),
                    "backends", list(obj("name", "orders", "selector", obj("app", "orders"), "targetPort", Samples.PORT,
                            "paths", strings("/orders"), "healthCheckPath", Samples.HEALTH_PATH)));
            case "apigee-gke:index:Microservice" -> map("image", Samples.HELLO_APP_1, "port", Samples.PORT,
                    "healthPath", Samples.HEALTH_PATH);
            case "apigee-gke:index:ApigeeProxy" -> map("organization", "my-apigee-org", "environments", strings("test"),
                    "proxyName", "apigee-p1-api", "basePath", "/apigee-p1", "target", "http://203.0.113.10");
            default -> throw new IllegalArgumentException("no sample for " + token);
        };
    }

    /** The tokens with samples: every component the provider serves must have one. */
    static List<String> tokens() {
        return List.of("apigee-gke:index:GkeCluster", "apigee-gke:index:ArmoredIngress", "apigee-gke:index:Microservice",
                "apigee-gke:index:ApigeeProxy");
    }
}
