package dev.apigeegke.provider.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.apigeegke.provider.testing.Api.Reply;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Apigee's hosted Edge Microgateway service ({@code edgemicroservices.apigee.net}) as the gateway calls it: the
 * bootstrap, which lists the {@code edgemicro_*} proxies deployed in the environment, and the analytics upload. Both
 * take the gateway's key and secret (Basic) as {@code edgemicro configure} registered them.
 */
final class MicrogatewayServiceRoutes {
    static final String PREFIX = "edgemicro_";

    private final String org;
    private final ProxyRoutes proxies;
    private final GatewayCredentials credentials;
    /** Environment → the analytics records uploaded, in arrival order. */
    private final Map<String, List<JsonNode>> analytics = new LinkedHashMap<>();

    MicrogatewayServiceRoutes(String org, ProxyRoutes proxies, GatewayCredentials credentials) {
        this.org = org;
        this.proxies = proxies;
        this.credentials = credentials;
    }

    /** The records uploaded for {@code env}, oldest first. */
    List<JsonNode> analyticsRecords(String env) {
        return List.copyOf(analytics.getOrDefault(env, List.of()));
    }

    /**
     * The answer to {@code /edgemicro/{service}/organization/{org}/environment/{env}}, or null when the path is not
     * one of the services served here.
     */
    Reply route(GatewayCall c) {
        var s = c.segments();
        if (s.size() != 6 || !s.get(0).equals("edgemicro") || !s.get(2).equals("organization") || !s.get(4).equals("environment")) {
            return null;
        }
        String service = s.get(1);
        boolean bootstrap = service.equals("bootstrap") && c.method().equals("GET");
        boolean upload = service.equals("axpublisher") && c.method().equals("POST");
        if (!bootstrap && !upload) {
            return null;
        }
        String env = s.get(5);
        if (!s.get(3).equals(org) || !credentials.accept(env, c.authorization())) {
            // The service knows a key only for the organization and environment it was registered for.
            return GatewayCall.error(401, "unauthorized", "the key and secret are not registered for organization "
                    + s.get(3) + ", environment " + env);
        }
        return bootstrap ? bootstrap(env) : upload(env, c.json());
    }

    /**
     * {@code {"apiProxies": [{apiProxyName, revision, proxyEndpoint: {name, basePath}, targetEndpoint: {name, url}}]}},
     * what microgateway-config's loader reads (lib/network.js {@code _mapEdgeProxies}), for each {@code edgemicro_*}
     * proxy deployed in {@code env}, from the deployed revision's bundle.
     */
    private Reply bootstrap(String env) {
        ObjectNode body = Api.JSON.createObjectNode();
        ArrayNode list = body.putArray("apiProxies");
        for (String name : proxies.names()) {
            var revision = proxies.deployed(env, name);
            if (!name.startsWith(PREFIX) || revision.isEmpty()) {
                continue;
            }
            Bundles.route(proxies.bundle(name, revision.get())).ifPresent(route -> {
                ObjectNode proxy = list.addObject().put("apiProxyName", name).put("revision", String.valueOf(revision.get()));
                proxy.putObject("proxyEndpoint").put("name", route.proxyEndpoint()).put("basePath", route.basePath());
                proxy.putObject("targetEndpoint").put("name", route.targetEndpoint()).put("url", route.targetUrl());
            });
        }
        return Reply.ok(body);
    }

    /**
     * Keeps the records of {@code {"records": [...]}} and answers how many were taken: volos-analytics-apigee, the
     * gateway's uploader, returns the last {@code rejected} records to its buffer and treats an empty answer as a failure.
     */
    private Reply upload(String env, JsonNode body) {
        JsonNode records = body.path("records");
        if (!records.isArray()) {
            return GatewayCall.error(400, "invalid_request", "the body is not {\"records\": [...]}");
        }
        List<JsonNode> kept = analytics.computeIfAbsent(env, e -> new ArrayList<>());
        records.forEach(kept::add);
        return Reply.ok(Api.JSON.createObjectNode().put("accepted", records.size()).put("rejected", 0));
    }
}
