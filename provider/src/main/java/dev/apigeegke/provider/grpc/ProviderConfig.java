package dev.apigeegke.provider.grpc;

import dev.apigeegke.provider.api.ApigeeConfig;
import dev.apigeegke.provider.api.Credentials;
import dev.apigeegke.provider.api.ApigeePlatform;
import dev.apigeegke.provider.resources.Checks.Failure;
import dev.apigeegke.provider.schema.ProviderSchema;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The provider's configuration ({@code apigee:*} stack config): validation whose every failure says
 * which {@code pulumi config} command fixes it, and the {@link ApigeeConfig} it yields.
 */
final class ProviderConfig {
    /** The config keys, without the {@code apigee:} prefix: the provider's inputs in the schema. */
    static final List<String> KEYS = ProviderSchema.get().provider().inputNames();
    /**
     * Changing these points the provider at other resources, so every resource it manages is replaced: the provider
     * inputs the schema marks {@code replaceOnChanges}.
     */
    static final Set<String> REPLACING = Set.copyOf(ProviderSchema.get().provider().replaceOnChanges());
    static final Duration DEPLOY_TIMEOUT = Duration.ofMinutes(10);
    static final int MAX_ATTEMPTS = 5;
    static final Duration INITIAL_BACKOFF = Duration.ofSeconds(1);

    private static final String VARIABLE_PREFIX = "apigee:config:";

    private ProviderConfig() {
    }

    /** The config keys of {@code all} that have a value, in {@link #KEYS} order. */
    static Map<String, Object> select(Map<String, Object> all) {
        var out = new LinkedHashMap<String, Object>();
        KEYS.forEach(k -> {
            if (all.get(k) != null) {
                out.put(k, all.get(k));
            }
        });
        return out;
    }

    /**
     * The config from ConfigureRequest.args, falling back to the older {@code variables} map
     * ({@code apigee:config:<key>} to a string); values keep their secret and unknown markers.
     */
    static Map<String, Object> merge(Map<String, Object> args, Map<String, String> variables) {
        var out = new LinkedHashMap<String, Object>();
        variables.forEach((k, v) -> {
            if (k.startsWith(VARIABLE_PREFIX)) {
                out.put(k.substring(VARIABLE_PREFIX.length()), PropertyStructs.UNKNOWN_STRING.equals(v) ? SecretsAndUnknowns.UNKNOWN : v);
            }
        });
        args.forEach((k, v) -> {
            if (v != null) {
                out.put(k, v);
            }
        });
        return out;
    }

    private static String text(Map<String, Object> plain, String key) {
        var v = plain.get(key);
        if (v == null) {
            return null;
        }
        var s = String.valueOf(v).strip();
        return s.isEmpty() ? null : s;
    }

    private static Failure fail(String key, String reason) {
        return new Failure(key, reason);
    }

    /** Every problem with the known config values; {@code unknown} keys are not judged. */
    static List<Failure> validate(Map<String, Object> plain, Set<String> unknown) {
        var failures = new ArrayList<Failure>();
        var platform = ApigeePlatform.EDGE;
        var platformText = text(plain, "flavor");
        if (platformText != null) {
            switch (platformText.toLowerCase(Locale.ROOT)) {
                case "edge" -> platform = ApigeePlatform.EDGE;
                case "x" -> platform = ApigeePlatform.X;
                default -> failures.add(fail("flavor", "apigee:flavor must be edge or x, got \"" + platformText
                        + "\"; run `pulumi config set apigee:flavor edge` (Apigee Edge) or `pulumi config set apigee:flavor x` (Apigee X or hybrid)"));
            }
        }
        if (text(plain, "organization") == null && !unknown.contains("organization")) {
            failures.add(fail("organization", "apigee:organization is not set; run `pulumi config set apigee:organization <your-apigee-organization>`"));
        }
        var baseUrl = text(plain, "baseUrl");
        if (baseUrl != null) {
            if (!absoluteHttpUrl(baseUrl)) {
                failures.add(fail("baseUrl", "apigee:baseUrl must be an absolute http(s) URL of the management API, got \""
                        + baseUrl + "\"; run `pulumi config set apigee:baseUrl " + platform.defaultBaseUrl()
                        + "` (or your management server's URL ending in /v1)"));
            }
        }
        var services = text(plain, "microgatewayServicesUrl");
        if (services != null && !absoluteHttpUrl(services)) {
            failures.add(fail("microgatewayServicesUrl", "apigee:microgatewayServicesUrl must be an absolute http(s) URL "
                    + "of the Edge Microgateway services, got \"" + services + "\"; run `pulumi config set "
                    + "apigee:microgatewayServicesUrl " + ApigeeConfig.DEFAULT_MICROGATEWAY_SERVICES_URL
                    + "` (Apigee Edge SaaS) or `pulumi config rm apigee:microgatewayServicesUrl`"));
        }
        var token = text(plain, "accessToken") != null || unknown.contains("accessToken");
        var user = text(plain, "username") != null || unknown.contains("username");
        var password = text(plain, "password") != null || unknown.contains("password");
        var adcText = text(plain, "useApplicationDefaultCredentials");
        var adc = false;
        if (adcText != null) {
            if (adcText.equalsIgnoreCase("true") || adcText.equalsIgnoreCase("false")) {
                adc = Boolean.parseBoolean(adcText.toLowerCase(Locale.ROOT));
            } else {
                failures.add(fail("useApplicationDefaultCredentials", "apigee:useApplicationDefaultCredentials must be true or false, got \""
                        + adcText + "\"; run `pulumi config set apigee:useApplicationDefaultCredentials true`"));
            }
        }
        adc |= unknown.contains("useApplicationDefaultCredentials");
        if (platform == ApigeePlatform.EDGE) {
            if (adc && adcText != null && Boolean.parseBoolean(adcText)) {
                failures.add(fail("useApplicationDefaultCredentials", "Apigee Edge does not accept Google credentials; run "
                        + "`pulumi config rm apigee:useApplicationDefaultCredentials`, or `pulumi config set apigee:flavor x` if the organization is on Apigee X"));
            }
            if (token && (user || password)) {
                failures.add(fail("accessToken", "set either apigee:accessToken or apigee:username and apigee:password, not both; run "
                        + "`pulumi config rm apigee:accessToken` or `pulumi config rm apigee:username` and `pulumi config rm apigee:password`"));
            } else if (user && !password) {
                failures.add(fail("password", "apigee:username is set but apigee:password is not; run `pulumi config set --secret apigee:password <password>`"));
            } else if (password && !user) {
                failures.add(fail("username", "apigee:password is set but apigee:username is not; run `pulumi config set apigee:username <user>`"));
            } else if (!token && !user) {
                failures.add(fail("accessToken", "Apigee Edge needs credentials; run `pulumi config set --secret apigee:accessToken <oauth-token>`, "
                        + "or `pulumi config set apigee:username <user>` and `pulumi config set --secret apigee:password <password>`"));
            }
        } else {
            if (user || password) {
                failures.add(fail(user ? "username" : "password", "Apigee X does not accept a username and password; run "
                        + "`pulumi config rm apigee:username` and `pulumi config rm apigee:password`, then use "
                        + "`pulumi config set apigee:useApplicationDefaultCredentials true` or `pulumi config set --secret apigee:accessToken $(gcloud auth print-access-token)`"));
            } else if (token && adc) {
                failures.add(fail("accessToken", "set either apigee:accessToken or apigee:useApplicationDefaultCredentials, not both; run "
                        + "`pulumi config rm apigee:accessToken` or `pulumi config rm apigee:useApplicationDefaultCredentials`"));
            } else if (!token && !adc) {
                failures.add(fail("useApplicationDefaultCredentials", "Apigee X needs credentials; run `pulumi config set apigee:useApplicationDefaultCredentials true` "
                        + "(gcloud auth application-default login, or the workload's service account), "
                        + "or `pulumi config set --secret apigee:accessToken $(gcloud auth print-access-token)`"));
            }
        }
        return failures;
    }

    private static boolean absoluteHttpUrl(String text) {
        try {
            var uri = URI.create(text);
            return uri.getHost() != null && List.of("http", "https").contains(String.valueOf(uri.getScheme()));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The platform {@code apigee:flavor} names: Edge unless it says x. */
    static ApigeePlatform platform(Map<String, Object> plain) {
        var platformText = text(plain, "flavor");
        return platformText != null && platformText.equalsIgnoreCase("x") ? ApigeePlatform.X : ApigeePlatform.EDGE;
    }

    /** The client config of a validated, fully known config. */
    static ApigeeConfig toApigeeConfig(Map<String, Object> plain) {
        var platform = platform(plain);
        var baseUrl = text(plain, "baseUrl");
        var base = baseUrl == null ? platform.defaultBaseUrl() : URI.create(baseUrl.replaceAll("/+$", ""));
        Credentials credentials;
        if (text(plain, "accessToken") != null) {
            credentials = new Credentials.Bearer(text(plain, "accessToken"));
        } else if (text(plain, "username") != null) {
            credentials = new Credentials.Basic(text(plain, "username"), text(plain, "password"));
        } else {
            credentials = new Credentials.GoogleDefault();
        }
        var services = text(plain, "microgatewayServicesUrl");
        return new ApigeeConfig(platform, base, text(plain, "organization"), credentials, DEPLOY_TIMEOUT, MAX_ATTEMPTS,
                INITIAL_BACKOFF, services == null ? null : URI.create(services.replaceAll("/+$", "")));
    }
}
