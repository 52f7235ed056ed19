package dev.apigeegke.provider.testing;

import static dev.apigeegke.provider.testing.Api.JSON;
import static dev.apigeegke.provider.testing.Api.badRequest;
import static dev.apigeegke.provider.testing.Api.notFound;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.apigeegke.provider.api.ApigeePlatform;
import dev.apigeegke.provider.testing.Api.Reply;
import dev.apigeegke.provider.testing.Api.Req;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/** API proxies, their revisions, and deployments. */
final class ProxyRoutes {
    private final ApigeePlatform platform;
    private final String org;
    private final Set<String> environments;
    /** Proxy name → revision → bundle. */
    private final Map<String, TreeMap<Integer, byte[]>> proxies = new LinkedHashMap<>();
    /** Environment → proxy → the deployment (override keeps one revision per proxy and environment). */
    private final Map<String, Map<String, Deployment>> deployments = new LinkedHashMap<>();
    int deployPolls;
    String deployError;

    /** One deployment: becomes ready (or fails) after {@code pollsLeft} status reads. */
    static final class Deployment {
        final int revision;
        final long started = System.currentTimeMillis();
        int pollsLeft;
        final String error;

        Deployment(int revision, int pollsLeft, String error) {
            this.revision = revision;
            this.pollsLeft = pollsLeft;
            this.error = error;
        }
    }

    ProxyRoutes(ApigeePlatform platform, String org, Set<String> environments) {
        this.platform = platform;
        this.org = org;
        this.environments = environments;
    }

    Optional<Integer> deployed(String env, String proxy) {
        return Optional.ofNullable(deployments.getOrDefault(env, Map.of()).get(proxy)).map(d -> d.revision);
    }

    /** The answer, or null when the path is not a proxy or deployment path. */
    Reply route(Req r) {
        if (r.is("POST", "apis")) {
            return importBundle(r);
        }
        if (r.is("GET", "apis")) {
            if (platform == ApigeePlatform.EDGE) {
                return Reply.ok(Api.names(proxies.keySet()));
            }
            ObjectNode list = JSON.createObjectNode();
            ArrayNode items = list.putArray("proxies");
            proxies.keySet().forEach(name -> items.add(proxy(name)));
            return Reply.ok(list);
        }
        if (r.is("GET", "apis", "*")) {
            return Reply.ok(proxy(existing(r.seg(1))));
        }
        if (r.is("DELETE", "apis", "*")) {
            String name = existing(r.seg(1));
            if (deployments.values().stream().anyMatch(byProxy -> byProxy.containsKey(name))) {
                throw badRequest("entities.UndeployedApplication",
                        "Undeploy the ApiProxy " + name + " from every environment and try again");
            }
            // Edge answers the deleted proxy as an APIProxyRevision (its latest), X as the ApiProxy.
            ObjectNode gone = platform == ApigeePlatform.EDGE ? revisionJson(name, revisions(name).lastKey()) : proxy(name);
            proxies.remove(name);
            return Reply.ok(gone);
        }
        if (r.is("GET", "apis", "*", "revisions")) {
            ArrayNode revisions = JSON.createArrayNode();
            revisions(existing(r.seg(1))).keySet().forEach(rev -> revisions.add(String.valueOf(rev)));
            return Reply.ok(revisions);
        }
        if (r.is("GET", "apis", "*", "revisions", "*")) {
            int rev = revision(r.seg(1), r.seg(3));
            if ("bundle".equals(r.query().get("format"))) {
                return Reply.ok(proxies.get(r.seg(1)).get(rev));
            }
            return Reply.ok(revisionJson(r.seg(1), rev));
        }
        if (r.is("DELETE", "apis", "*", "revisions", "*")) {
            int rev = revision(r.seg(1), r.seg(3));
            if (deployments.values().stream().anyMatch(byProxy -> byProxy.containsKey(r.seg(1))
                    && byProxy.get(r.seg(1)).revision == rev)) {
                throw badRequest("entities.UndeployedRevision", "Undeploy revision " + rev + " of " + r.seg(1)
                        + " and try again");
            }
            ObjectNode gone = revisionJson(r.seg(1), rev);
            proxies.get(r.seg(1)).remove(rev);
            return Reply.ok(gone);
        }
        if (r.is("GET", "apis", "*", "deployments")) {
            return Reply.ok(proxyDeployments(existing(r.seg(1))));
        }
        if (r.segments().size() == 7 && r.is(r.method(), "environments", "*", "apis", "*", "revisions", "*", "deployments")) {
            return revisionDeployment(r, environment(r.seg(1)), r.seg(3), revision(r.seg(3), r.seg(5)));
        }
        if (r.is("GET", "environments", "*", "apis", "*", "deployments")) {
            String env = environment(r.seg(1));
            String name = existing(r.seg(3));
            Deployment d = deployments.getOrDefault(env, Map.of()).get(name);
            ObjectNode body = JSON.createObjectNode();
            if (platform == ApigeePlatform.EDGE) {
                body.put("environment", env).put("name", name).put("organization", org);
                ArrayNode revs = body.putArray("revision");
                if (d != null) {
                    revs.addObject().put("name", String.valueOf(d.revision)).put("state", edgeState(d)).putArray("server");
                }
            } else if (d != null) {
                body.putArray("deployments").add(xDeployment(env, name, d, false));
            }
            return Reply.ok(body);
        }
        return null;
    }

    private Reply importBundle(Req r) {
        if (!"import".equals(r.query().get("action"))) {
            throw badRequest("messaging.config.beans.InvalidAction", "Only action=import is supported for POST /apis");
        }
        String name = Optional.ofNullable(r.query().get("name")).filter(n -> !n.isBlank())
                .orElseThrow(() -> badRequest("messaging.config.beans.InvalidName", "the name query parameter is required"));
        byte[] zip = Multipart.parse(r.contentType(), r.body()).stream().filter(p -> "file".equals(p.name()))
                .findFirst().map(Multipart.Part::content)
                .orElseThrow(() -> badRequest("messaging.config.beans.InvalidBundle",
                        "Bundle is invalid. Expected a multipart/form-data body with the zip in form field file"));
        if (!hasApiProxyFolder(zip)) {
            throw badRequest("messaging.config.beans.InvalidBundle", "Bundle is invalid. Empty bundle.");
        }
        TreeMap<Integer, byte[]> revisions = proxies.computeIfAbsent(name, n -> new TreeMap<>());
        int rev = revisions.isEmpty() ? 1 : revisions.lastKey() + 1;
        revisions.put(rev, zip);
        return Reply.created(revisionJson(name, rev));
    }

    private Reply revisionDeployment(Req r, String env, String name, int rev) {
        Map<String, Deployment> byProxy = deployments.computeIfAbsent(env, e -> new LinkedHashMap<>());
        Deployment current = byProxy.get(name);
        switch (r.method()) {
            case "POST" -> {
                if (platform == ApigeePlatform.EDGE && !String.valueOf(r.contentType()).startsWith("application/x-www-form-urlencoded")) {
                    throw new Api.ApiError(415, "messaging.adaptors.http.flow.UnsupportedMediaType",
                            "Content-Type must be application/x-www-form-urlencoded");
                }
                if (current != null && current.revision != rev && !"true".equals(r.query().get("override"))) {
                    throw badRequest("distribution.ApplicationAlreadyDeployed", "Revision " + current.revision + " of "
                            + name + " is already deployed in environment " + env + "; deploy with override=true");
                }
                Deployment d = new Deployment(rev, deployPolls, deployError);
                byProxy.put(name, d);
                return Reply.ok(platform == ApigeePlatform.EDGE ? edgeDeployment(env, name, d, false) : xDeployment(env, name, d, false));
            }
            case "GET" -> {
                Deployment d = deployedRevision(current, env, name, rev);
                return Reply.ok(platform == ApigeePlatform.EDGE ? edgeDeployment(env, name, d, true) : xDeployment(env, name, d, true));
            }
            case "DELETE" -> {
                Deployment d = deployedRevision(current, env, name, rev);
                byProxy.remove(name);
                d.pollsLeft = 0;
                if (platform == ApigeePlatform.X) {
                    return Reply.ok(JSON.createObjectNode()); // google.protobuf.Empty
                }
                return Reply.ok(edgeDeployment(env, name, d, false).put("state", "undeployed"));
            }
            default -> throw new Api.ApiError(405, "messaging.adaptors.http.flow.MethodNotAllowed", "Method not allowed");
        }
    }

    private Deployment deployedRevision(Deployment current, String env, String name, int rev) {
        if (current == null || current.revision != rev) {
            throw badRequest("distribution.RevisionNotDeployed",
                    "Proxy revision " + rev + " of " + name + " not deployed in environment " + env);
        }
        return current;
    }

    /** Edge documents deployed, undeployed and error; a rollout still in flight reads as not deployed yet. */
    private String edgeState(Deployment d) {
        return d.pollsLeft > 0 ? "undeployed" : d.error != null ? "error" : "deployed";
    }

    /** {@code poll}: a status read, which counts towards the configured number of pending reads. */
    private ObjectNode edgeDeployment(String env, String name, Deployment d, boolean poll) {
        String state = edgeState(d);
        if (poll && d.pollsLeft > 0) {
            d.pollsLeft--;
        }
        ObjectNode body = JSON.createObjectNode().put("aPIProxy", name).put("environment", env)
                .put("name", String.valueOf(d.revision)).put("organization", org)
                .put("revision", String.valueOf(d.revision)).put("state", state);
        ObjectNode server = body.putArray("server").addObject().put("status", state).put("uUID", "mp-1");
        server.putArray("type").add("message-processor");
        if ("error".equals(state)) {
            server.put("error", d.error);
        }
        return body;
    }

    private ObjectNode xDeployment(String env, String name, Deployment d, boolean poll) {
        String state = d.pollsLeft > 0 ? "PROGRESSING" : d.error != null ? "ERROR" : "READY";
        if (poll && d.pollsLeft > 0) {
            d.pollsLeft--;
        }
        ObjectNode body = JSON.createObjectNode().put("environment", env).put("apiProxy", name)
                .put("revision", String.valueOf(d.revision)).put("deployStartTime", String.valueOf(d.started))
                .put("state", state);
        if ("ERROR".equals(state)) {
            body.putArray("errors").addObject().put("code", 9).put("message", d.error);
        }
        return body;
    }

    private ObjectNode proxyDeployments(String name) {
        ObjectNode body = JSON.createObjectNode();
        if (platform == ApigeePlatform.EDGE) {
            body.put("name", name).put("organization", org);
            ArrayNode envs = body.putArray("environment");
            deployments.forEach((env, byProxy) -> {
                Deployment d = byProxy.get(name);
                if (d != null) {
                    ObjectNode e = envs.addObject().put("name", env);
                    e.putArray("revision").addObject().put("name", String.valueOf(d.revision)).put("state", edgeState(d));
                }
            });
        } else {
            ArrayNode list = JSON.createArrayNode();
            deployments.forEach((env, byProxy) -> {
                if (byProxy.containsKey(name)) {
                    list.add(xDeployment(env, name, byProxy.get(name), false));
                }
            });
            if (!list.isEmpty()) {
                body.set("deployments", list);
            }
        }
        return body;
    }

    private ObjectNode proxy(String name) {
        ObjectNode body = JSON.createObjectNode().put("name", name);
        ArrayNode revs = body.putArray("revision");
        revisions(name).keySet().forEach(rev -> revs.add(String.valueOf(rev)));
        if (platform == ApigeePlatform.X && !revisions(name).isEmpty()) {
            body.put("latestRevisionId", String.valueOf(revisions(name).lastKey()));
        }
        if (platform == ApigeePlatform.EDGE) {
            body.putObject("metaData").put("createdBy", "emulator"); // X's EntityMetadata has no createdBy
        }
        return body;
    }

    private ObjectNode revisionJson(String name, int rev) {
        ObjectNode body = JSON.createObjectNode().put("name", platform == ApigeePlatform.EDGE ? name : String.valueOf(rev))
                .put("revision", String.valueOf(rev));
        Api.putMillis(platform, body, "createdAt", System.currentTimeMillis());
        if (platform == ApigeePlatform.EDGE) {
            body.put("type", "Application").put("contextInfo", "Revision " + rev + " of application " + name
                    + ", in organization " + org);
        } else {
            body.putArray("proxyEndpoints").add("default");
        }
        return body;
    }

    private TreeMap<Integer, byte[]> revisions(String name) {
        return proxies.getOrDefault(name, new TreeMap<>());
    }

    private String existing(String name) {
        if (!proxies.containsKey(name)) {
            throw notFound("messaging.config.beans.ApplicationDoesNotExist", "APIProxy named " + name
                    + " does not exist in organization " + org);
        }
        return name;
    }

    private int revision(String name, String rev) {
        existing(name);
        try {
            int n = Integer.parseInt(rev);
            if (proxies.get(name).containsKey(n)) {
                return n;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw notFound("messaging.config.beans.ApplicationRevisionDoesNotExist",
                "Revision " + rev + " of APIProxy " + name + " does not exist in organization " + org);
    }

    String environment(String env) {
        if (!environments.contains(env)) {
            throw notFound("messaging.config.beans.EnvironmentDoesNotExist",
                    "Environment " + env + " does not exist in organization " + org);
        }
        return env;
    }

    private static boolean hasApiProxyFolder(byte[] zip) {
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                if (e.getName().startsWith("apiproxy/") && !e.getName().equals("apiproxy/")) {
                    return true;
                }
            }
        } catch (IOException e) {
            return false;
        }
        return false;
    }
}
