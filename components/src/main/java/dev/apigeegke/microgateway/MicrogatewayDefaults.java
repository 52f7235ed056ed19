package dev.apigeegke.microgateway;

import java.util.List;
import java.util.Set;

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

    static final String CLOUD_MANAGEMENT = "https://api.enterprise.apigee.com";
    static final String CLOUD_SERVICES = "https://edgemicroservices.apigee.net/edgemicro";

    private MicrogatewayDefaults() {
    }

    /** The Edge endpoints the gateway calls, for Edge cloud or a private cloud. */
    record Endpoints(String bootstrap, String jwtPublicKey, String managementUri, String authUri, String baseUri,
            String products, String verifyApiKeyUrl, String analyticsUri, String quotaUri) {

        /** Edge cloud: microservices at edgemicroservices.apigee.net, edgemicro-auth on the org-env virtual host. */
        static Endpoints cloud(String org, String env) {
            String auth = "https://" + org + "-" + env + ".apigee.net/edgemicro-auth";
            return new Endpoints(
                    CLOUD_SERVICES + "/bootstrap/organization/" + org + "/environment/" + env,
                    auth + "/publicKey",
                    CLOUD_MANAGEMENT,
                    "https://%s-%s.apigee.net/edgemicro-auth",
                    CLOUD_SERVICES + "/%s/organization/%s/environment/%s",
                    auth + "/products",
                    auth + "/verifyApiKey",
                    CLOUD_SERVICES + "/axpublisher/organization/" + org + "/environment/" + env,
                    CLOUD_SERVICES + "/quotas/organization/%s/environment/%s");
        }

        /** Private cloud: microservices under the management server, edgemicro-auth on the router. */
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
                    services + "/quotas/organization/%s/environment/%s");
        }

        private static String trim(String url) {
            return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        }
    }
}
