package dev.apigeegke.provider.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.apigeegke.provider.testing.Api.Reply;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * edgemicro-auth's Verify-API-Key step (a VerifyAPIKey policy) against the emulator's developer apps: the key must
 * exist, be approved and unexpired, belong to an approved app of an active developer, and hold an approved product
 * that grants edgemicro-auth in the environment on the path called (which is why a product must list
 * {@code edgemicro-auth}). Every refusal is a 401 fault, as the policy raises them.
 */
final class EdgemicroKeys {
    /** What the policy found: the key, or the refusal. */
    record Checked(EntityRoutes.AppKey key, Reply refusal) {
    }

    private EdgemicroKeys() {
    }

    static Checked verify(EntityRoutes entities, String env, String apiKey, String pathSuffix) {
        if (apiKey.isBlank()) {
            return refused("Failed to resolve API Key variable apikey", "steps.oauth.v2.FailedToResolveAPIKey");
        }
        EntityRoutes.AppKey key = entities.appKey(apiKey);
        if (key == null) {
            return refused("Invalid ApiKey", "oauth.v2.InvalidApiKey");
        }
        if (!key.credential().path("status").asText().equals("approved")) {
            return refused("API Key not approved", "oauth.v2.ApiKeyNotApproved");
        }
        long expiresAt = key.credential().path("expiresAt").asLong(-1);
        if (expiresAt > 0 && expiresAt < System.currentTimeMillis()) {
            return refused("The consumer key has expired", "keymanagement.service.consumer_key_expired");
        }
        if (!key.app().path("status").asText().equals("approved")) {
            return refused("Invalid ApiKey", "keymanagement.service.invalid_client-app_not_approved");
        }
        if (key.developer() == null || !key.developer().path("status").asText().equals("active")) {
            return refused("Developer Status is not Active", "keymanagement.service.DeveloperStatusNotActive");
        }
        for (JsonNode held : key.credential().path("apiProducts")) {
            ObjectNode product = entities.product(held.path("apiproduct").asText());
            if (held.path("status").asText().equals("approved") && product != null && grants(product, env, pathSuffix)) {
                return new Checked(key, null);
            }
        }
        return refused("Invalid ApiKey for given resource", "oauth.v2.InvalidApiKeyForGivenResource");
    }

    /**
     * The client's key and secret for a token: {@code client_id} and {@code client_secret} of the JSON body, else the
     * Basic header (Extract-OAuth-Params, Validate-Params); null when neither gives both.
     */
    static String[] clientCredentials(JsonNode json, String authorization) {
        String id = json.path("client_id").asText("");
        String secret = json.path("client_secret").asText("");
        if (!id.isEmpty() && !secret.isEmpty()) {
            return new String[] {id, secret};
        }
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        try {
            String[] pair = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8)
                    .split(":", -1);
            return pair.length == 2 ? pair : null;
        } catch (IllegalArgumentException notBase64) {
            return null;
        }
    }

    /** A product grants a call when it lists edgemicro-auth (or no proxy), the environment (or none) and the path. */
    private static boolean grants(ObjectNode product, String env, String pathSuffix) {
        if (!EdgemicroAuthRoutes.listsOrEmpty(product.path("proxies"), EdgemicroAuthRoutes.PROXY)
                || !EdgemicroAuthRoutes.listsOrEmpty(product.path("environments"), env)) {
            return false;
        }
        JsonNode resources = product.path("apiResources");
        if (!resources.isArray() || resources.isEmpty()) {
            return true;
        }
        for (JsonNode resource : resources) {
            if (matches(resource.asText(), pathSuffix)) {
                return true;
            }
        }
        return false;
    }

    /** Apigee's resource paths: {@code /} and {@code /**} match every path, {@code *} one segment, {@code **} any depth. */
    static boolean matches(String resource, String path) {
        if (resource.equals("/") || resource.equals("/**")) {
            return true;
        }
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < resource.length(); i++) {
            if (resource.startsWith("/**", i) && i + 3 == resource.length()) {
                regex.append("(/.*)?");
                break;
            }
            if (resource.startsWith("**", i)) {
                regex.append(".*");
                i++;
            } else if (resource.charAt(i) == '*') {
                regex.append("[^/]*");
            } else {
                regex.append(Pattern.quote(String.valueOf(resource.charAt(i))));
            }
        }
        return Pattern.matches(regex.toString(), path);
    }

    private static Checked refused(String faultString, String errorCode) {
        return new Checked(null, GatewayCall.fault(401, faultString, errorCode));
    }
}
