package dev.apigeegke.provider.testing;

import static dev.apigeegke.provider.testing.Api.JSON;
import static dev.apigeegke.provider.testing.Api.badRequest;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.apigeegke.provider.api.ApigeePlatform;
import dev.apigeegke.provider.api.Timing;
import dev.apigeegke.provider.testing.Api.ApiError;
import dev.apigeegke.provider.testing.Api.Reply;
import dev.apigeegke.provider.testing.Api.Req;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Deployments of API proxy revisions to environments, with the rules Apigee applies to them: one revision of a proxy
 * per environment (override replaces it), no two proxies on the same base path in one environment, route conflicts
 * reported (not refused) across the environments of an X environment group, and undeployments that finish after the
 * answer, on the emulator's clock.
 */
final class Deployments {
    private final ApigeePlatform platform;
    private final String org;
    /** Environment → proxy → the deployment. */
    private final Map<String, Map<String, Deployment>> byEnvironment = new LinkedHashMap<>();
    /** Environment group → its environments (X routes a hostname's base paths across them). */
    final Map<String, Set<String>> groups = new LinkedHashMap<>();
    /** Proxy → environment → when its undeployment finishes. */
    private final Map<String, Map<String, Instant>> leaving = new LinkedHashMap<>();
    Timing clock = Timing.SYSTEM;
    Duration undeployTime = Duration.ZERO;
    int deployPolls;
    String deployError;
    private long sequence;

    /** One deployment: becomes ready (or fails) after {@code pollsLeft} status reads. */
    private static final class Deployment {
        final int revision;
        final long started = System.currentTimeMillis();
        final long order;
        final String serviceAccount;
        final Set<String> basePaths;
        final String error;
        int pollsLeft;

        Deployment(int revision, long order, String serviceAccount, Set<String> basePaths, int pollsLeft, String error) {
            this.revision = revision;
            this.order = order;
            this.serviceAccount = serviceAccount;
            this.basePaths = basePaths;
            this.pollsLeft = pollsLeft;
            this.error = error;
        }
    }

    Deployments(ApigeePlatform platform, String org) {
        this.platform = platform;
        this.org = org;
    }

    private Map<String, Deployment> in(String env) {
        return byEnvironment.computeIfAbsent(env, e -> new LinkedHashMap<>());
    }

    Optional<Integer> deployed(String env, String proxy) {
        return Optional.ofNullable(in(env).get(proxy)).map(d -> d.revision);
    }

    Optional<String> serviceAccount(String env, String proxy) {
        return Optional.ofNullable(in(env).get(proxy)).map(d -> d.serviceAccount);
    }

    /** The environments where {@code proxy} is deployed, or its undeployment has not finished yet. */
    List<String> holding(String proxy) {
        Set<String> envs = new LinkedHashSet<>();
        byEnvironment.forEach((env, byProxy) -> {
            if (byProxy.containsKey(proxy)) {
                envs.add(env);
            }
        });
        Instant now = clock.now();
        leaving.getOrDefault(proxy, Map.of()).forEach((env, done) -> {
            if (done.isAfter(now)) {
                envs.add(env);
            }
        });
        return List.copyOf(envs);
    }

    boolean isDeployed(String proxy, int revision) {
        return byEnvironment.values().stream().anyMatch(byProxy -> byProxy.containsKey(proxy)
                && byProxy.get(proxy).revision == revision);
    }

    /** POST (deploy), GET (status) and DELETE (undeploy) of one revision's deployment in {@code env}. */
    Reply revision(Req r, String env, String name, int rev, byte[] bundle) {
        Deployment current = in(env).get(name);
        switch (r.method()) {
            case "POST" -> {
                if (platform == ApigeePlatform.EDGE && !String.valueOf(r.contentType()).startsWith("application/x-www-form-urlencoded")) {
                    throw new ApiError(415, "messaging.adaptors.http.flow.UnsupportedMediaType",
                            "Content-Type must be application/x-www-form-urlencoded");
                }
                if (current != null && current.revision != rev && !"true".equals(r.query().get("override"))) {
                    throw badRequest("distribution.ApplicationAlreadyDeployed", "Revision " + current.revision + " of "
                            + name + " is already deployed in environment " + env + "; deploy with override=true");
                }
                if (platform == ApigeePlatform.EDGE && current != null && current.revision == rev
                        && "deployed".equals(edgeState(current))) {
                    // Edge refuses to deploy a revision again, override or not.
                    throw badRequest("distribution.ApplicationAlreadyDeployed", "API proxy " + name + " revision " + rev
                            + " is already deployed into environment " + env);
                }
                Set<String> paths = Bundles.basePaths(bundle);
                refuseConflicts(env, name, paths);
                Deployment d = new Deployment(rev, ++sequence, r.query().get("serviceAccount"), paths, deployPolls, deployError);
                in(env).put(name, d);
                leaving.getOrDefault(name, new LinkedHashMap<>()).remove(env);
                return Reply.ok(platform == ApigeePlatform.EDGE ? edge(env, name, d, false) : x(env, name, d, false));
            }
            case "GET" -> {
                Deployment d = deployedRevision(current, env, name, rev);
                return Reply.ok(platform == ApigeePlatform.EDGE ? edge(env, name, d, true) : x(env, name, d, true));
            }
            case "DELETE" -> {
                Deployment d = deployedRevision(current, env, name, rev);
                in(env).remove(name);
                d.pollsLeft = 0;
                // The answer comes before the runtime has let go of the proxy.
                leaving.computeIfAbsent(name, n -> new LinkedHashMap<>()).put(env, clock.now().plus(undeployTime));
                if (platform == ApigeePlatform.X) {
                    return Reply.ok(JSON.createObjectNode()); // google.protobuf.Empty
                }
                return Reply.ok(edge(env, name, d, false).put("state", "undeployed"));
            }
            default -> throw new ApiError(405, "messaging.adaptors.http.flow.MethodNotAllowed", "Method not allowed");
        }
    }

    /** Another proxy on one of the same base paths in the environment: refused on both platforms. */
    private void refuseConflicts(String env, String name, Set<String> paths) {
        for (var e : in(env).entrySet()) {
            if (e.getKey().equals(name)) {
                continue;
            }
            List<String> shared = new ArrayList<>(e.getValue().basePaths);
            shared.retainAll(paths);
            if (shared.isEmpty()) {
                continue;
            }
            int rev = e.getValue().revision;
            if (platform == ApigeePlatform.EDGE) {
                // The words Edge users report; the code is the emulator's.
                throw badRequest("distribution.ApplicationPathConflict", "Path " + shared.get(0) + " conflicts with "
                        + "existing deployment path for revision " + rev + " of the APIProxy " + e.getKey()
                        + " in organization " + org + ", environment " + env);
            }
            String subject = "organizations/" + org + "/apis/" + e.getKey() + "/revisions/" + rev;
            throw new ApiError(400, "distribution.ApplicationPathConflict", "deployment validations failed")
                    .onX("FAILED_PRECONDITION", Api.preconditionFailure("CONFLICTING_DEPLOYMENT", subject,
                            "Existing deployment of \"" + subject + "\" contains conflicting base paths: ["
                                    + String.join(" ", shared) + "]."));
        }
    }

    private Deployment deployedRevision(Deployment current, String env, String name, int rev) {
        if (current == null || current.revision != rev) {
            if (platform == ApigeePlatform.X) {
                throw new ApiError(404, "distribution.RevisionNotDeployed", "generic::not_found: organizations/" + org
                        + "/apis/" + name + "/revisions/" + rev + " is not deployed").onX("NOT_FOUND");
            }
            throw badRequest("distribution.RevisionNotDeployed",
                    "Proxy revision " + rev + " of " + name + " not deployed in environment " + env);
        }
        return current;
    }

    /** Edge documents deployed, undeployed and error; a rollout still in flight reads as not deployed yet. */
    private static String edgeState(Deployment d) {
        return d.pollsLeft > 0 ? "undeployed" : d.error != null ? "error" : "deployed";
    }

    /** {@code poll}: a status read, which counts towards the configured number of pending reads. */
    private ObjectNode edge(String env, String name, Deployment d, boolean poll) {
        String state = edgeState(d);
        if (poll && d.pollsLeft > 0) {
            d.pollsLeft--;
        }
        ObjectNode body = JSON.createObjectNode().put("aPIProxy", name).put("environment", env)
                .put("name", String.valueOf(d.revision)).put("organization", org)
                .put("revision", String.valueOf(d.revision)).put("state", state);
        ObjectNode server = body.putArray("server").addObject().put("status", state).put("uUID", "mp-1");
        server.putArray("type").add("message-processor");
        if ("error".equals(state) && poll) {
            server.put("error", d.error); // tolerated on the status read only, where the provider looks for it
        }
        return body;
    }

    /** {@code status}: the answer of a status read, with what X shows only there (errors, route conflicts). */
    private ObjectNode x(String env, String name, Deployment d, boolean status) {
        String state = d.pollsLeft > 0 ? "PROGRESSING" : d.error != null ? "ERROR" : "READY";
        if (status && d.pollsLeft > 0) {
            d.pollsLeft--;
        }
        ObjectNode body = JSON.createObjectNode().put("environment", env).put("apiProxy", name)
                .put("revision", String.valueOf(d.revision)).put("deployStartTime", String.valueOf(d.started));
        if (d.serviceAccount != null) {
            body.put("serviceAccount", "projects/-/serviceAccounts/" + d.serviceAccount);
        }
        body.put("state", state);
        if ("ERROR".equals(state)) {
            body.putArray("errors").addObject().put("code", 9).put("message", d.error);
        }
        if (status) {
            ArrayNode conflicts = routeConflicts(env, name, d);
            if (!conflicts.isEmpty()) {
                body.set("routeConflicts", conflicts);
            }
        }
        return body;
    }

    /**
     * The base paths of {@code d} that another environment of the same group already routes: X deploys anyway
     * ("the presence of conflicts does not cause the state to be ERROR") and lists them on the later deployment.
     */
    private ArrayNode routeConflicts(String env, String name, Deployment d) {
        ArrayNode out = JSON.createArrayNode();
        groups.forEach((group, envs) -> {
            if (!envs.contains(env)) {
                return;
            }
            for (String other : envs) {
                if (other.equals(env)) {
                    continue;
                }
                in(other).forEach((proxy, earlier) -> {
                    if (earlier.order > d.order) {
                        return;
                    }
                    for (String path : d.basePaths) {
                        if (earlier.basePaths.contains(path)) {
                            ObjectNode c = out.addObject();
                            c.putObject("conflictingDeployment").put("apiProxy", proxy).put("basepath", path)
                                    .put("environment", other).put("revision", String.valueOf(earlier.revision));
                            c.put("description", "base path \"" + path + "\" is already routed to environment \"" + other
                                    + "\" by API proxy \"" + proxy + "\" revision " + earlier.revision)
                                    .put("environmentGroup", group);
                        }
                    }
                });
            }
        });
        return out;
    }

    /** GET …/environments/{env}/apis/{name}/deployments. */
    ObjectNode inEnvironment(String env, String name) {
        Deployment d = in(env).get(name);
        ObjectNode body = JSON.createObjectNode();
        if (platform == ApigeePlatform.EDGE) {
            body.put("environment", env).put("name", name).put("organization", org);
            ArrayNode revs = body.putArray("revision");
            if (d != null) {
                revs.addObject().put("name", String.valueOf(d.revision)).put("state", edgeState(d)).putArray("server");
            }
        } else if (d != null) {
            body.putArray("deployments").add(x(env, name, d, false));
        }
        return body;
    }

    /** GET …/apis/{name}/deployments. */
    ObjectNode ofProxy(String name) {
        ObjectNode body = JSON.createObjectNode();
        if (platform == ApigeePlatform.EDGE) {
            body.put("name", name).put("organization", org);
            ArrayNode envs = body.putArray("environment");
            byEnvironment.forEach((env, byProxy) -> {
                Deployment d = byProxy.get(name);
                if (d != null) {
                    ObjectNode e = envs.addObject().put("name", env);
                    e.putArray("revision").addObject().put("name", String.valueOf(d.revision)).put("state", edgeState(d));
                }
            });
        } else {
            ArrayNode list = JSON.createArrayNode();
            byEnvironment.forEach((env, byProxy) -> {
                if (byProxy.containsKey(name)) {
                    list.add(x(env, name, byProxy.get(name), false));
                }
            });
            if (!list.isEmpty()) {
                body.set("deployments", list);
            }
        }
        return body;
    }
}
