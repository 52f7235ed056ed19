package dev.apigeegke.provider.resources;

import com.fasterxml.jackson.databind.JsonNode;
import dev.apigeegke.provider.api.ApigeeClient;
import dev.apigeegke.provider.schema.ProviderSchema;
import dev.apigeegke.provider.schema.ResourceSchema;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.zip.ZipInputStream;

/**
 * {@code apigee:index:ApiProxy}, id = the proxy name. A changed {@code bundleHash} imports the bundle
 * as a new revision and deploys it everywhere, in one apply; the bundle's bytes are never compared or
 * kept in the state.
 */
final class ApiProxyHandler implements ResourceHandler {
    private static final ResourceSchema SCHEMA = ProviderSchema.get().require("apigee:index:ApiProxy");

    @Override
    public ResourceSchema schema() {
        return SCHEMA;
    }

    /** The bundle's bytes are compared through {@code bundleHash}, so an unchanged bundle never shows a diff. */
    @Override
    public Set<String> inputsNotDiffed() {
        return Set.of("bundle");
    }

    @Override
    public boolean keepsOnUpdate(String key, Map<String, Object> olds, Map<String, Object> news) {
        return Objects.equals(olds.get("bundleHash"), news.get("bundleHash"))
                && Objects.equals(olds.get("environments"), news.get("environments"));
    }

    @Override
    public void check(Checks c) {
        var name = c.string("name");
        if (name != null && !name.isEmpty() && !name.matches("[A-Za-z0-9._\\-$%]+")) {
            c.fail("name", "'name' may hold only letters, digits and . _ - $ %, got \"" + name + "\"");
        }
        c.stringList("environments", true);
        var hash = c.string("bundleHash");
        if (hash != null && !hash.matches("[0-9a-f]{64}")) {
            c.fail("bundleHash", "'bundleHash' must be the SHA-256 of the bundle zip in 64 lowercase hex digits, got \"" + hash + "\"");
            hash = null;
        }
        var bundle = c.string("bundle");
        if (bundle != null && !bundle.isEmpty()) {
            byte[] zip;
            try {
                zip = decode(bundle);
            } catch (IllegalArgumentException e) {
                c.fail("bundle", "'bundle' must be the proxy bundle zip in base64: " + e.getMessage());
                return;
            }
            var problem = bundleProblem(zip);
            if (problem != null) {
                c.fail("bundle", problem);
            } else if (hash != null && !hash.equals(sha256(zip))) {
                c.fail("bundleHash", "'bundleHash' " + hash + " is not the SHA-256 of 'bundle' (" + sha256(zip)
                        + "); compute it from the same zip bytes that are base64-encoded into 'bundle'");
            }
        }
        var sa = c.string("serviceAccount");
        if (sa != null && !sa.matches("[^@\\s]+@[^@\\s]+\\.iam\\.gserviceaccount\\.com")) {
            c.fail("serviceAccount", "'serviceAccount' must be a Google service account email (…@….iam.gserviceaccount.com), got \"" + sa + "\"");
        }
    }

    /** The bundle's bytes; line breaks in the base64 are allowed, other stray characters are not. */
    static byte[] decode(String base64) {
        return Base64.getDecoder().decode(base64.replaceAll("\\s", ""));
    }

    /** Why Apigee would reject the zip ("Bundle is invalid. Empty bundle"), or null. */
    static String bundleProblem(byte[] zip) {
        try (var in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            int files = 0;
            for (var e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                if (!e.isDirectory() && e.getName().startsWith("apiproxy/")) {
                    files++;
                }
            }
            return files > 0 ? null
                    : "'bundle' holds no files under apiproxy/; Apigee would answer \"Bundle is invalid. Empty bundle\"";
        } catch (IOException e) {
            return "'bundle' is not a zip file: " + e.getMessage();
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> outputs(String name, Object bundleHash, List<String> envs, int revision,
                                               Map<String, String> deployed) {
        var out = Props.ordered();
        out.put("name", name);
        Props.putIfSet(out, "bundleHash", bundleHash);
        out.put("environments", envs);
        out.put("revision", String.valueOf(revision));
        out.put("deployedRevisions", deployed);
        return out;
    }

    @Override
    public Created create(ApigeeClient client, Map<String, Object> in) {
        var name = Props.required(in, "name");
        int rev = client.importProxy(name, decode(Props.required(in, "bundle")));
        var deployed = new TreeMap<String, String>();
        var envs = Props.list(in, "environments");
        var serviceAccount = (String) in.get("serviceAccount");
        for (var env : envs) {
            client.deploy(env, name, rev, serviceAccount);
            deployed.put(env, String.valueOf(rev));
        }
        return new Created(name, outputs(name, in.get("bundleHash"), envs, rev, deployed));
    }

    @Override
    public Optional<Map<String, Object>> read(ApigeeClient client, String id, Map<String, Object> state) {
        var proxy = client.get("/apis/" + ApigeeClient.segment(id));
        if (proxy.isEmpty()) {
            return Optional.empty();
        }
        var envs = Props.list(state, "environments");
        var deployed = new TreeMap<String, String>();
        if (envs.isEmpty()) {
            deployed.putAll(deployments(client, id)); // import: the state names no environment yet
        } else {
            for (var env : envs) {
                client.deployedRevision(env, id).ifPresent(r -> deployed.put(env, String.valueOf(r)));
            }
        }
        var stateRev = Props.str(state, "revision");
        int rev = stateRev != null ? Integer.parseInt(stateRev) : latest(proxy.get());
        // Drift: another revision deployed, or none, means the bundle there is not the one hashed.
        // Dropping the hash makes the next update import and deploy the program's bundle again.
        var inSync = !deployed.isEmpty() && deployed.values().stream().allMatch(String.valueOf(rev)::equals);
        var kept = new ArrayList<>(envs.isEmpty() ? deployed.keySet() : envs);
        kept.retainAll(deployed.keySet());
        return Optional.of(outputs(id, inSync ? state.get("bundleHash") : null, kept, rev, deployed));
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

    private static int latest(JsonNode proxy) {
        int max = 0;
        for (var r : proxy.path("revision")) {
            max = Math.max(max, r.asInt());
        }
        if (proxy.has("latestRevisionId")) {
            max = Math.max(max, proxy.get("latestRevisionId").asInt());
        }
        return max;
    }

    @Override
    public Map<String, Object> update(ApigeeClient client, String id, Map<String, Object> olds, Map<String, Object> news) {
        var name = id;
        var oldRevText = Props.str(olds, "revision");
        int rev = !Objects.equals(olds.get("bundleHash"), news.get("bundleHash")) || oldRevText == null
                ? client.importProxy(name, decode(Props.required(news, "bundle")))
                : Integer.parseInt(oldRevText);
        var oldDeployed = Props.map(olds, "deployedRevisions");
        var envs = Props.list(news, "environments");
        var deployed = new TreeMap<String, String>();
        for (var env : envs) {
            var current = client.deployedRevision(env, name);
            if (current.isEmpty() || current.get() != rev) {
                client.deploy(env, name, rev, (String) news.get("serviceAccount"));
                // Override replaces the old revision on Edge; elsewhere it may stay deployed beside the new one.
                var replaced = new LinkedHashSet<String>();
                current.ifPresent(r -> replaced.add(String.valueOf(r)));
                Optional.ofNullable(oldDeployed.get(env)).ifPresent(replaced::add);
                replaced.remove(String.valueOf(rev));
                for (var old : replaced) {
                    client.undeploy(env, name, Integer.parseInt(old));
                }
            }
            deployed.put(env, String.valueOf(rev));
        }
        for (var entry : oldDeployed.entrySet()) {
            if (!envs.contains(entry.getKey())) {
                client.undeploy(entry.getKey(), name, Integer.parseInt(entry.getValue()));
            }
        }
        return outputs(name, news.get("bundleHash"), envs, rev, deployed);
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
        client.delete("/apis/" + ApigeeClient.segment(id));
    }
}
