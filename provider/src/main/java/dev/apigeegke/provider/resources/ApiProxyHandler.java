package dev.apigeegke.provider.resources;

import dev.apigeegke.provider.api.ApigeeClient;
import dev.apigeegke.provider.api.ApigeeException;
import dev.apigeegke.provider.api.ApigeePlatform;
import dev.apigeegke.provider.schema.ProviderSchema;
import dev.apigeegke.provider.schema.ResourceSchema;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * {@code apigee:index:ApiProxy}, id = the proxy name. A changed {@code bundleHash} imports the bundle
 * as a new revision and deploys it everywhere, in one apply; the bundle's bytes are never compared or
 * kept in the outputs. A create or update that imported a revision and then failed to deploy it reports what it
 * did deploy (a partial result), so the next {@code pulumi up} deploys that revision instead of importing another.
 */
final class ApiProxyHandler implements ResourceHandler {
    private static final ResourceSchema SCHEMA = ProviderSchema.get().require("apigee:index:ApiProxy");

    @Override
    public ResourceSchema schema() {
        return SCHEMA;
    }

    /**
     * The bundle's bytes are compared through {@code bundleHash}, so an unchanged bundle never shows a diff; whether
     * to adopt an existing proxy matters only when creating one.
     */
    @Override
    public Set<String> inputsNotDiffed() {
        return Set.of("bundle", "adoptExisting");
    }

    @Override
    public boolean keepsOnUpdate(String key, Map<String, Object> olds, Map<String, Object> news) {
        return Objects.equals(olds.get("bundleHash"), news.get("bundleHash"))
                && Objects.equals(olds.get("environments"), news.get("environments"));
    }

    /**
     * A renamed proxy is a new one, which Apigee refuses to deploy on a base path that the old one still serves in
     * the environment: then the old one goes first. Unless both bundles can be read and share no base path.
     */
    @Override
    public boolean deleteBeforeReplace(Map<String, Object> olds, Map<String, Object> news) {
        var before = basePaths(olds);
        var after = basePaths(news);
        if (before.isEmpty() || after.isEmpty()) {
            return true;
        }
        return !Collections.disjoint(before.get(), after.get());
    }

    private static Optional<Set<String>> basePaths(Map<String, Object> inputs) {
        if (!(inputs.get("bundle") instanceof String b) || b.isEmpty()) {
            return Optional.empty();
        }
        try {
            return ProxyBundle.basePaths(ProxyBundle.decode(b));
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
    }

    @Override
    public void check(Checks c) {
        // "Restrict the characters used to: A-Za-z0-9._-": X's apis.create and Edge's APIProxyRequest say the same.
        var name = c.string("name");
        if (name != null && !name.isEmpty() && !name.matches("[A-Za-z0-9._-]+")) {
            c.fail("name", "'name' may hold only letters A-Z and a-z, digits and . _ - (the characters Apigee allows in a "
                    + "proxy name), got \"" + name + "\"");
        }
        c.stringList("environments", true);
        c.bool("adoptExisting");
        var hash = c.string("bundleHash");
        if (hash != null && !hash.matches("[0-9a-f]{64}")) {
            c.fail("bundleHash", "'bundleHash' must be the SHA-256 of the bundle zip in 64 lowercase hex digits, got \"" + hash + "\"");
            hash = null;
        }
        var bundle = c.string("bundle");
        if (bundle != null && !bundle.isEmpty()) {
            byte[] zip;
            try {
                zip = ProxyBundle.decode(bundle);
            } catch (IllegalArgumentException e) {
                c.fail("bundle", "'bundle' must be the proxy bundle zip in base64: " + e.getMessage());
                return;
            }
            var problem = ProxyBundle.problem(zip);
            if (problem != null) {
                c.fail("bundle", problem);
            } else if (hash != null && !hash.equals(ProxyBundle.sha256(zip))) {
                c.fail("bundleHash", "'bundleHash' " + hash + " is not the SHA-256 of 'bundle' (" + ProxyBundle.sha256(zip)
                        + "); compute it from the same zip bytes that are base64-encoded into 'bundle'");
            }
        }
        var sa = c.string("serviceAccount");
        if (sa != null && !sa.matches("[^@\\s]+@[^@\\s]+\\.iam\\.gserviceaccount\\.com")) {
            c.fail("serviceAccount", "'serviceAccount' must be a Google service account email (…@….iam.gserviceaccount.com), got \"" + sa + "\"");
        } else if (sa != null && c.platform() == ApigeePlatform.EDGE) {
            c.fail("serviceAccount", "'serviceAccount' (\"" + sa + "\") runs deployments as a Google service account, "
                    + "which only Apigee X has, and this provider is configured for Apigee Edge: remove serviceAccount, "
                    + "or run `pulumi config set apigee:flavor x` if the organization is on Apigee X");
        }
    }

    private static Map<String, Object> outputs(String name, Object bundleHash, List<String> envs, int revision,
                                               Map<String, String> deployed, Object serviceAccount) {
        var out = Props.ordered();
        out.put("name", name);
        Props.putIfSet(out, "bundleHash", bundleHash);
        out.put("environments", envs);
        out.put("revision", String.valueOf(revision));
        out.put("deployedRevisions", deployed);
        Props.putIfSet(out, "serviceAccount", serviceAccount);
        return out;
    }

    @Override
    public Created create(ApigeeClient client, Map<String, Object> in) {
        var name = Props.required(in, "name");
        var existing = client.get("/apis/" + ApigeeClient.segment(name));
        int before = existing.map(ApigeeClient::latestRevision).orElse(0);
        if (existing.isPresent() && !Props.bool(in, "adoptExisting", false)) {
            throw new AlreadyOnApigee("API proxy '" + name + "' already exists in organization '"
                    + client.config().organization() + "' (newest revision " + before + ") and is not in this stack, "
                    + "so creating it would deploy over it, and destroying the stack would delete it with every revision.",
                    name, "set adoptExisting: true on the ApiProxy to import this bundle as its next revision and "
                    + "manage the whole proxy from this stack");
        }
        int rev = client.importProxy(name, ProxyBundle.decode(Props.required(in, "bundle")), before);
        var envs = Props.list(in, "environments");
        var deployed = deploy(client, name, rev, envs, Map.of(), in.get("serviceAccount"), true,
                d -> outputs(name, in.get("bundleHash"), envs, rev, d, in.get("serviceAccount")));
        return new Created(name, outputs(name, in.get("bundleHash"), envs, rev, deployed, in.get("serviceAccount")));
    }

    /**
     * Deploys {@code rev} to each of {@code envs} where the state and Apigee do not both say it is deployed (every
     * one, with {@code redeploy}),
     * undeploying the revisions it replaces; returns the revision deployed in each environment. A failure, or a
     * deployment that X routes in part to another proxy, throws {@link PartiallyApplied} with {@code partial} of what
     * is deployed by then.
     */
    private static Map<String, String> deploy(ApigeeClient client, String name, int rev, List<String> envs,
                                              Map<String, String> oldDeployed, Object serviceAccount, boolean redeploy,
                                              Function<Map<String, String>, Map<String, Object>> partial) {
        var deployed = new TreeMap<String, String>();
        var conflicts = new ArrayList<String>();
        for (var env : envs) {
            Optional<Integer> current = redeploy ? Optional.empty() : client.deployedRevision(env, name);
            // X lists a deployment that failed like one that runs: only the state knows it ran.
            if (current.isPresent() && current.get() == rev && String.valueOf(rev).equals(oldDeployed.get(env))) {
                deployed.put(env, String.valueOf(rev));
                continue;
            }
            try {
                client.deploy(env, name, rev, (String) serviceAccount)
                        .forEach(c -> conflicts.add("in environment '" + env + "', " + c));
            } catch (RuntimeException e) {
                // Not recorded here: the next update deploys it again. Environments not reached keep what they had.
                oldDeployed.forEach((other, r) -> {
                    if (!other.equals(env)) {
                        deployed.putIfAbsent(other, r);
                    }
                });
                throw new PartiallyApplied(name, partial.apply(deployed), e);
            }
            deployed.put(env, String.valueOf(rev));
            // Override replaces the old revision on Edge; elsewhere it may stay deployed beside the new one.
            var replaced = new LinkedHashSet<String>();
            current.ifPresent(r -> replaced.add(String.valueOf(r)));
            Optional.ofNullable(oldDeployed.get(env)).ifPresent(replaced::add);
            replaced.remove(String.valueOf(rev));
            for (var old : replaced) {
                client.undeploy(env, name, Integer.parseInt(old));
            }
        }
        if (!conflicts.isEmpty()) {
            throw new PartiallyApplied(name, partial.apply(deployed), new ApigeeException(409, "revision " + rev
                    + " of API proxy '" + name + "' is deployed, but Apigee routes part of it to another deployment: "
                    + String.join("; ", conflicts) + ". Calls to those base paths do not reach '" + name + "'. Give it "
                    + "other base paths, or undeploy the other proxy; this `pulumi up` keeps the deployment, and the "
                    + "next one does not deploy it again."));
        }
        return deployed;
    }

    @Override
    public Optional<Map<String, Object>> read(ApigeeClient client, String id, Map<String, Object> state) {
        var proxy = client.get("/apis/" + ApigeeClient.segment(id));
        if (proxy.isEmpty()) {
            return Optional.empty();
        }
        var envs = Props.list(state, "environments");
        var deployed = new TreeMap<String, String>();
        var accounts = new LinkedHashSet<String>();
        if (envs.isEmpty()) {
            deployed.putAll(deployments(client, id)); // import: the state names no environment yet
        }
        for (var env : envs.isEmpty() ? List.copyOf(deployed.keySet()) : envs) {
            client.deployment(env, id).ifPresent(d -> {
                deployed.put(env, String.valueOf(d.revision()));
                accounts.add(Objects.requireNonNullElse(d.serviceAccount(), ""));
            });
        }
        var stateRev = Props.str(state, "revision");
        int rev = stateRev != null ? Integer.parseInt(stateRev) : ApigeeClient.latestRevision(proxy.get());
        // Drift: another revision deployed, or none, means the bundle there is not the one hashed.
        // Dropping the hash makes the next update import and deploy the program's bundle again.
        var inSync = !deployed.isEmpty() && deployed.values().stream().allMatch(String.valueOf(rev)::equals);
        var kept = new ArrayList<>(envs.isEmpty() ? deployed.keySet() : envs);
        kept.retainAll(deployed.keySet());
        // The account the deployments run as (X): one that differs from the state's is drift to show.
        var account = accounts.stream().filter(a -> !a.equals(Objects.requireNonNullElse(state.get("serviceAccount"), "")))
                .findFirst().orElse(accounts.stream().findFirst().orElse(""));
        return Optional.of(outputs(id, inSync ? state.get("bundleHash") : null, kept, rev, deployed,
                account.isEmpty() ? null : account));
    }

    /** Every environment and revision the proxy is deployed to, from the shapes Edge and X answer. */
    private static Map<String, String> deployments(ApigeeClient client, String name) {
        var out = new LinkedHashMap<String, String>();
        var answer = client.get("/apis/" + ApigeeClient.segment(name) + "/deployments");
        if (answer.isEmpty()) {
            return out;
        }
        for (var d : answer.get().path("deployments")) { // X
            out.put(d.path("environment").asText(), d.path("revision").asText());
        }
        for (var e : answer.get().path("environment")) { // Edge
            for (var r : e.path("revision")) {
                out.put(e.path("name").asText(), r.path("name").asText());
            }
        }
        return out;
    }

    @Override
    public Map<String, Object> update(ApigeeClient client, String id, Map<String, Object> olds, Map<String, Object> news) {
        var name = id;
        var oldRevText = Props.str(olds, "revision");
        boolean newBundle = !Objects.equals(olds.get("bundleHash"), news.get("bundleHash")) || oldRevText == null;
        int rev = newBundle
                ? client.importProxy(name, ProxyBundle.decode(Props.required(news, "bundle")),
                        client.get("/apis/" + ApigeeClient.segment(name)).map(ApigeeClient::latestRevision).orElse(0))
                : Integer.parseInt(oldRevText);
        var oldDeployed = Props.map(olds, "deployedRevisions");
        var envs = Props.list(news, "environments");
        // A revision runs as the account it was deployed with: another account means deploying it again.
        boolean newAccount = !Objects.equals(olds.get("serviceAccount"), news.get("serviceAccount"));
        var deployed = deploy(client, name, rev, envs, oldDeployed, news.get("serviceAccount"), newAccount,
                d -> outputs(name, news.get("bundleHash"), envs, rev, d, olds.get("serviceAccount")));
        for (var entry : oldDeployed.entrySet()) {
            if (!envs.contains(entry.getKey())) {
                client.undeploy(entry.getKey(), name, Integer.parseInt(entry.getValue()));
            }
        }
        return outputs(name, news.get("bundleHash"), envs, rev, deployed, news.get("serviceAccount"));
    }

    @Override
    public void delete(ApigeeClient client, String id, Map<String, Object> olds) {
        var envs = new LinkedHashSet<>(Props.list(olds, "environments"));
        var recorded = Props.map(olds, "deployedRevisions");
        envs.addAll(recorded.keySet());
        for (var env : envs) {
            Optional.ofNullable(recorded.get(env)).ifPresent(r -> client.undeploy(env, id, Integer.parseInt(r)));
            // A revision deployed outside Pulumi also blocks the delete; undeploy what is still there.
            Integer last = null;
            for (var cur = client.deployedRevision(env, id); cur.isPresent() && !cur.get().equals(last);
                 cur = client.deployedRevision(env, id)) {
                last = cur.get();
                client.undeploy(env, id, last);
            }
        }
        client.deleteProxy(id);
    }
}
