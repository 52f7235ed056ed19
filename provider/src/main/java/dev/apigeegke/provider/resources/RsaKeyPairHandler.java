package dev.apigeegke.provider.resources;

import dev.apigeegke.provider.api.ApigeeClient;
import dev.apigeegke.provider.schema.ProviderSchema;
import dev.apigeegke.provider.schema.ResourceSchema;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code apigee:index:RsaKeyPair}, id a random UUID: a key pair and its self-signed certificate, made once by
 * {@link KeyPairs} on create and then only kept. Every input replaces it, so no update changes the keys; read
 * returns the state, so a refresh cannot regenerate them. No Apigee call is made.
 */
final class RsaKeyPairHandler implements ResourceHandler {
    private static final ResourceSchema SCHEMA = ProviderSchema.get().require("apigee:index:RsaKeyPair");
    private static final List<Long> KEY_BITS = List.of(2048L, 3072L, 4096L);
    private static final long MAX_VALIDITY_DAYS = 36500;

    @Override
    public ResourceSchema schema() {
        return SCHEMA;
    }

    @Override
    public void check(Checks c) {
        var cn = c.string("commonName");
        if (cn != null && !cn.isEmpty() && (!cn.strip().equals(cn) || cn.length() > 64)) {
            // RFC 5280's upper bound for a common name; surrounding spaces would be kept in the certificate.
            c.fail("commonName", "'commonName' must be 1 to 64 characters without surrounding spaces, got \"" + cn
                    + "\": use a name such as \"acme-test\"");
        }
        var bits = c.integer("keyBits");
        if (bits != null && !KEY_BITS.contains(bits)) {
            c.fail("keyBits", "'keyBits' must be 2048, 3072 or 4096, got " + bits
                    + ": remove it (it defaults to 2048) or set one of those sizes");
        }
        var days = c.integer("validityDays");
        if (days != null && (days < 1 || days > MAX_VALIDITY_DAYS)) {
            c.fail("validityDays", "'validityDays' must be a number of days from 1 to 36500, got " + days
                    + ": remove it (it defaults to 3650, about ten years) or set a number in that range");
        }
    }

    @Override
    public Created create(ApigeeClient client, Map<String, Object> in) {
        var cn = Props.required(in, "commonName");
        int bits = intOrDefault(in, "keyBits");
        int days = intOrDefault(in, "validityDays");
        var made = KeyPairs.generate(cn, bits, days);
        var out = Props.ordered();
        out.put("commonName", cn);
        out.put("keyBits", bits);
        out.put("validityDays", days);
        out.put("privateKeyPem", made.privateKeyPem());
        out.put("publicKeyPem", made.publicKeyPem());
        out.put("certificatePem", made.certificatePem());
        out.put("certificateSha256", made.certificateSha256());
        out.put("notAfter", made.notAfter());
        return new Created(UUID.randomUUID().toString(), out);
    }

    private static int intOrDefault(Map<String, Object> in, String key) {
        var v = Props.integer(in, key);
        return v != null ? v : ((Number) SCHEMA.inputDefaults().get(key)).intValue();
    }

    /**
     * The state as it is: the key exists nowhere else to be read from. A resource being imported has no state, and
     * its private key cannot be had from anywhere, so that is refused.
     */
    @Override
    public Optional<Map<String, Object>> read(ApigeeClient client, String id, Map<String, Object> state) {
        if (state.get("privateKeyPem") == null) {
            throw new IllegalArgumentException("an RsaKeyPair cannot be imported: its private key exists only in the "
                    + "state of the stack that created it; declare a new RsaKeyPair instead");
        }
        return Optional.of(state);
    }

    /** Every input replaces the resource, so an update changes nothing: the keys stay as they are. */
    @Override
    public Map<String, Object> update(ApigeeClient client, String id, Map<String, Object> olds, Map<String, Object> news) {
        return olds;
    }

    /** Nothing exists outside the state. */
    @Override
    public void delete(ApigeeClient client, String id, Map<String, Object> olds) {
    }
}
