package dev.apigeegke.apigee.bundle;

import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import javax.annotation.Nullable;

/** The documents of a bundle, as {@link XmlElement} trees written by {@link XmlWriter}. */
final class BundleXml {
    static final String ENDPOINT = "default";
    /**
     * The 404 answer's body. Its braces would read as message-template variables, so the policy marks
     * variables with '@' and '#' instead.
     */
    static final String NOT_FOUND_PAYLOAD =
            "{\"error\":{\"code\":404,\"message\":\"No resource matches this path and method.\"}}";

    private BundleXml() {
    }

    static SortedMap<String, byte[]> files(ProxyModel model) {
        var files = new TreeMap<String, byte[]>();
        files.put("apiproxy/" + model.name() + ".xml", XmlWriter.write(descriptor(model)));
        files.put("apiproxy/proxies/" + ENDPOINT + ".xml", XmlWriter.write(proxyEndpoint(model)));
        files.put("apiproxy/targets/" + ENDPOINT + ".xml", XmlWriter.write(targetEndpoint(model)));
        for (Policy policy : model.policies()) {
            files.put(policyPath(policy.name()), XmlWriter.write(((PolicyBase) policy).toXml()));
        }
        if (model.rejectsUnknownRequests()) {
            files.put(policyPath(ProxyModel.UNKNOWN_REQUEST_POLICY), XmlWriter.write(notFound()));
        }
        return files;
    }

    private static String policyPath(String name) {
        return "apiproxy/policies/" + name + ".xml";
    }

    static XmlElement descriptor(ProxyModel model) {
        var names = new ArrayList<String>();
        model.policies().forEach(p -> names.add(p.name()));
        if (model.rejectsUnknownRequests()) {
            names.add(ProxyModel.UNKNOWN_REQUEST_POLICY);
        }
        names.sort(null);
        var policies = XmlElement.of("Policies");
        names.forEach(n -> policies.leaf("Policy", n));
        var proxy = XmlElement.of("APIProxy").attr("name", model.name())
                .leaf("Basepaths", model.basePath())
                .add(XmlElement.of("ConfigurationVersion").attr("majorVersion", 4).attr("minorVersion", 0));
        model.description().ifPresent(d -> proxy.leaf("Description", d));
        return proxy.leaf("DisplayName", model.name())
                .add(policies)
                .add(XmlElement.of("ProxyEndpoints").leaf("ProxyEndpoint", ENDPOINT))
                .add(XmlElement.of("Resources"))
                .add(XmlElement.of("TargetEndpoints").leaf("TargetEndpoint", ENDPOINT));
    }

    static XmlElement proxyEndpoint(ProxyModel model) {
        var endpoint = XmlElement.of("ProxyEndpoint").attr("name", ENDPOINT);
        model.description().ifPresent(d -> endpoint.leaf("Description", d));
        endpoint.add(phase("PreFlow", model.preFlow()));
        var flows = XmlElement.of("Flows");
        for (Flow flow : model.flows()) {
            flows.add(XmlElement.of("Flow").attr("name", flow.name())
                    .add(steps("Request", flow.policies()))
                    .add(XmlElement.of("Response"))
                    .leaf("Condition", flow.condition()));
        }
        if (model.rejectsUnknownRequests()) {
            // Last and unconditional: it runs only when no flow above matched.
            flows.add(XmlElement.of("Flow").attr("name", ProxyModel.UNKNOWN_REQUEST_FLOW)
                    .leaf("Description", "Answers 404 to requests no flow matches, without calling the target.")
                    .add(XmlElement.of("Request").add(step(ProxyModel.UNKNOWN_REQUEST_POLICY, null)))
                    .add(XmlElement.of("Response")));
        }
        endpoint.add(flows).add(phase("PostFlow", List.of()));
        var connection = XmlElement.of("HTTPProxyConnection").leaf("BasePath", model.basePath());
        model.virtualHosts().forEach(host -> connection.leaf("VirtualHost", host));
        return endpoint.add(connection)
                .add(XmlElement.of("RouteRule").attr("name", ENDPOINT).leaf("TargetEndpoint", ENDPOINT));
    }

    static XmlElement targetEndpoint(ProxyModel model) {
        var connection = XmlElement.of("HTTPTargetConnection");
        if (!model.targetServers().isEmpty()) {
            connection.add(loadBalancer(model.targetServers(), model.loadBalancing()));
            // Apigee calls scheme://host:port + Path + proxy.pathsuffix, and a non-empty suffix starts with '/': a Path
            // of "/" would send /orders/items as //items. Without a Path the suffix is the whole target path.
            if (!ProxyModel.DEFAULT_TARGET_PATH.equals(model.targetPath())) {
                connection.leaf("Path", model.targetPath());
            }
            model.loadBalancing().healthMonitor().ifPresent(monitor -> connection.add(monitor.toXml()));
        } else {
            connection.leaf("URL", model.targetUrl().orElseThrow());
        }
        return XmlElement.of("TargetEndpoint").attr("name", ENDPOINT)
                .add(phase("PreFlow", List.of()))
                .add(XmlElement.of("Flows"))
                .add(phase("PostFlow", List.of()))
                .add(connection);
    }

    /**
     * The {@code <LoadBalancer>}: one server is only named (as Apigee's single-target form has it); several get the
     * algorithm, their weights (with {@code Weighted}), the fallback, the failures that take one out of rotation and the
     * answers that count as failures.
     */
    static XmlElement loadBalancer(List<LoadBalancing.Server> servers, LoadBalancing balancing) {
        var balancer = XmlElement.of("LoadBalancer");
        if (servers.size() == 1) {
            return balancer.add(XmlElement.of("Server").attr("name", servers.get(0).name()));
        }
        balancer.leaf("Algorithm", balancing.algorithm().xml());
        for (var server : servers) {
            var element = XmlElement.of("Server").attr("name", server.name());
            if (balancing.algorithm() == LoadBalancing.Algorithm.WEIGHTED) {
                element.leaf("Weight", server.weight());
            }
            if (server.fallback()) {
                element.leaf("IsFallback", true);
            }
            balancer.add(element);
        }
        balancer.leaf("MaxFailures", balancing.maxFailures());
        if (!balancing.unhealthyCodes().isEmpty()) {
            var unhealthy = XmlElement.of("ServerUnhealthyResponse");
            balancing.unhealthyCodes().forEach(code -> unhealthy.leaf("ResponseCode", code));
            balancer.add(unhealthy);
        }
        return balancer;
    }

    static XmlElement notFound() {
        String name = ProxyModel.UNKNOWN_REQUEST_POLICY;
        var set = XmlElement.of("Set")
                .add(XmlElement.of("Payload").attr("contentType", "application/json")
                        .attr("variablePrefix", "@").attr("variableSuffix", "#").text(NOT_FOUND_PAYLOAD))
                .leaf("StatusCode", 404)
                .leaf("ReasonPhrase", "Not Found");
        return XmlElement.of("RaiseFault").attr("continueOnError", "false").attr("enabled", "true").attr("name", name)
                .leaf("DisplayName", name)
                .add(XmlElement.of("FaultResponse").add(set))
                .leaf("IgnoreUnresolvedVariables", true);
    }

    private static XmlElement phase(String name, List<Policy> requestPolicies) {
        return XmlElement.of(name).attr("name", name)
                .add(steps("Request", requestPolicies))
                .add(XmlElement.of("Response"));
    }

    private static XmlElement steps(String name, List<Policy> policies) {
        var element = XmlElement.of(name);
        policies.forEach(p -> element.add(step(p.name(), ((PolicyBase) p).stepCondition())));
        return element;
    }

    private static XmlElement step(String policyName, @Nullable String condition) {
        var step = XmlElement.of("Step").leaf("Name", policyName);
        if (condition != null) {
            step.leaf("Condition", condition);
        }
        return step;
    }
}
