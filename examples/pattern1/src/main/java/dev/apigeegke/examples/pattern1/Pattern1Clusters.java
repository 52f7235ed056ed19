package dev.apigeegke.examples.pattern1;

import com.fasterxml.jackson.databind.JsonNode;
import dev.apigeegke.apigee.ProxyTarget;
import dev.apigeegke.apigee.bundle.HealthMonitor;
import dev.apigeegke.apigee.bundle.LoadBalancing;
import dev.apigeegke.core.Names;
import dev.apigeegke.core.Problems;
import dev.apigeegke.examples.common.ClusterSettings;
import dev.apigeegke.examples.common.StackReader;
import dev.apigeegke.internal.config.NodeScaling;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Pattern 1 across several clusters ({@code apigee-gke:clusters}): each cluster has its services and armored Ingress,
 * and the one proxy balances over their Ingresses. Empty {@link #clusters()}: the single-cluster stack.
 *
 * @param clusters  the clusters, in the order the stack lists them (the load balancer's order)
 * @param balancing how the proxy balances over them ({@code apigee-gke:loadBalancer}, {@code maxFailures},
 *                  {@code healthPath}, {@code healthIntervalSec})
 * @param fallback  the cluster that serves only while every other is out of rotation ({@code apigee-gke:fallbackCluster})
 */
public record Pattern1Clusters(List<Cluster> clusters, LoadBalancing balancing, Optional<String> fallback) {
    /** The key that lists the clusters. */
    public static final String KEY = StackReader.NAMESPACE + ":clusters";
    static final int DEFAULT_MAX_FAILURES = 3;
    private static final String NAMESPACE = StackReader.NAMESPACE;
    private static final Set<String> FIELDS = Set.of("name", "location", "prefix", "weight", "domains", "services",
            "nodesPerZone", "machineType", "autoscaling", "minNodes", "maxNodes");
    private static final Set<String> SERVICE_FIELDS = Set.of("name", "image", "path");
    private static final List<String> LOAD_BALANCING_KEYS = List.of("loadBalancer", "maxFailures", "fallbackCluster",
            "healthPath", "healthIntervalSec");
    private static final String EXAMPLE = """
                    - name: eu
                      location: europe-west1
                    - name: us
                      location: us-central1
                      weight: 2""";

    /**
     * One of the clusters.
     *
     * @param name     {@code name}: the cluster's short name, its target's name on Apigee
     * @param cluster  the cluster's settings; its prefix ({@code prefix}, default {@code <apigee-gke:prefix>-<name>})
     *                 names the cluster and every resource of its own
     * @param weight   {@code weight}: its share of the requests with {@code Weighted}; 0 drains it (default 1)
     * @param services {@code services}: the services it runs (default: the sample services)
     * @param domains  {@code domains}: HTTPS on these domains, each resolving to this cluster's Ingress (default none)
     * @param keys     the stack key each cluster setting came from ({@code location}, {@code prefix},
     *                 {@code nodesPerZone}, ...): the cluster's own, or the single-cluster key it defaults to
     */
    public record Cluster(String name, ClusterSettings cluster, int weight, List<Pattern1.Service> services, List<String> domains,
                          Map<String, String> keys) {
        /** The stack key of this cluster's {@code field}, e.g. {@code apigee-gke:clusters[1].weight}. */
        static String key(int index, String field) {
            return KEY + "[" + index + "]" + (field.isEmpty() ? "" : "." + field);
        }

        /** The cluster as a target of the proxy. */
        ProxyTarget target(Optional<String> fallback) {
            return new ProxyTarget(name, weight, fallback.filter(name::equals).isPresent());
        }
    }

    /** No clusters listed: the single-cluster stack. */
    static Pattern1Clusters none() {
        return new Pattern1Clusters(List.of(), LoadBalancing.SINGLE, Optional.empty());
    }

    /** Whether the stack lists its clusters. */
    public boolean multi() {
        return !clusters.isEmpty();
    }

    /** The proxy's targets, one per cluster in the stack's order. */
    List<ProxyTarget> targets() {
        return clusters.stream().map(c -> c.target(fallback)).toList();
    }

    /**
     * Reads {@code apigee-gke:clusters} and the load-balancing keys, recording every problem in {@code stack}: each
     * cluster's settings default to the single-cluster keys ({@code location}, {@code nodesPerZone}, ...) of
     * {@code config}, and the load-balancing keys need a list of clusters.
     */
    static Pattern1Clusters read(StackReader stack, Pattern1Config config, List<Pattern1.Service> samples) {
        var problems = stack.problems;
        var own = stack.own;
        var tree = own.tree("clusters", EXAMPLE);
        String algorithmText = own.string("loadBalancer", "RoundRobin");
        var maxFailures = own.integer("maxFailures");
        var fallback = own.string("fallbackCluster");
        var healthPath = own.string("healthPath");
        var interval = own.integer("healthIntervalSec");
        if (tree.isEmpty() || tree.get().isArray() && tree.get().isEmpty()) {
            for (String key : LOAD_BALANCING_KEYS) {
                problems.check(!stack.isSet(key), NAMESPACE + ":" + key, own.rawValue(key).orElse(null),
                        "load balancing is across clusters: list them in " + KEY + ", or remove this key");
            }
            return none();
        }
        if (!tree.get().isArray()) {
            problems.add(KEY, shown(tree.get()), "a list of clusters, e.g. in Pulumi.<stack>.yaml:\n      " + KEY + ":\n" + EXAMPLE);
            return none();
        }
        for (String key : List.of("domains")) {
            problems.check(!stack.isSet(key), NAMESPACE + ":" + key, own.list(key),
                    "each cluster's Ingress has its own certificate and address: set " + KEY + "[i].domains instead");
        }
        var clusters = new ArrayList<Cluster>();
        int index = 0;
        for (JsonNode entry : tree.get()) {
            clusters.add(cluster(problems, config, samples, index++, entry));
        }
        checkNames(problems, clusters);
        var algorithm = algorithm(problems, algorithmText);
        checkWeights(problems, clusters, algorithm, fallback);
        checkServices(problems, clusters);
        String path = healthPath.orElse(clusters.get(0).services().isEmpty() ? "/" : clusters.get(0).services().get(0).path());
        checkHealthPath(problems, clusters, healthPath.isPresent(), path);
        boolean tls = !clusters.get(0).domains().isEmpty();
        var monitor = HealthMonitor.http(path, tls).everySeconds(interval.orElse(HealthMonitor.DEFAULT_INTERVAL_SEC));
        var balancing = LoadBalancing.of(algorithm, maxFailures.orElse(DEFAULT_MAX_FAILURES), monitor);
        return new Pattern1Clusters(List.copyOf(clusters), balancing, fallback);
    }

    private static Cluster cluster(Problems problems, Pattern1Config config, List<Pattern1.Service> samples, int i, JsonNode entry) {
        if (!entry.isObject()) {
            problems.add(Cluster.key(i, ""), shown(entry), "a cluster: {name: eu, location: europe-west1}");
            return new Cluster("cluster-" + i, config.cluster(), 1, samples, List.of(), Map.of());
        }
        for (Iterator<String> names = entry.fieldNames(); names.hasNext(); ) {
            String field = names.next();
            problems.check(FIELDS.contains(field), Cluster.key(i, field), shown(entry.get(field)),
                    "not a cluster setting: a cluster takes " + String.join(", ", FIELDS.stream().sorted().toList()));
        }
        var fields = new Fields(problems, i, entry);
        String name = fields.string("name").orElse(null);
        if (name == null) {
            problems.add(Cluster.key(i, "name"), null, "name the cluster, e.g. eu: its target on Apigee and its resources' prefix");
            name = "cluster-" + i;
        } else if (!Names.isLabel(name)) {
            problems.add(Cluster.key(i, "name"), name, "lowercase letters, digits and '-', starting with a letter");
        }
        String location = fields.string("location").orElse(config.location());
        String prefix = fields.string("prefix").orElse(config.prefix() + "-" + name);
        var defaults = config.scaling();
        var scaling = new NodeScaling(fields.bool("autoscaling").orElse(defaults.autoscaling()),
                fields.integer("minNodes").or(defaults::minNodes), fields.integer("maxNodes").or(defaults::maxNodes));
        var settings = new ClusterSettings(prefix, config.project(), location,
                fields.integer("nodesPerZone").or(config::nodesPerZone), fields.string("machineType").or(config::machineType),
                config.deletionProtection(), scaling);
        int weight = fields.integer("weight").orElse(1);
        var keys = new HashMap<String, String>();
        keys.put("location", entry.has("location") ? Cluster.key(i, "location")
                : config.location().equals(config.region()) && !config.location().isEmpty() ? "gcp:region" : NAMESPACE + ":location");
        // A prefix made of apigee-gke:prefix and the name: a problem with it is the longer part's.
        keys.put("prefix", entry.has("prefix") ? Cluster.key(i, "prefix")
                : config.prefix().length() >= name.length() ? NAMESPACE + ":prefix" : Cluster.key(i, "name"));
        for (String setting : List.of("nodesPerZone", "machineType", "minNodes", "maxNodes")) {
            keys.put(setting, entry.has(setting) ? Cluster.key(i, setting) : NAMESPACE + ":" + setting);
        }
        return new Cluster(name, settings, weight, services(problems, samples, i, entry.get("services")), fields.strings("domains"),
                Map.copyOf(keys));
    }

    private static List<Pattern1.Service> services(Problems problems, List<Pattern1.Service> samples, int i, JsonNode list) {
        if (list == null) {
            return samples;
        }
        String key = Cluster.key(i, "services");
        if (!list.isArray() || list.isEmpty()) {
            problems.add(key, list.toString(), "a list of services, each {name: orders, image: <pinned image>, path: /orders}");
            return samples;
        }
        var services = new ArrayList<Pattern1.Service>();
        for (int j = 0; j < list.size(); j++) {
            var service = list.get(j);
            String at = key + "[" + j + "]";
            if (!service.isObject()) {
                problems.add(at, shown(service), "a service: {name: orders, image: <pinned image>, path: /orders}");
                continue;
            }
            for (Iterator<String> names = service.fieldNames(); names.hasNext(); ) {
                String field = names.next();
                problems.check(SERVICE_FIELDS.contains(field), at + "." + field, shown(service.get(field)),
                        "not a service setting: a service takes image, name and path");
            }
            String[] values = new String[3];
            int k = 0;
            for (String field : List.of("name", "image", "path")) {
                var value = service.get(field);
                if (value == null || !value.isTextual() || value.asText().isBlank()) {
                    problems.add(at + "." + field, value == null ? null : shown(value), switch (field) {
                        case "name" -> "the service's name, e.g. orders";
                        case "image" -> "the container image, pinned by tag or digest";
                        default -> "the path prefix the Ingress routes to it, e.g. /orders";
                    });
                }
                values[k++] = value == null ? null : value.asText();
            }
            services.add(new Pattern1.Service(values[0], values[1], values[2]));
        }
        return services;
    }

    /** Duplicate names, and prefixes two clusters share (GKE's per-location names, the project's global ones). */
    private static void checkNames(Problems problems, List<Cluster> clusters) {
        var byName = new HashMap<String, Integer>();
        var byPrefix = new HashMap<String, Integer>();
        for (int i = 0; i < clusters.size(); i++) {
            var c = clusters.get(i);
            Integer first = byName.putIfAbsent(c.name(), i);
            if (first != null) {
                problems.add(Cluster.key(i, "name"), c.name(), "the name of " + Cluster.key(first, "") + " too: name each cluster once");
                continue;
            }
            Integer same = byPrefix.putIfAbsent(c.cluster().prefix(), i);
            if (same != null) {
                var other = clusters.get(same).cluster();
                String why = other.location().equals(c.cluster().location())
                        ? "GKE names clusters uniquely per location, and " + Cluster.key(same, "") + " is cluster "
                                + c.cluster().prefix() + " in " + c.cluster().location() + " too"
                        : Cluster.key(same, "") + " (in " + other.location() + ") has this prefix too, and the static IP, Cloud "
                                + "Armor policy and node service account it names are unique in the whole project";
                problems.add(Cluster.key(i, "prefix"), c.cluster().prefix(), why + ": give each cluster its own prefix");
            }
        }
    }

    private static LoadBalancing.Algorithm algorithm(Problems problems, String text) {
        for (var algorithm : LoadBalancing.Algorithm.values()) {
            if (algorithm.xml().equals(text)) {
                return algorithm;
            }
        }
        problems.add(NAMESPACE + ":loadBalancer", text, "RoundRobin (each cluster in turn), Weighted (by each cluster's weight) "
                + "or LeastConnections (the cluster with the fewest open connections)");
        // The stand-in that takes any weight: the weights are not wrong for an algorithm the stack did not name.
        return LoadBalancing.Algorithm.WEIGHTED;
    }

    private static void checkWeights(Problems problems, List<Cluster> clusters, LoadBalancing.Algorithm algorithm,
                                     Optional<String> fallback) {
        boolean negative = false;
        for (int i = 0; i < clusters.size(); i++) {
            int weight = clusters.get(i).weight();
            if (weight < 0) {
                negative = true;
                problems.add(Cluster.key(i, "weight"), weight, "0 (drained: no requests, the cluster kept) or more");
            } else if (weight > 1 && algorithm != LoadBalancing.Algorithm.WEIGHTED) {
                problems.add(Cluster.key(i, "weight"), weight, "weights split the traffic with " + NAMESPACE
                        + ":loadBalancer Weighted only: set it, or give this cluster 1 (0 drains it)");
            }
        }
        fallback.ifPresent(f -> problems.check(clusters.stream().anyMatch(c -> c.name().equals(f)), NAMESPACE + ":fallbackCluster", f,
                "the name of one of " + KEY + ": " + clusters.stream().map(Cluster::name).toList()));
        if (fallback.isPresent() && clusters.size() == 1) {
            problems.add(NAMESPACE + ":fallbackCluster", fallback.get(), "a fallback stands in for other clusters: with one "
                    + "cluster, remove it");
        }
        boolean serving = clusters.stream().anyMatch(c -> c.weight() > 0 && fallback.filter(c.name()::equals).isEmpty());
        if (!negative && !serving) {
            problems.add(KEY, clusters.stream().map(c -> c.name() + ": weight " + c.weight()).toList(),
                    "give at least one cluster (other than the fallback) a weight above 0: with every one drained, no "
                            + "request has anywhere to go");
        }
    }

    /** Every cluster serves the same paths: the proxy sends any request to any cluster in rotation. */
    private static void checkServices(Problems problems, List<Cluster> clusters) {
        var paths = clusters.get(0).services().stream().map(Pattern1.Service::path).sorted().toList();
        for (int i = 1; i < clusters.size(); i++) {
            var own = clusters.get(i).services().stream().map(Pattern1.Service::path).sorted().toList();
            problems.check(own.equals(paths), Cluster.key(i, "services"), own,
                    "the paths " + paths + " of " + Cluster.key(0, "services") + ": the proxy balances every request over "
                            + "every cluster, so each serves the same paths (its own images and names are fine)");
        }
        boolean tls = !clusters.get(0).domains().isEmpty();
        for (int i = 1; i < clusters.size(); i++) {
            problems.check(clusters.get(i).domains().isEmpty() != tls, Cluster.key(i, "domains"), clusters.get(i).domains(),
                    tls ? "domains of its own, as " + Cluster.key(0, "domains") + ": the proxy calls every cluster over HTTPS or every one over HTTP"
                            : "none, as " + Cluster.key(0, "") + ": the proxy calls every cluster over HTTP or every one over HTTPS");
        }
    }

    /** The health path is one every cluster's Ingress routes to a service (the Ingress's default backend answers 404). */
    private static void checkHealthPath(Problems problems, List<Cluster> clusters, boolean set, String path) {
        boolean routed = clusters.get(0).services().stream().map(Pattern1.Service::path)
                .anyMatch(p -> path.equals(p) || path.startsWith(p.endsWith("/") ? p : p + "/"));
        if (set) {
            problems.check(routed, NAMESPACE + ":healthPath", path, "a path the Ingresses route to a service, under one of "
                    + clusters.get(0).services().stream().map(Pattern1.Service::path).toList()
                    + " (any other path reaches the Ingress's default backend, which answers 404)");
        }
    }

    /** A value as the stack file wrote it: a string as itself (the report quotes it), anything else as JSON. */
    private static String shown(JsonNode value) {
        return value.isTextual() ? value.asText() : value.toString();
    }

    /** A cluster entry's fields, each type checked under its stack key. */
    private record Fields(Problems problems, int index, JsonNode entry) {
        Optional<String> string(String field) {
            var value = entry.get(field);
            if (value == null) {
                return Optional.empty();
            }
            if (!value.isTextual() || value.asText().isBlank()) {
                problems.add(Cluster.key(index, field), value.toString(), "a string");
                return Optional.empty();
            }
            return Optional.of(value.asText());
        }

        Optional<Integer> integer(String field) {
            var value = entry.get(field);
            if (value == null) {
                return Optional.empty();
            }
            if (value.canConvertToInt() && (value.isIntegralNumber() || value.isNumber() && value.asDouble() == Math.rint(value.asDouble()))) {
                return Optional.of(value.asInt());
            }
            if (value.isTextual() && value.asText().matches("[+-]?[0-9]{1,9}")) {
                return Optional.of(Integer.parseInt(value.asText()));
            }
            problems.add(Cluster.key(index, field), shown(value), "a whole number");
            return Optional.empty();
        }

        Optional<Boolean> bool(String field) {
            var value = entry.get(field);
            if (value == null) {
                return Optional.empty();
            }
            if (value.isBoolean() || value.isTextual() && Set.of("true", "false").contains(value.asText())) {
                return Optional.of(value.isBoolean() ? value.asBoolean() : Boolean.parseBoolean(value.asText()));
            }
            problems.add(Cluster.key(index, field), shown(value), "true or false");
            return Optional.empty();
        }

        List<String> strings(String field) {
            var value = entry.get(field);
            if (value == null) {
                return List.of();
            }
            var list = new ArrayList<String>();
            if (value.isArray()) {
                value.forEach(v -> list.add(v.isTextual() ? v.asText() : null));
            }
            if (!value.isArray() || list.contains(null)) {
                problems.add(Cluster.key(index, field), value.toString(), "a list of strings, e.g. [api-eu.example.com]");
                return List.of();
            }
            return List.copyOf(list);
        }
    }

    /** The clusters by name, in the stack's order. */
    Map<String, Cluster> byName() {
        var byName = new java.util.LinkedHashMap<String, Cluster>();
        clusters.forEach(c -> byName.putIfAbsent(c.name(), c));
        return byName;
    }
}
