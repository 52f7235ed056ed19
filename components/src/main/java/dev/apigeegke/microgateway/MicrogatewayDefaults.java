package dev.apigeegke.microgateway;

import java.util.List;
import java.util.Set;
import javax.annotation.Nullable;

/** Defaults of the Edge Microgateway configuration, as {@code edgemicro configure} writes them, and the endpoints of Edge. */
final class MicrogatewayDefaults {
    static final int PORT = 8000;
    static final int MAX_CONNECTIONS = 1000;
    static final int CONFIG_CHANGE_POLL_INTERVAL = 600;
    static final String LOG_DIR = "/opt/apigee/logs";
    static final String LOG_LEVEL = "error";
    static final Set<String> LOG_LEVELS = Set.of("error", "warn", "info", "debug");
    static final int STATS_LOG_INTERVAL = 60;
    static final int ROTATE_INTERVAL = 24;
    static final List<String> PLUGINS = List.of("healthcheck", "oauth", "spikearrest", "quota");
    /** The plugins shipped in microgateway-plugins that a sequence may name. */
    static final Set<String> KNOWN_PLUGINS = Set.of("healthcheck", "oauth", "oauthv2", "apikeys", "spikearrest", "quota",
            "quota-memory", "accumulate-request", "accumulate-response", "header-uppercase", "transform-uppercase", "cors",
            "json2xml", "extauth", "accesscontrol", "bauth", "monitor", "metrics", "invalidHeader",
            "cloud-foundry-route-service");
    /** The plugins that authenticate the caller and so tell quota which application and product a request uses. */
    static final Set<String> AUTH_PLUGINS = Set.of("oauth", "oauthv2", "apikeys");
    static final String API_KEY_HEADER = "x-api-key";
    static final String VAULT_NAME = "microgateway";
    static final String BOOTSTRAP_MESSAGE = "Please copy the following property to the edge micro agent config";
    static final String KEY_SECRET_MESSAGE = "The following credentials are required to start edge micro";
    /** Quota counters buffered locally per product time unit before syncing with Apigee. */
    static final int QUOTA_BUFFER_DEFAULT = 10000;
    static final int QUOTA_BUFFER_MINUTE = 500;

    /**
     * Clock-skew tolerance, in seconds, on a token's nbf and exp: what {@code edgemicro configure} writes, so that a
     * token minted by edgemicro-auth on a clock a little ahead is not refused.
     */
    static final int OAUTH_GRACE_PERIOD = 10;

    static final String CLOUD_MANAGEMENT = "https://api.enterprise.apigee.com";
    /** The global host of Apigee's microgateway services; {@code configure} writes the organization's regional one. */
    static final String CLOUD_SERVICES_URL = "https://edgemicroservices.apigee.net";
    /** The form {@code configure} writes for authUri and quotaUri: the gateway fills in organization and environment. */
    static final String CLOUD_AUTH_TEMPLATE = "https://%s-%s.apigee.net/edgemicro-auth";

    private MicrogatewayDefaults() {
    }

    /** Edge cloud's runtime base URL of an environment, which serves edgemicro-auth: {@code https://ORG-ENV.apigee.net}. */
    static String cloudRuntime(String org, String env) {
        return "https://" + org + "-" + env + ".apigee.net";
    }

    /** The Edge endpoints the gateway calls, for Edge cloud or a private cloud. */
    record Endpoints(String bootstrap, String jwtPublicKey, String managementUri, String authUri, String baseUri,
            String products, String verifyApiKeyUrl, String analyticsUri, String quotaUri) {

        /**
         * Edge cloud: bootstrap and analytics at {@code servicesUrl} (the global host, or the regional one configure
         * finds), baseUri at the global host, edgemicro-auth at {@code runtimeBaseUrl} (null: the org-env virtual host).
         */
        static Endpoints cloud(String org, String env, String servicesUrl, @Nullable String runtimeBaseUrl) {
            String services = trim(servicesUrl) + "/edgemicro";
            boolean defaultRuntime = runtimeBaseUrl == null;
            String auth = (defaultRuntime ? cloudRuntime(org, env) : trim(runtimeBaseUrl)) + "/edgemicro-auth";
            // The %s form is what configure writes; a custom virtual host has no org-env pattern to fill in.
            String template = defaultRuntime ? CLOUD_AUTH_TEMPLATE : auth;
            String quota = defaultRuntime ? CLOUD_AUTH_TEMPLATE : quotaUri(auth);
            return new Endpoints(
                    services + "/bootstrap/organization/" + org + "/environment/" + env,
                    auth + "/publicKey",
                    CLOUD_MANAGEMENT,
                    template,
                    CLOUD_SERVICES_URL + "/edgemicro/%s/organization/%s/environment/%s",
                    auth + "/products",
                    auth + "/verifyApiKey",
                    services + "/axpublisher/organization/" + org + "/environment/" + env,
                    quota);
        }

        /** Private cloud: microservices under the management server, edgemicro-auth (and its quota API) on the router. */
        static Endpoints privateCloud(String org, String env, String management, String runtime) {
            String services = trim(management) + "/edgemicro";
            String auth = trim(runtime) + "/edgemicro-auth";
            return new Endpoints(
                    services + "/bootstrap/organization/" + org + "/environment/" + env,
                    auth + "/publicKey",
                    trim(management),
                    auth,
                    services + "/%s/organization/%s/environment/%s",
                    auth + "/products",
                    auth + "/verifyApiKey",
                    services + "/axpublisher/organization/" + org + "/environment/" + env,
                    quotaUri(auth));
        }

        /**
         * edgemicro-auth's quota API at a URL without the org-env pattern. The loader passes quotaUri through
         * {@code util.format(quotaUri, org, env)}, which appends arguments that no specifier takes (" ORG ENV", which
         * would end up in every quota call's URL); {@code %c} takes an argument and writes nothing (Node 12.11 and later).
         */
        static String quotaUri(String auth) {
            return auth + "%c%c";
        }

        /** These endpoints with the ones a setup resolved in their place; managementUri and baseUri stay. */
        Endpoints with(String bootstrap, String analyticsUri, String quotaUri, String authUri, String products,
                String jwtPublicKey, String verifyApiKeyUrl) {
            return new Endpoints(bootstrap, jwtPublicKey, managementUri, authUri, baseUri, products, verifyApiKeyUrl,
                    analyticsUri, quotaUri);
        }

        static String trim(String url) {
            return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        }
    }
}
