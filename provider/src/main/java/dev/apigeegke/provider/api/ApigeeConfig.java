package dev.apigeegke.provider.api;

import java.net.URI;
import java.time.Duration;

/**
 * How to reach one Apigee organization.
 *
 * @param flavor         Edge or X
 * @param baseUrl        the management API base, ending in {@code /v1}
 * @param organization   the organization
 * @param credentials    how to authenticate
 * @param deployTimeout  how long to wait for a deployment to become ready
 * @param maxAttempts    attempts per request for transient failures (429, 5xx, I/O)
 * @param initialBackoff the first retry's delay, doubled for each further retry
 */
public record ApigeeConfig(Flavor flavor, URI baseUrl, String organization, Credentials credentials,
                           Duration deployTimeout, int maxAttempts, Duration initialBackoff) {
}
