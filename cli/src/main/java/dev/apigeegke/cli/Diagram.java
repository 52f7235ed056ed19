package dev.apigeegke.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.pulumi.gcp.compute.SecurityPolicy;
import com.pulumi.kubernetes.apps.v1.Deployment;
import com.pulumi.kubernetes.networking.v1.Ingress;
import dev.apigeegke.apigee.ApigeeProxy;
import dev.apigeegke.apigee.resources.ApiProduct;
import dev.apigeegke.apigee.resources.ApiProxy;
import dev.apigeegke.microgateway.MicrogatewayService;
import dev.apigeegke.microgateway.MicrogatewaySidecar;
import dev.apigeegke.preview.TypeTokens;
import dev.apigeegke.workload.Microservice;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A Mermaid flowchart of the request path a plan deploys, drawn from its resources: client → Apigee proxies →
 * Cloud Armor → Ingress → Microgateway (a shared gateway or a sidecar per service) → services. Node ids come
 * from resource types and names, so the same plan gives the same text; nodes holding a changed resource get
 * {@code classDef changed}. With several clusters each Ingress names its cluster and location and fronts that
 * cluster's services, and a proxy balancing over them labels its edges with the weights, the fallback and any drained
 * cluster, all read from the plan ({@link ProxyRoutes}).
 */
final class Diagram {
    static final String PROXY = ApigeeProxy.TYPE;
    static final String GATEWAY = MicrogatewayService.TYPE;
    static final String SIDECAR = MicrogatewaySidecar.TYPE;
    static final String SERVICE = Microservice.TYPE;
    static final String ARMOR = TypeTokens.of(SecurityPolicy.class);
    static final String INGRESS = TypeTokens.of(Ingress.class);
    static final String DEPLOYMENT = TypeTokens.of(Deployment.class);
    static final String API_PROXY = TypeTokens.of(ApiProxy.class);
    static final String API_PRODUCT = TypeTokens.of(ApiProduct.class);
    /** The Apigee provider's package: every resource it manages. */
    static final String APIGEE = TypeTokens.packageOf(API_PROXY);

    private final Map<String, JsonNode> byUrn = new TreeMap<>();
    private final Map<String, String> parents = new HashMap<>();
    private final Set<String> changed;
    private final Map<String, String> nodes = new LinkedHashMap<>();
    private final Set<String> edges = new LinkedHashSet<>();
    private final Set<String> highlighted = new LinkedHashSet<>();
    private final ProxyRoutes routes;

    private Diagram(JsonNode plan, Set<String> changed) {
        this.changed = changed;
        plan.path("resources").forEach(r -> {
            byUrn.put(r.get("urn").asText(), r);
            if (r.path("parent").isTextual()) {
                parents.put(r.get("urn").asText(), r.get("parent").asText());
            }
        });
        routes = new ProxyRoutes(byUrn, parents);
    }

    /** The flowchart of {@code plan} (a plan.json tree), highlighting the nodes that hold a URN in {@code changed}. */
    static String of(JsonNode plan, Set<String> changed) {
        return new Diagram(plan, changed).draw();
    }

    private String draw() {
        String client = "client";
        nodes.put(client, client + "([\"Client\"])");
        var gateways = node(GATEWAY, "Microgateway service");
        var sidecars = node(SIDECAR, "Microgateway sidecar");
        var services = services();
        boolean microgateway = !gateways.isEmpty() || !sidecars.isEmpty();
        // With a Microgateway the Apigee proxies and products are its configuration, not a hop on the path.
        var proxies = microgateway ? Map.<String, String>of() : node(PROXY, "Apigee proxy");
        var apigee = new ArrayList<String>();
        List<String> entry = List.of(client);
        if (!microgateway && !proxies.isEmpty()) {
            proxies.values().forEach(p -> edge(client, "-->", p));
            entry = List.copyOf(proxies.values());
        } else if (microgateway) {
            apigee.addAll(apigeeConfig());
        }
        var ingresses = new LinkedHashMap<String, String>();
        // Several clusters: each Ingress is labelled with its cluster and fronts that cluster's services only.
        boolean clusters = ofType(INGRESS).stream().map(routes::clusterOf).filter(c -> c != null).distinct().count() > 1;
        var balanced = new HashMap<String, ProxyRoutes.Route>();
        proxies.forEach((urn, id) -> {
            var byOwner = routes.of(urn);
            byOwner.forEach((owner, route) -> balanced.put(id + " " + owner, route));
            byOwner.values().stream().findFirst().ifPresent(r -> nodeFor(urn, "Apigee proxy", "[", "]",
                    "<br/>" + r.algorithm() + " over " + byOwner.size() + " targets"));
        });
        for (var ingress : ofType(INGRESS)) {
            String cluster = clusters ? routes.clusterOf(ingress) : null;
            String id = nodeFor(ingress, "GKE Ingress (HTTP(S) load balancer)", "[", "]",
                    cluster == null ? "" : "<br/>cluster " + escape(routes.describe(cluster)));
            ingresses.put(ingress, id);
            var armors = ofType(ARMOR).stream().filter(a -> same(parents.get(a), parents.get(ingress))).toList();
            if (armors.isEmpty()) {
                entry.forEach(e -> routed(e, parents.get(ingress), id, balanced));
            }
            for (var armor : armors) {
                String a = nodeFor(armor, "Cloud Armor", "{{", "}}");
                entry.forEach(e -> routed(e, parents.get(ingress), a, balanced));
                edge(a, "-->", id);
            }
        }
        ingresses.forEach((ingressUrn, ingress) -> {
            gateways.forEach((g, gateway) -> {
                if (onCluster(clusters, ingressUrn, g)) {
                    edge(ingress, "-->", gateway);
                }
            });
            var fronted = new LinkedHashSet<String>();
            sidecars.forEach((sidecarUrn, sidecar) -> services.forEach((serviceUrn, service) -> {
                if (references(serviceUrn, name(sidecarUrn)) && onCluster(clusters, ingressUrn, serviceUrn)) {
                    edge(ingress, "-->", sidecar);
                    edge(sidecar, "-->", service);
                    fronted.add(service);
                }
            }));
            if (gateways.isEmpty()) {
                services.forEach((serviceUrn, s) -> {
                    if (!fronted.contains(s) && onCluster(clusters, ingressUrn, serviceUrn)) {
                        edge(ingress, "-->", s);
                    }
                });
            }
        });
        gateways.values().forEach(g -> services.values().forEach(s -> edge(g, "-->", s)));
        for (String config : apigee) {
            gateways.values().forEach(g -> edge(config, "-.->", g));
            sidecars.values().forEach(s -> edge(config, "-.->", s));
        }
        var out = new StringBuilder("flowchart LR\n");
        nodes.values().forEach(n -> out.append("  ").append(n).append('\n'));
        edges.forEach(e -> out.append("  ").append(e).append('\n'));
        out.append("  classDef changed fill:#fff3b0,stroke:#d97706,stroke-width:3px\n");
        if (!highlighted.isEmpty()) {
            out.append("  class ").append(String.join(",", highlighted)).append(" changed\n");
        }
        return out.toString();
    }

    /** The Apigee resources a gateway loads (proxies, products): one node, off the request path. */
    private List<String> apigeeConfig() {
        var apigee = byUrn.values().stream().filter(r -> TypeTokens.packageOf(r.get("type").asText()).equals(APIGEE)).toList();
        if (apigee.isEmpty()) {
            return List.of();
        }
        long proxies = apigee.stream().filter(r -> r.get("type").asText().equals(API_PROXY)).count();
        long products = apigee.stream().filter(r -> r.get("type").asText().equals(API_PRODUCT)).count();
        String id = "apigee_config";
        nodes.put(id, id + "[/\"Apigee organization<br/>" + count(proxies, "proxy", "proxies") + ", " + count(products, "product", "products") + "\"/]");
        if (apigee.stream().anyMatch(r -> isChanged(r.get("urn").asText()))) {
            highlighted.add(id);
        }
        return List.of(id);
    }

    /** One node per Microservice component (or per Deployment outside any gateway, when there are none). */
    private Map<String, String> services() {
        var services = node(SERVICE, "Service");
        if (services.isEmpty()) {
            for (var d : ofType(DEPLOYMENT)) {
                if (!within(d, GATEWAY)) {
                    services.put(d, nodeFor(d, "Service", "[", "]"));
                }
            }
        }
        return services;
    }

    private Map<String, String> node(String type, String label) {
        var ids = new LinkedHashMap<String, String>();
        for (String urn : ofType(type)) {
            ids.put(urn, nodeFor(urn, label, "[", "]"));
        }
        return ids;
    }

    private String nodeFor(String urn, String label, String open, String close) {
        return nodeFor(urn, label, open, close, "");
    }

    /** The node of {@code urn}: its label, its name, then {@code more} (markup, escaped already). */
    private String nodeFor(String urn, String label, String open, String close, String more) {
        String id = id(byUrn.get(urn).get("type").asText(), name(urn));
        nodes.put(id, id + open + "\"" + label + "<br/>" + escape(name(urn)) + more + "\"" + close);
        if (isChanged(urn)) {
            highlighted.add(id);
        }
        return id;
    }

    /** A node id from the type's last segment and the resource name: {@code SecurityPolicy_apigee_p1_ingress_armor}. */
    static String id(String type, String name) {
        String kind = type.substring(type.lastIndexOf(':') + 1);
        return (kind + "_" + name).replaceAll("[^A-Za-z0-9_]", "_");
    }

    private static String escape(String label) {
        return label.replace("\"", "#quot;").replace("<", "#lt;").replace(">", "#gt;");
    }

    /** Whether the resource or anything under it changed. */
    private boolean isChanged(String urn) {
        for (String c : changed) {
            for (String u = c; u != null; u = parents.get(u)) {
                if (u.equals(urn)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether a resource under {@code urn} names {@code name} (a sidecar's Secret in the pod spec, say). */
    private boolean references(String urn, String name) {
        for (var r : byUrn.values()) {
            if (isAncestor(urn, r.get("urn").asText()) && mentions(r.path("inputs"), name)) {
                return true;
            }
        }
        return false;
    }

    private static boolean mentions(JsonNode value, String name) {
        if (value.isTextual()) {
            return value.asText().equals(name) || value.asText().startsWith(name + "-");
        }
        for (JsonNode child : value) {
            if (mentions(child, name)) {
                return true;
            }
        }
        return false;
    }

    private boolean within(String urn, String componentType) {
        for (String u = parents.get(urn); u != null; u = parents.get(u)) {
            if (byUrn.containsKey(u) && byUrn.get(u).get("type").asText().equals(componentType)) {
                return true;
            }
        }
        return false;
    }

    private boolean isAncestor(String ancestor, String urn) {
        for (String u = urn; u != null; u = parents.get(u)) {
            if (u.equals(ancestor)) {
                return true;
            }
        }
        return false;
    }

    private List<String> ofType(String type) {
        return byUrn.values().stream().filter(r -> r.get("type").asText().equals(type))
                .map(r -> r.get("urn").asText()).toList();
    }

    private String name(String urn) {
        return byUrn.get(urn).get("name").asText();
    }

    private static String count(long n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }

    private static boolean same(String a, String b) {
        return a != null && a.equals(b);
    }

    private void edge(String from, String arrow, String to) {
        edges.add(from + " " + arrow + " " + to);
    }

    /**
     * The edge from {@code from} (a proxy, or the client) to the first hop of {@code owner} (an ArmoredIngress): with
     * its weight when the proxy balances over several, dotted for the fallback and a drained cluster.
     */
    private void routed(String from, String owner, String to, Map<String, ProxyRoutes.Route> balanced) {
        var route = balanced.get(from + " " + owner);
        if (route == null) {
            edge(from, "-->", to);
            return;
        }
        String label = route.label();
        String arrow = route.fallback() || route.drained() ? "-.->" : "-->";
        edge(from, label.isEmpty() ? arrow : arrow + "|\"" + label + "\"|", to);
    }

    /** Whether two resources run on the same cluster, as far as the plan says; always with a single cluster. */
    private boolean onCluster(boolean clusters, String a, String b) {
        if (!clusters) {
            return true;
        }
        String ca = routes.clusterOf(a);
        String cb = routes.clusterOf(b);
        return ca == null || cb == null || ca.equals(cb);
    }
}
