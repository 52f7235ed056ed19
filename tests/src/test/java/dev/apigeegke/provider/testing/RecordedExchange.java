package dev.apigeegke.provider.testing;

import dev.apigeegke.provider.api.ApigeePlatform;
import java.nio.charset.StandardCharsets;

/**
 * One request an emulator received and the answer it gave, for checking both against the published API
 * description of the emulated platform.
 *
 * @param platform    the platform the emulator plays
 * @param request     the request, secrets masked
 * @param status      the answer's HTTP status
 * @param contentType the answer's Content-Type, or null when it had no body
 * @param body        the answer's body, empty when it had none
 */
public record RecordedExchange(ApigeePlatform platform, RecordedRequest request, int status, String contentType,
                               byte[] body) {
    /** The answer's body as UTF-8 text. */
    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** The request and the status, for readable failures. */
    @Override
    public String toString() {
        return request + " -> " + status;
    }
}
