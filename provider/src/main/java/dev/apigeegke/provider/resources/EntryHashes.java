package dev.apigeegke.provider.resources;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The stand-ins a key value map keeps in its state instead of its values: one HMAC-SHA256 per entry under a random
 * key of the map's own. A plain SHA-256 of a value would let anyone who reads the state confirm guesses of a short
 * value (a PIN, "true") in moments, and a salt kept beside it would not stop that; under a key that is itself a
 * secret in the state, the hashes tell nothing to anyone who cannot decrypt the stack's secrets, who could read the
 * values from the inputs anyway. The entry's key is hashed with its value, so two entries holding the same value do
 * not show the same hash.
 */
final class EntryHashes {
    /** The hash of an entry that Apigee shows without its value and the state knows nothing about. */
    static final String UNKNOWN = "unknown";
    /** What Diff compares a new value with when the state has no hash key: never equal to a hash. */
    static final String NO_KEY = "no hash key in the state";

    private static final String ALGORITHM = "HmacSHA256";
    private static final int KEY_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private EntryHashes() {
    }

    /** A new random hash key, base64. */
    static String newKey() {
        byte[] key = new byte[KEY_BYTES];
        RANDOM.nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    /** The hash of entry {@code key} holding {@code value}; {@link #NO_KEY} when {@code hashKey} is null. */
    static String of(String hashKey, String key, String value) {
        if (hashKey == null || hashKey.isEmpty()) {
            return NO_KEY;
        }
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(hashKey), ALGORITHM));
            // The key's length first, so ("ab", "c") and ("a", "bc") hash apart.
            mac.update((key.length() + ":" + key).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("cannot hash a key value map entry: " + e.getClass().getSimpleName(), e);
        }
    }

    /** The hash of every entry, by key. */
    static Map<String, String> of(String hashKey, Map<String, String> entries) {
        var out = new TreeMap<String, String>();
        entries.forEach((k, v) -> out.put(k, of(hashKey, k, v)));
        return out;
    }
}
