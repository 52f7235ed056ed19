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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/** API proxies and their revisions; {@link Deployments} keeps where they are deployed. */
final class ProxyRoutes {
    private final ApigeePlatform platform;
    private final String org;
    private final Set<String> environments;
    /** Proxy name → revision → bundle. */
    private final Map<String, TreeMap<Integer, byte[]>> proxies = new LinkedHashMap<>();
    final Deployments deployments;

    ProxyRoutes(ApigeePlatform platform, String org, Set<String> environments) {
        this.platform = platform;
        this.org = org;
        this.environments = environments;
        this.deployments = new Deployments(platform, org);
    }

    Optional<Integer> deployed(String env, String proxy) {
        return deployments.deployed(env, proxy);
    }

    /** The revisions of {@code proxy}, oldest first; empty when there is no such proxy. */
    List<Integer> revisionsOf(String proxy) {
        return List.copyOf(revisions(proxy).keySet());
    }

    /** The names of the proxies, in import order. */
    List<String> names() {
        return List.copyOf(proxies.keySet());
    }

    /** The bundle of revision {@code rev} of {@code name}; null when there is none. */
    byte[] bundle(String name, int rev) {
        return revisions(name).get(rev);
    }

    /** Whether proxy {@code name} exists (has a revision). */
    boolean has(String name) {
        return proxies.containsKey(name);
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
            List<String> holding = deployments.holding(name);
            if (!holding.isEmpty()) {
                // Also while an undeployment is still finishing: the refusal Edge users retry on.
                String where = "API proxy " + name + " is deployed in environment " + String.join(", ", holding);
                throw platform == ApigeePlatform.EDGE
                        ? badRequest("entities.UndeployedApplication", where + ". Undeploy the ApiProxy and try again")
                        : new Api.ApiError(400, "entities.UndeployedApplication", where
                                + ". Undeploy it from every environment and try again").onX("FAILED_PRECONDITION");
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
            if (deployments.isDeployed(r.seg(1), rev)) {
                throw badRequest("entities.UndeployedRevision", "Undeploy revision " + rev + " of " + r.seg(1)
                        + " and try again");
            }
            ObjectNode gone = revisionJson(r.seg(1), rev);
            proxies.get(r.seg(1)).remove(rev);
            return Reply.ok(gone);
        }
        if (r.is("GET", "apis", "*", "deployments")) {
            return Reply.ok(deployments.ofProxy(existing(r.seg(1))));
        }
        if (r.segments().size() == 7 && r.is(r.method(), "environments", "*", "apis", "*", "revisions", "*", "deployments")) {
            int rev = revision(r.seg(3), r.seg(5));
            return deployments.revision(r, environment(r.seg(1)), r.seg(3), rev, proxies.get(r.seg(3)).get(rev));
        }
        if (r.is("GET", "environments", "*", "apis", "*", "deployments")) {
            return Reply.ok(deployments.inEnvironment(environment(r.seg(1)), existing(r.seg(3))));
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
        ArrayNode violations = platform == ApigeePlatform.X ? Bundles.xViolations(zip) : JSON.createArrayNode();
        if (!violations.isEmpty()) {
            ObjectNode badBundle = JSON.createObjectNode().put("@type", "type.googleapis.com/edge.configstore.bundle.BadBundle");
            badBundle.set("violations", violations);
            throw new Api.ApiError(400, "messaging.config.beans.InvalidBundle", "bundle contains errors")
                    .onX("INVALID_ARGUMENT", badBundle);
        }
        TreeMap<Integer, byte[]> revisions = proxies.computeIfAbsent(name, n -> new TreeMap<>());
        int rev = revisions.isEmpty() ? 1 : revisions.lastKey() + 1;
        revisions.put(rev, zip);
        return Reply.created(revisionJson(name, rev));
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
