package dev.apigeegke.microgateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.Signature;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Tokens as Apigee's edgemicro-auth issues them, signed by a locally generated RSA key that stands in for the
 * organization's key, and the small readers the real-gateway tests share.
 */
final class LocalTokens {
    private static final ObjectMapper JSON = new ObjectMapper();

    private LocalTokens() {
    }

    /** An RS256 JWT with {@code claims}, signed with {@code signer}'s private key. */
    static String token(KeyPair signer, Map<String, Object> claims) throws Exception {
        var encoder = Base64.getUrlEncoder().withoutPadding();
        String header = encoder.encodeToString(JSON.writeValueAsBytes(Map.of("alg", "RS256", "typ", "JWT")));
        String payload = encoder.encodeToString(JSON.writeValueAsBytes(claims));
        var signature = Signature.getInstance("SHA256withRSA");
        signature.initSign(signer.getPrivate());
        signature.update((header + "." + payload).getBytes(StandardCharsets.US_ASCII));
        return header + "." + payload + "." + encoder.encodeToString(signature.sign());
    }

    /** The claims edgemicro-auth puts in a token; the oauth plugin checks the signature, exp and api_product_list. */
    static Map<String, Object> claims(List<String> products, Instant expiry) {
        long now = Instant.now().getEpochSecond();
        return Map.of("application_name", "orders-app", "client_id", "client-1", "api_product_list", products,
                "audience", "microgateway", "iss", "https://acme-test.apigee.net/edgemicro-auth/token",
                "iat", now, "exp", expiry.getEpochSecond());
    }

    /** {@code keys}' public key as PEM, as the gateway's config carries it. */
    static String publicKeyPem(KeyPair keys) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(keys.getPublic().getEncoded());
        return "-----BEGIN PUBLIC KEY-----\n" + body + "\n-----END PUBLIC KEY-----\n";
    }

    /** The HTTP statuses of a harness report's results, in order. */
    static List<Integer> statuses(JsonNode results) {
        var statuses = new ArrayList<Integer>();
        results.forEach(r -> statuses.add(r.path("status").asInt()));
        return statuses;
    }
}
