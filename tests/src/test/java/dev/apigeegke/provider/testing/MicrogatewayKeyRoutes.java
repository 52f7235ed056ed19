package dev.apigeegke.provider.testing;

import static dev.apigeegke.provider.testing.Api.JSON;
import static dev.apigeegke.provider.testing.Api.badRequest;
import static dev.apigeegke.provider.testing.Api.conflict;
import static dev.apigeegke.provider.testing.Api.notFound;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.apigeegke.provider.testing.Api.ApiError;
import dev.apigeegke.provider.testing.Api.Reply;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The Edge Microgateway services' key calls, as {@code edgemicro configure} and {@code revokekeys} use them on
 * {@code edgemicroservices.apigee.net}: {@code POST /edgemicro/credential/organization/{org}/environment/{env}}
 * registers {@code {key, secret}} (the org admin's credentials; 409 for a key already registered), {@code DELETE} on
 * the same path revokes {@code {key}} (404 for one that is not), and
 * {@code GET /edgemicro/region/organization/{org}/environment/{env}}, with Basic key:secret of a registered key,
 * answers {@code {region, host}}, the host being this emulator's own loopback address so the regional URL reaches it.
 */
final class MicrogatewayKeyRoutes {
    /** The path prefix these routes serve. */
    static final String PREFIX = "/edgemicro/";
    /** The region the emulator answers. */
    static final String REGION = "us-east-1";

    private final String org;
    private final Set<String> environments;
    private final Supplier<String> host;
    /** The keys registered and not revoked, shared with the routes that check them. */
    private final GatewayCredentials keys;

    MicrogatewayKeyRoutes(String org, Set<String> environments, Supplier<String> host, GatewayCredentials keys) {
        this.org = org;
        this.environments = environments;
        this.host = host;
        this.keys = keys;
    }

    /** The keys registered and not revoked. */
    List<MicrogatewayKey> keys() {
        return keys.all();
    }

    /**
     * The answer to {@code method} on {@code segments} (below {@code /edgemicro/}, decoded); {@code admin} checks the
     * org admin's credentials, {@code authorization} is the header as sent.
     */
    Reply route(String method, List<String> segments, String authorization, byte[] body, Runnable admin) {
        if (segments.size() != 5 || !segments.get(1).equals("organization") || !segments.get(3).equals("environment")) {
            throw notFound("messaging.NotFound", "No resource at " + method + " " + PREFIX + String.join("/", segments));
        }
        String what = segments.get(0);
        String env = segments.get(4);
        if (what.equals("region") && method.equals("GET")) {
            return region(segments.get(2), env, authorization);
        }
        if (!what.equals("credential")) {
            throw notFound("messaging.NotFound", "No resource at " + method + " " + PREFIX + String.join("/", segments));
        }
        admin.run();
        known(segments.get(2), env);
        return switch (method) {
            case "POST" -> register(env, body);
            case "DELETE" -> revoke(env, body);
            default -> throw new ApiError(405, "messaging.MethodNotAllowed", method + " is not allowed here");
        };
    }

    private void known(String organization, String env) {
        if (!organization.equals(org)) {
            throw notFound("organizations.OrganizationDoesNotExist", "Organization " + organization + " does not exist");
        }
        if (!environments.contains(env)) {
            throw notFound("environments.EnvironmentDoesNotExist", "Environment " + env + " does not exist");
        }
    }

    private Reply register(String env, byte[] body) {
        ObjectNode json = object(body);
        String key = json.path("key").asText("");
        String secret = json.path("secret").asText("");
        if (key.isBlank() || secret.isBlank()) {
            throw badRequest("edgemicro.InvalidCredential", "key and secret are required");
        }
        if (keys.contains(key)) {
            throw conflict("edgemicro.CredentialExists", "the key is already registered");
        }
        keys.register(env, key, secret);
        return Reply.created(null);
    }

    private Reply revoke(String env, byte[] body) {
        String key = object(body).path("key").asText("");
        if (!keys.revoke(env, key)) {
            throw notFound("edgemicro.CredentialDoesNotExist", "no such key in environment " + env);
        }
        return Reply.ok(null);
    }

    private Reply region(String organization, String env, String authorization) {
        if (!keys.accept(env, authorization)) {
            throw new ApiError(401, "edgemicro.Unauthorized", "Invalid key or secret");
        }
        known(organization, env);
        return Reply.ok(JSON.createObjectNode().put("region", REGION).put("host", host.get()));
    }

    private static ObjectNode object(byte[] body) {
        try {
            if (JSON.readTree(body) instanceof ObjectNode object) {
                return object;
            }
        } catch (java.io.IOException e) {
            // answered below
        }
        throw badRequest("messaging.adaptors.http.flow.RequestBodyMalformed", "the request body is not a JSON object");
    }
}
