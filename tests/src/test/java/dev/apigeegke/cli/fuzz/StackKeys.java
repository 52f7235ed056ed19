package dev.apigeegke.cli.fuzz;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every stack key of every pattern, as docs/deploying.md lists them and the pattern programs read them: which patterns
 * read it, the kind of value it takes, its limits, and what the stack must hold beside it for the key to be read at
 * all (a proxy-only subnet only counts for an internal Ingress, a services host only with the stack's own gateway key).
 */
final class StackKeys {
    static final String P1 = "pattern1";
    static final String P2 = "pattern2";
    static final String P3 = "pattern3";
    static final Set<String> ALL_PATTERNS = Set.of(P1, P2, P3);
    static final Set<String> GATEWAY_PATTERNS = Set.of(P2, P3);

    /** What a key's value is. */
    enum Kind { STRING, NAME, CIDRS, NAMES, INTEGER, BOOLEAN, RATE, EMAIL, HOST, OBJECT, SECRET }

    /**
     * One stack key.
     *
     * @param name      the stack key, {@code namespace:key}
     * @param patterns  the patterns that read it
     * @param kind      the kind of value
     * @param example   a valid value, the seed the malformed values are made from (for a list: one element)
     * @param maxLength the longest valid value (for a list: the most elements), 0 when there is no limit
     * @param min       for an integer: the smallest valid value
     * @param max       for an integer: the largest valid value
     * @param refused   well-formed values of the right type that the key's rule refuses
     * @param context   entries the stack needs beside this key for it to be read (a null value removes the entry)
     */
    record Key(String name, Set<String> patterns, Kind kind, Object example, int maxLength, long min, long max,
               List<?> refused, Map<String, Object> context) {
        boolean readBy(String pattern) {
            return patterns.contains(pattern);
        }

        /** Whether {@code value} lies in this integer key's valid range. */
        boolean inRange(long value) {
            return value >= min && value <= max;
        }
    }

    private static final Map<String, Object> INTERNAL = context("apigee-gke:internal", true, "apigee-gke:allowlist", null,
            "apigee-gke:domains", null, "apigee-gke:proxyOnlySubnetCidr", null, "apigee-gke:proxyOnlySubnet", null);
    /** A gateway key and secret as `edgemicro configure` prints them, given in clear as a --config file may hold them. */
    private static final Map<String, Object> OWN_CREDENTIALS = context(
            "apigee-gke:microgatewayKey", "c8cc184ba56ae9512e9252e58f7c81f6d15aca3dabf5b272654e253c8b1339f7",
            "apigee-gke:microgatewaySecret", "80c0301e8ef43d01c08489927b0cda2d31427dd9135dea7e0cc5b09beed8f6f8");

    /** The table: key, patterns, kind, limits. */
    static final List<Key> ALL = List.of(
            key("apigee-gke:pattern", ALL_PATTERNS, Kind.NAME, "pattern1", 0, List.of("pattern4", "pattern0")),
            key("gcp:project", ALL_PATTERNS, Kind.NAME, "my-gcp-project", 30, List.of("my-gcp-project-", "short")),
            key("gcp:region", ALL_PATTERNS, Kind.STRING, "europe-west1", 0, List.of("europe-west", "europe-west1-b-c", "west1")),
            key("apigee:organization", ALL_PATTERNS, Kind.NAME, "my-apigee-org", 63, List.of("my-apigee-org-", "1org")),
            key("apigee:flavor", ALL_PATTERNS, Kind.STRING, "edge", 0, List.of("hybrid", "saas", "opdk")),
            key("apigee-gke:apigeeEnvironments", ALL_PATTERNS, Kind.NAMES, "test", 0, List.of(List.of("test-"), List.of("1test"))),
            key("apigee-gke:allowlist", ALL_PATTERNS, Kind.CIDRS, "203.0.113.0/24", 0,
                    List.of(List.of("203.0.113.1/24"), List.of("2001:db8::1/32"), List.of("::ffff:203.0.113.0/120"))),
            key("apigee-gke:prefix", ALL_PATTERNS, Kind.NAME, "apigee-px", 24, List.of("apigee-", "9apigee", "-apigee")),
            key("apigee-gke:domains", ALL_PATTERNS, Kind.NAMES, "api.example.com", 100,
                    List.of(List.of("https://api.example.com"), List.of("*.example.com"), List.of("api..example.com"))),
            key("apigee-gke:wafRuleSets", ALL_PATTERNS, Kind.NAMES, "sqli-v33-stable", 0,
                    List.of(List.of("sqli-v99-stable"), List.of("sqli"), List.of("xss-v33-canary-stable"))),
            // GKE's limit: "Nodes per node pool zone: 1,000" (cloud.google.com/kubernetes-engine/quotas).
            key("apigee-gke:nodesPerZone", ALL_PATTERNS, Kind.INTEGER, 1, 1, 1000, List.of()),
            key("apigee-gke:autoscaling", ALL_PATTERNS, Kind.BOOLEAN, true, List.of()),
            key("apigee-gke:minNodes", ALL_PATTERNS, Kind.INTEGER, 3, 3, Integer.MAX_VALUE, List.of(1L, 2L)),
            key("apigee-gke:maxNodes", ALL_PATTERNS, Kind.INTEGER, 6, 3, Integer.MAX_VALUE, List.of(1L, 2L)),
            key("apigee-gke:deletionProtection", ALL_PATTERNS, Kind.BOOLEAN, true, List.of()),
            key("apigee-gke:spikeArrest", ALL_PATTERNS, Kind.RATE, "30ps", 0, List.of("0ps", "30", "ps", "30pd", "-5ps", "3.5ps")),
            key("apigee-gke:consumerEmail", ALL_PATTERNS, Kind.EMAIL, "team@example.com", 254,
                    List.of("team", "team@", "@example.com", "team@example", "team@@example.com")),
            key("apigee:accessToken", ALL_PATTERNS, Kind.SECRET, "ya29.a0AfH6SMBx", 0, List.of()),
            key("apigee:password", ALL_PATTERNS, Kind.SECRET, "correct horse", 0, List.of()),

            key("apigee-gke:location", Set.of(P1), Kind.STRING, "europe-west1-b", 0, List.of("europe-west1-bb", "europe")),
            key("apigee-gke:rateBanCount", Set.of(P1), Kind.INTEGER, 600, 1, 10_000, List.of(10_001L, 100_000L)),
            key("apigee-gke:rateBanIntervalSec", Set.of(P1), Kind.INTEGER, 60, 10, 3600, List.of(11L, 59L, 61L, 3599L)),
            key("apigee-gke:rateBanDurationSec", Set.of(P1), Kind.INTEGER, 300, 60, 3600, List.of(61L, 299L, 3599L)),
            key("apigee-gke:machineType", Set.of(P1), Kind.STRING, "e2-standard-4", 63, List.of("e2-micro", "f1-micro", "e2-small")),
            key("apigee-gke:apigeeHostname", Set.of(P1), Kind.HOST, "api.example.com", 253,
                    List.of("api", "https://api.example.com", "api.example.com/path", "api.example.com:443")),
            key("apigee-gke:quotaCount", Set.of(P1), Kind.INTEGER, 1000, 1, Integer.MAX_VALUE, List.of()),
            key("apigee-gke:quotaTimeUnit", Set.of(P1), Kind.STRING, "hour", 0, List.of("week", "second", "hours", "year")),

            key("apigee-gke:internal", GATEWAY_PATTERNS, Kind.BOOLEAN, false, List.of()),
            new Key("apigee-gke:proxyOnlySubnetCidr", GATEWAY_PATTERNS, Kind.STRING, "10.129.0.0/23", 0, 0, 0,
                    List.of("10.129.0.0/27", "10.0.0.0/8", "203.0.113.0/24", "10.129.0.1/23"), INTERNAL),
            new Key("apigee-gke:proxyOnlySubnet", GATEWAY_PATTERNS, Kind.OBJECT,
                    Map.of("name", "proxy-only-europe-west1", "cidr", "10.129.0.0/23"), 0, 0, 0,
                    List.of(Map.of("name", "proxy-only-europe-west1", "cidr", "203.0.113.0/24"),
                            Map.of("name", "proxy-only-europe-west1", "cidr", "10.129.0.0/27"),
                            Map.of("name", "Proxy Only!", "cidr", "10.129.0.0/23"),
                            Map.of("name", "proxy-only-europe-west1")), INTERNAL),
            new Key("apigee-gke:microgatewayKey", GATEWAY_PATTERNS, Kind.SECRET,
                    OWN_CREDENTIALS.get("apigee-gke:microgatewayKey"), 0, 0, 0, List.of(), OWN_CREDENTIALS),
            new Key("apigee-gke:microgatewaySecret", GATEWAY_PATTERNS, Kind.SECRET,
                    OWN_CREDENTIALS.get("apigee-gke:microgatewaySecret"), 0, 0, 0, List.of(), OWN_CREDENTIALS),
            new Key("apigee-gke:microgatewayServicesHost", GATEWAY_PATTERNS, Kind.HOST, "edgemicroservices-us-east-1.apigee.net", 253, 0, 0,
                    List.of("https://edgemicroservices.apigee.net", "edgemicroservices.apigee.net/edgemicro", "edgemicroservices"),
                    OWN_CREDENTIALS),
            new Key("apigee-gke:edgemicroPublicKey", GATEWAY_PATTERNS, Kind.STRING, "-----BEGIN PUBLIC KEY-----", 0, 0, 0,
                    List.of("not a key", "-----BEGIN PRIVATE KEY-----\nMIIEvQ\n-----END PRIVATE KEY-----\n", "ssh-rsa AAAAB3NzaC1yc2E"),
                    OWN_CREDENTIALS));

    private StackKeys() {
    }

    /** The keys {@code pattern} reads. */
    static List<Key> of(String pattern) {
        return ALL.stream().filter(k -> k.readBy(pattern)).toList();
    }

    private static Key key(String name, Set<String> patterns, Kind kind, Object example, int maxLength, List<?> refused) {
        return new Key(name, patterns, kind, example, maxLength, 0, 0, refused, Map.of());
    }

    private static Key key(String name, Set<String> patterns, Kind kind, Object example, List<?> refused) {
        return key(name, patterns, kind, example, 0, refused);
    }

    private static Key key(String name, Set<String> patterns, Kind kind, long example, long min, long max, List<?> refused) {
        return new Key(name, patterns, kind, example, 0, min, max, refused, Map.of());
    }

    private static Map<String, Object> context(Object... entries) {
        var map = new LinkedHashMap<String, Object>();
        for (int i = 0; i < entries.length; i += 2) {
            map.put((String) entries[i], entries[i + 1]);
        }
        return map;
    }
}
