package dev.apigeegke.provider.api;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * How to reach one Apigee organization. A {@code null} deployTimeout, initialBackoff or microgatewayServicesUrl, or
 * a maxAttempts below 1, takes the documented default ({@link #DEFAULT_DEPLOY_TIMEOUT},
 * {@link #DEFAULT_INITIAL_BACKOFF}, {@link #DEFAULT_MAX_ATTEMPTS}, {@link #DEFAULT_MICROGATEWAY_SERVICES_URL}).
 *
 * @param platform       Edge or X ({@code apigee:flavor})
 * @param baseUrl        the management API base, ending in {@code /v1}
 * @param organization   the organization
 * @param credentials    how to authenticate
 * @param deployTimeout  how long to wait for a deployment to become ready
 * @param maxAttempts    attempts per request for transient failures (429, 5xx, I/O)
 * @param initialBackoff the first retry's delay, doubled for each further retry
 * @param microgatewayServicesUrl the Edge Microgateway services base ({@code apigee:microgatewayServicesUrl}), where
 *                       a gateway's key is registered
 */
public record ApigeeConfig(ApigeePlatform platform, URI baseUrl, String organization, Credentials credentials,
                           Duration deployTimeout, int maxAttempts, Duration initialBackoff,
                           URI microgatewayServicesUrl) {
    /** Default wait for a deployment to become ready: 5 minutes. */
    public static final Duration DEFAULT_DEPLOY_TIMEOUT = Duration.ofMinutes(5);
    /** Default attempts per request: 5 (the first try and four retries). */
    public static final int DEFAULT_MAX_ATTEMPTS = 5;
    /** Default first retry delay: 1 second, doubled for each further retry. */
    public static final Duration DEFAULT_INITIAL_BACKOFF = Duration.ofSeconds(1);
    /** Default Edge Microgateway services base: Apigee Edge SaaS's, {@code https://edgemicroservices.apigee.net}. */
    public static final URI DEFAULT_MICROGATEWAY_SERVICES_URL = URI.create("https://edgemicroservices.apigee.net");

    /** Validates the inputs (all problems in one message) and fills the defaults. */
    public ApigeeConfig {
        List<String> problems = new ArrayList<>();
        if (platform == null) {
            problems.add("platform is missing: set EDGE or X");
        }
        if (baseUrl == null) {
            baseUrl = platform == null ? null : platform.defaultBaseUrl();
        } else if (!"https".equals(baseUrl.getScheme()) && !"http".equals(baseUrl.getScheme())) {
            problems.add("baseUrl must be an http(s) URL such as " + ApigeePlatform.X.defaultBaseUrl() + ", got scheme '"
                    + baseUrl.getScheme() + "'");
        }
        if (organization == null || organization.isBlank()) {
            problems.add("organization is missing: set the Apigee organization name");
        }
        if (credentials == null) {
            problems.add("credentials are missing: set an access token, a user and password (Edge), "
                    + "or use Application Default Credentials (X)");
        }
        if (deployTimeout == null) {
            deployTimeout = DEFAULT_DEPLOY_TIMEOUT;
        } else if (deployTimeout.isNegative() || deployTimeout.isZero()) {
            problems.add("deployTimeout must be positive, got " + deployTimeout);
        }
        if (maxAttempts < 1) {
            maxAttempts = DEFAULT_MAX_ATTEMPTS;
        }
        if (initialBackoff == null) {
            initialBackoff = DEFAULT_INITIAL_BACKOFF;
        } else if (initialBackoff.isNegative()) {
            problems.add("initialBackoff must not be negative, got " + initialBackoff);
        }
        if (microgatewayServicesUrl == null) {
            microgatewayServicesUrl = DEFAULT_MICROGATEWAY_SERVICES_URL;
        } else if (!"https".equals(microgatewayServicesUrl.getScheme()) && !"http".equals(microgatewayServicesUrl.getScheme())
                || microgatewayServicesUrl.getHost() == null) {
            problems.add("microgatewayServicesUrl must be an absolute http(s) URL such as "
                    + DEFAULT_MICROGATEWAY_SERVICES_URL + ", got '" + microgatewayServicesUrl + "'");
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("invalid Apigee configuration: " + String.join("; ", problems));
        }
    }

    /** A configuration with the default Edge Microgateway services ({@link #DEFAULT_MICROGATEWAY_SERVICES_URL}). */
    public ApigeeConfig(ApigeePlatform platform, URI baseUrl, String organization, Credentials credentials,
                        Duration deployTimeout, int maxAttempts, Duration initialBackoff) {
        this(platform, baseUrl, organization, credentials, deployTimeout, maxAttempts, initialBackoff, null);
    }

    /** This configuration with the Edge Microgateway services at {@code servicesUrl} (null: the default). */
    public ApigeeConfig withMicrogatewayServicesUrl(URI servicesUrl) {
        return new ApigeeConfig(platform, baseUrl, organization, credentials, deployTimeout, maxAttempts, initialBackoff,
                servicesUrl);
    }

    /** The documented defaults for the platform's public endpoint (deployTimeout 5 min, 5 attempts, 1 s backoff). */
    public static ApigeeConfig of(ApigeePlatform platform, String organization, Credentials credentials) {
        return of(platform, platform == null ? null : platform.defaultBaseUrl(), organization, credentials);
    }

    /** The documented defaults with another endpoint (Edge private cloud, regional X). */
    public static ApigeeConfig of(ApigeePlatform platform, URI baseUrl, String organization, Credentials credentials) {
        return new ApigeeConfig(platform, baseUrl, organization, credentials, DEFAULT_DEPLOY_TIMEOUT,
                DEFAULT_MAX_ATTEMPTS, DEFAULT_INITIAL_BACKOFF);
    }
}
