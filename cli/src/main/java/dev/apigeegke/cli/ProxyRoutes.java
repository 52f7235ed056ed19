package dev.apigeegke.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.pulumi.gcp.container.Cluster;
import dev.apigeegke.apigee.resources.ApiProxy;
import dev.apigeegke.apigee.resources.TargetServer;
import dev.apigeegke.cluster.GkeCluster;
import dev.apigeegke.preview.TypeTokens;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipInputStream;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.xml.sax.SAXException;

/**
 * How a plan's proxies reach its clusters, read from the resources alone: a proxy's bundle balances over target
 * servers ({@code <LoadBalancer>}: algorithm, weights, fallback), each target server's host comes from one Ingress's
 * address, and each Kubernetes object runs on the cluster whose provider it uses.
 */
final class ProxyRoutes {
    static final String API_PROXY = TypeTokens.of(ApiProxy.class);
    static final String TARGET_SERVER = TypeTokens.of(TargetServer.class);
    static final String GKE_CLUSTER = GkeCluster.TYPE;
    static final String CLUSTER = TypeTokens.of(Cluster.class);

    /** One server of a proxy's load balancer; {@code weight} is null unless the algorithm is Weighted. */
    record Route(String algorithm, Integer weight, boolean fallback, boolean drained) {
        /** What the proxy's edge to the server says: its weight, that it is the fallback or drained; empty for none. */
        String label() {
            var parts = new ArrayList<String>();
            if (drained) {
                parts.add("drained");
            } else if (weight != null) {
                parts.add("weight " + weight);
            }
            if (fallback) {
                parts.add("fallback");
            }
            return String.join(", ", parts);
        }
    }

    private final Map<String, JsonNode> byUrn;
    private final Map<String, String> parents;

    ProxyRoutes(Map<String, JsonNode> byUrn, Map<String, String> parents) {
        this.byUrn = byUrn;
        this.parents = parents;
    }

    /**
     * The routes of the proxy component {@code proxy}, by the component whose address each target server calls (an
     * ArmoredIngress); empty when its load balancer has fewer than two servers, as a single target's proxy has.
     */
    Map<String, Route> of(String proxy) {
        var routes = new HashMap<String, Route>();
        for (var bundle : children(proxy, API_PROXY)) {
            var servers = servers(byUrn.get(bundle).path("inputs").path("bundle").asText(""));
            if (servers.size() < 2) {
                continue;
            }
            for (String ts : children(proxy, TARGET_SERVER)) {
                var server = byUrn.get(ts);
                var route = servers.get(server.path("inputs").path("name").asText());
                if (route == null) {
                    continue;
                }
                boolean drained = server.path("inputs").path("enabled").isBoolean() && !server.path("inputs").path("enabled").asBoolean();
                var withState = new Route(route.algorithm(), route.weight(), route.fallback(), drained);
                server.path("dependencies").path("inputs").path("host")
                        .forEach(address -> Optional.ofNullable(parents.get(address.asText())).ifPresent(owner -> routes.put(owner, withState)));
            }
        }
        return routes;
    }

    /**
     * The GkeCluster component a resource runs on: a Kubernetes object's provider is its child; a component runs on
     * its children's cluster. Null when none says.
     */
    String clusterOf(String urn) {
        var r = byUrn.get(urn);
        if (r == null) {
            return null;
        }
        String provider = r.path("provider").asText("");
        if (byUrn.containsKey(provider) && parents.containsKey(provider)
                && GKE_CLUSTER.equals(byUrn.get(parents.get(provider)).path("type").asText())) {
            return parents.get(provider);
        }
        for (var e : parents.entrySet()) {
            if (e.getValue().equals(urn) && byUrn.get(e.getKey()).path("provider").isTextual()) {
                String c = clusterOf(e.getKey());
                if (c != null) {
                    return c;
                }
            }
        }
        return null;
    }

    /** A cluster's name and location ({@code apigee-p1-eu, europe-west1}), from its GKE Cluster resource. */
    String describe(String gkeCluster) {
        String name = byUrn.get(gkeCluster).path("name").asText();
        return children(gkeCluster, CLUSTER).stream().map(c -> byUrn.get(c).path("inputs").path("location"))
                .filter(JsonNode::isTextual).findFirst().map(l -> name + ", " + l.asText()).orElse(name);
    }

    private List<String> children(String parent, String type) {
        return byUrn.values().stream().filter(r -> parent.equals(r.path("parent").asText()) && type.equals(r.path("type").asText()))
                .map(r -> r.path("urn").asText()).toList();
    }

    /** The load balancer's servers in a bundle's target endpoints, by name; empty when it cannot be read. */
    static Map<String, Route> servers(String base64) {
        var servers = new HashMap<String, Route>();
        if (base64.isEmpty() || base64.startsWith("[")) {
            return servers;
        }
        var factory = DocumentBuilderFactory.newInstance();
        try (var in = new ZipInputStream(new ByteArrayInputStream(Base64.getDecoder().decode(base64)))) {
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            for (var entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                if (!entry.getName().startsWith("apiproxy/targets/") || !entry.getName().endsWith(".xml")) {
                    continue;
                }
                var doc = factory.newDocumentBuilder().parse(new ByteArrayInputStream(in.readAllBytes()));
                var balancers = doc.getElementsByTagName("LoadBalancer");
                for (int i = 0; i < balancers.getLength(); i++) {
                    var lb = (Element) balancers.item(i);
                    String algorithm = text(lb, "Algorithm").orElse("RoundRobin");
                    var list = lb.getElementsByTagName("Server");
                    for (int j = 0; j < list.getLength(); j++) {
                        var s = (Element) list.item(j);
                        Integer weight = "Weighted".equals(algorithm) ? text(s, "Weight").map(Integer::valueOf).orElse(1) : null;
                        servers.put(s.getAttribute("name"), new Route(algorithm, weight,
                                text(s, "IsFallback").map(Boolean::parseBoolean).orElse(false), false));
                    }
                }
            }
        } catch (IOException | IllegalArgumentException | ParserConfigurationException | SAXException e) {
            return Map.of();
        }
        return servers;
    }

    private static Optional<String> text(Element parent, String tag) {
        var list = parent.getElementsByTagName(tag);
        return list.getLength() == 0 ? Optional.empty() : Optional.of(list.item(0).getTextContent().strip());
    }
}
