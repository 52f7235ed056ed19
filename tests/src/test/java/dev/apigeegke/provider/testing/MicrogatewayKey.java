package dev.apigeegke.provider.testing;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * An Edge Microgateway key registered with the emulator's microgateway services, as a gateway then presents it.
 *
 * @param environment the environment it was registered for
 * @param key         the key
 * @param secret      the secret
 */
public record MicrogatewayKey(String environment, String key, String secret) {
    /** Whether {@code authorization} is {@code Basic base64(key:secret)} of this key, as the gateway sends it. */
    public boolean accepts(String authorization) {
        return authorization != null && authorization.trim().equals("Basic " + Base64.getEncoder()
                .encodeToString((key + ":" + secret).getBytes(StandardCharsets.UTF_8)));
    }

    /** Never the key or secret: test output stays free of them. */
    @Override
    public String toString() {
        return "MicrogatewayKey[environment=" + environment + ", key=***, secret=***]";
    }
}
