package dev.apigeegke.provider.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.apigeegke.provider.testing.Api.Reply;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * The edgemicro-auth proxy (npm microgateway-edgeauth 3.2.2) on an environment's runtime host, as the gateway and its
 * clients call it, answering from the emulator's state: the API products, the developer apps and their keys, the
 * environment's {@code microgateway} key value map, and the gateway keys the hosted service knows. It answers only
 * where a proxy named {@code edgemicro-auth} is deployed, as Apigee's router does ({@code edgemicro configure}
 * deploys it to one environment only).
 */
final class EdgemicroAuthRoutes {
    static final String PROXY = "edgemicro-auth";
    static final String KEY_VALUE_MAP = "microgateway";
    /** What ReturnVersion answers: volos-quota-apigee uses the current quota protocol from 1.1.0 on. */
    static final String VERSION = "1.1.0";

    private final String org;
    private final ProxyRoutes proxies;
    private final EntityRoutes entities;
    private final KeyValueMapRoutes keyValueMaps;
    private final GatewayCredentials credentials;
    private final QuotaCounters quotas = new QuotaCounters();
    /** The runtime base URL of an environment, e.g. {@code http://127.0.0.1:PORT/runtime/acme-test}. */
    private final UnaryOperator<String> runtimeUrl;

    EdgemicroAuthRoutes(String org, ProxyRoutes proxies, EntityRoutes entities, KeyValueMapRoutes keyValueMaps,
            GatewayCredentials credentials, UnaryOperator<String> runtimeUrl) {
        this.org = org;
        this.proxies = proxies;
        this.entities = entities;
        this.keyValueMaps = keyValueMaps;
        this.credentials = credentials;
        this.runtimeUrl = runtimeUrl;
    }

    /** The answer to {@code {org}-{env}/edgemicro-auth/...} ({@code segments} from the host label on), or null. */
    Reply route(GatewayCall c, List<String> segments) {
        if (segments.size() < 2 || !segments.get(1).equals(PROXY)) {
            return null;
        }
        String host = segments.get(0);
        String env = host.startsWith(org + "-") ? host.substring(org.length() + 1) : "";
        String suffix = "/" + String.join("/", segments.subList(2, segments.size()));
        if (env.isEmpty() || !proxies.names().contains(PROXY) || proxies.deployed(env, PROXY).isEmpty()) {
            return GatewayCall.fault(404, "Unable to identify proxy for host: " + host + " and url: /" + PROXY
                    + (suffix.equals("/") ? "" : suffix), "messaging.adaptors.http.flow.ApplicationNotFound");
        }
        String method = c.method();
        if (suffix.equals("/publicKey") && method.equals("GET")) {
            return publicKey(env);
        }
        if (suffix.equals("/v2/version") && method.equals("GET")) {
            return Reply.ok(VERSION);
        }
        if (suffix.equals("/token") && method.equals("POST")) {
            return token(env, c);
        }
        boolean products = suffix.equals("/products") && method.equals("GET");
        boolean verify = suffix.equals("/verifyApiKey") && method.equals("POST");
        boolean quota = suffix.startsWith("/v2/quotas") && method.equals("POST");
        if (!products && !verify && !quota) {
            return GatewayCall.error(400, "invalid_request", "invalid request");
        }
        // Authenticate-Call: the hosted service checks the gateway's key and secret.
        if (!credentials.accept(env, c.authorization())) {
            return GatewayCall.error(401, "unauthorized", "authentication failed ");
        }
        if (products) {
            return products(env);
        }
        return verify ? verifyApiKey(env, c) : applyQuota(c);
    }

    /** Get-Public-Key and Send-Public-Key: the {@code public_key} entry (a certificate), as text. */
    private Reply publicKey(String env) {
        String certificate = microgateway(env).get("public_key");
        if (certificate == null) {
            // What Apigee answers without the entry is not known; the emulator says what is missing.
            return GatewayCall.error(500, "internal_error", "environment " + env + " has no " + KEY_VALUE_MAP
                    + " key value map with a public_key entry");
        }
        return Reply.ok(certificate);
    }

    /**
     * The JavaCallout's list, {@code {"apiProduct": [...]}}: the organization's products enabled in {@code env} (one that
     * names no environment is enabled in all), with the fields it marshals; a quota field that is not set reads
     * {@code "null"}, which the gateway's quota plugin skips ({@code product.interval === "null"}).
     */
    private Reply products(String env) {
        ObjectNode body = Api.JSON.createObjectNode();
        ArrayNode list = body.putArray("apiProduct");
        for (ObjectNode product : entities.products()) {
            if (!listsOrEmpty(product.path("environments"), env)) {
                continue;
            }
            ObjectNode out = list.addObject();
            out.set("apiResources", array(product.path("apiResources")));
            out.put("approvalType", product.path("approvalType").asText("null"));
            out.set("attributes", array(product.path("attributes")));
            copy(product, out, "createdAt");
            out.put("displayName", product.path("displayName").asText("null"));
            out.set("environments", array(product.path("environments")));
            copy(product, out, "lastModifiedAt");
            out.put("name", product.path("name").asText());
            out.set("proxies", array(product.path("proxies")));
            for (String field : List.of("quota", "quotaInterval", "quotaTimeUnit")) {
                out.put(field, product.path(field).asText("null"));
            }
            out.set("scopes", array(product.path("scopes")));
        }
        return Reply.ok(body);
    }

    /** The verify flow: VerifyAPIKey on {@code {"apiKey"}}, then a token for the key's app and all the key's products. */
    private Reply verifyApiKey(String env, GatewayCall c) {
        String apiKey = c.json().path("apiKey").asText("");
        var checked = EdgemicroKeys.verify(entities, env, apiKey, "/verifyApiKey");
        if (checked.refusal() != null) {
            return checked.refusal();
        }
        return signed(env, "/verifyApiKey", claims(checked.key()), null, null);
    }

    /**
     * The token flow, {@code grant_type} {@code client_credentials}: the client's key and secret from the JSON body
     * ({@code client_id}, {@code client_secret}) or Basic, the grant type and scope from the JSON body or form fields.
     * The emulator does not issue {@code password} grants.
     */
    private Reply token(String env, GatewayCall c) {
        JsonNode json = c.json();
        Map<String, String> form = "application/x-www-form-urlencoded".equals(c.headers().getOrDefault("content-type", "")
                .split(";", 2)[0].trim()) ? c.form() : Map.of();
        String grant = json.path("grant_type").asText(form.getOrDefault("grant_type", ""));
        String scope = json.path("scope").asText(form.getOrDefault("scope", ""));
        String[] client = EdgemicroKeys.clientCredentials(json, c.authorization());
        if (!grant.equals("client_credentials")) {
            return GatewayCall.error(401, "unauthorized", "authentication failed " + (grant.equals("password")
                    ? "the emulator issues client_credentials grants only" : "grant_type is missing or invalid"));
        }
        if (client == null) {
            return GatewayCall.error(401, "unauthorized", "authentication failed missing client credentials");
        }
        var checked = EdgemicroKeys.verify(entities, env, client[0], "/token");
        if (checked.refusal() != null) {
            return checked.refusal();
        }
        if (!checked.key().credential().path("consumerSecret").asText().equals(client[1])) {
            return new Reply(401, Api.JSON.createObjectNode().put("ErrorCode", "invalid_client")
                    .put("Error", "ClientId is Invalid"));
        }
        Map<String, Object> claims = claims(checked.key());
        claims.put("access_token", UUID.randomUUID().toString().replace("-", ""));
        List<String> scopes = scopes(checked.key(), scope);
        if (!scopes.isEmpty()) {
            claims.put("scopes", scopes);
        }
        return signed(env, "/token", claims, "Bearer", scopes);
    }

    private Reply applyQuota(GatewayCall c) {
        ObjectNode answer = quotas.apply(c.json(), Instant.now());
        return answer == null
                ? GatewayCall.error(400, "invalid_request", "a quota needs identifier, allow, interval and timeUnit")
                : Reply.ok(answer);
    }

    /** The claims both flows add: client_id, api_product_list (every product of the key), application_name, developer_email. */
    private static Map<String, Object> claims(EntityRoutes.AppKey key) {
        List<String> products = new ArrayList<>();
        key.credential().path("apiProducts").forEach(p -> products.add(p.path("apiproduct").asText()));
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("client_id", key.credential().path("consumerKey").asText());
        claims.put("api_product_list", products);
        claims.put("application_name", key.app().path("name").asText());
        claims.put("developer_email", key.developer().path("email").asText());
        return claims;
    }

    /** The scopes asked for (space-separated) that the key's products hold; all of theirs when none is asked for. */
    private List<String> scopes(EntityRoutes.AppKey key, String requested) {
        Set<String> held = new LinkedHashSet<>();
        key.credential().path("apiProducts").forEach(p -> {
            ObjectNode product = entities.product(p.path("apiproduct").asText());
            if (product != null) {
                product.path("scopes").forEach(s -> held.add(s.asText()));
            }
        });
        if (requested.isBlank()) {
            return List.copyOf(held);
        }
        return List.of(requested.trim().split("\\s+")).stream().filter(held::contains).toList();
    }

    /** Set-Response: {@code {"token"}}, and for a grant also access_token, token_type, expires_in and scope. */
    private Reply signed(String env, String suffix, Map<String, Object> claims, String tokenType, List<String> scopes) {
        Map<String, String> keys = microgateway(env);
        String issuer = runtimeUrl.apply(env) + "/" + PROXY + suffix;
        var token = EdgemicroTokens.sign(keys.get("private_key"), keys.get("private_key_kid"), claims, issuer, Instant.now());
        if (token.isEmpty()) {
            return GatewayCall.fault(500, "Failed to resolve private key", "steps.jwt.FailedToResolvePrivateKey");
        }
        ObjectNode body = Api.JSON.createObjectNode().put("token", token.get());
        if (tokenType != null) {
            if (!scopes.isEmpty()) {
                body.put("scope", String.join(",", scopes));
            }
            body.put("access_token", token.get()).put("token_type", tokenType)
                    .put("expires_in", EdgemicroTokens.EXPIRES_IN_SECONDS);
        }
        return Reply.ok(body);
    }

    private Map<String, String> microgateway(String env) {
        Map<String, String> entries = keyValueMaps.entries(env, KEY_VALUE_MAP);
        return entries == null ? Map.of() : entries;
    }

    /** Whether {@code list} is absent, empty, or holds {@code value}. */
    static boolean listsOrEmpty(JsonNode list, String value) {
        if (!list.isArray() || list.isEmpty()) {
            return true;
        }
        for (JsonNode item : list) {
            if (item.asText().equals(value)) {
                return true;
            }
        }
        return false;
    }

    private static void copy(ObjectNode from, ObjectNode to, String field) {
        if (from.has(field)) {
            to.set(field, from.get(field));
        }
    }

    private static ArrayNode array(JsonNode node) {
        return node.isArray() ? (ArrayNode) node.deepCopy() : Api.JSON.createArrayNode();
    }
}
