package dev.apigeegke.microgateway;

import java.util.LinkedHashMap;
import java.util.Map;

/** Renders a {@link MicrogatewayConfig} as the tree of {@code <org>-<env>-config.yaml}, in the gateway's own keys. */
final class MicrogatewayConfigTree {
    private MicrogatewayConfigTree() {
    }

    /** The config file's tree, with {@code endpoints}: the config's own, or those a setup resolved. */
    static Map<String, Object> of(MicrogatewayConfig config, MicrogatewayDefaults.Endpoints endpoints) {
        var oauth = config.oauth();
        var headers = config.headers();
        var analytics = config.analytics();
        var spikeArrest = config.spikeArrest();
        var plugins = config.plugins();
        String publicKeyOverride = config.publicKeyOverride().orElse(null);
        var tree = new LinkedHashMap<String, Object>();
        var edge = new LinkedHashMap<String, Object>();
        edge.put("bootstrap", endpoints.bootstrap());
        edge.put("jwt_public_key", endpoints.jwtPublicKey());
        edge.put("managementUri", endpoints.managementUri());
        edge.put("vaultName", MicrogatewayDefaults.VAULT_NAME);
        edge.put("authUri", endpoints.authUri());
        edge.put("baseUri", endpoints.baseUri());
        edge.put("bootstrapMessage", MicrogatewayDefaults.BOOTSTRAP_MESSAGE);
        edge.put("keySecretMessage", MicrogatewayDefaults.KEY_SECRET_MESSAGE);
        edge.put("products", endpoints.products());
        edge.put("quotaUri", endpoints.quotaUri());
        tree.put("edge_config", edge);

        tree.put("edgemicro", Map.of(
                "port", config.port(),
                "max_connections", config.maxConnections(),
                "config_change_poll_interval", config.configChangePollInterval(),
                "logging", Map.of(
                        "level", config.logLevel(),
                        "dir", config.logDir(),
                        "stats_log_interval", MicrogatewayDefaults.STATS_LOG_INTERVAL,
                        "rotate_interval", MicrogatewayDefaults.ROTATE_INTERVAL),
                "plugins", Map.of("sequence", plugins)));

        tree.put("headers", Map.of(
                "x-forwarded-for", headers.xForwardedFor(),
                "x-forwarded-host", headers.xForwardedHost(),
                "x-request-id", headers.xRequestId(),
                "x-response-time", headers.xResponseTime(),
                "via", headers.via()));

        var oauthTree = new LinkedHashMap<String, Object>();
        oauthTree.put("allowNoAuthorization", oauth.allowNoAuthorization());
        oauthTree.put("allowInvalidAuthorization", oauth.allowInvalidAuthorization());
        oauthTree.put("verify_api_key_url", endpoints.verifyApiKeyUrl());
        oauthTree.put("api-key-header", oauth.apiKeyHeader());
        oauthTree.put("keep-authorization-header", oauth.keepAuthorizationHeader());
        oauthTree.put("allowAPIKeyOnly", oauth.allowApiKeyOnly());
        oauthTree.put("allowOAuthOnly", oauth.allowOAuthOnly());
        oauthTree.put("gracePeriod", MicrogatewayDefaults.OAUTH_GRACE_PERIOD);
        if (publicKeyOverride != null) {
            oauthTree.put("public_key", publicKeyOverride);
        }
        tree.put("oauth", oauthTree);
        if (publicKeyOverride != null) {
            // npm's microgateway-config 3.3.7 downloads nothing in local-proxy (sidecar) mode, yet wants a public_key in the
            // oauth, apikeys and oauthv2 sections its defaults always contain, whether or not a key-checking plugin runs.
            tree.put("oauthv2", Map.of("public_key", publicKeyOverride));
            if (!plugins.contains("apikeys")) {
                tree.put("apikeys", Map.of("public_key", publicKeyOverride, "api-key-header", oauth.apiKeyHeader()));
            }
        }
        if (plugins.contains("apikeys")) {
            var apikeys = new LinkedHashMap<String, Object>();
            apikeys.put("verify_api_key_url", endpoints.verifyApiKeyUrl());
            apikeys.put("api-key-header", oauth.apiKeyHeader());
            if (publicKeyOverride != null) {
                apikeys.put("public_key", publicKeyOverride);
            }
            tree.put("apikeys", apikeys);
        }

        tree.put("analytics", Map.of(
                "uri", endpoints.analyticsUri(),
                "bufferSize", analytics.bufferSize(),
                "batchSize", analytics.batchSize(),
                "flushInterval", analytics.flushInterval()));
        if (plugins.contains("spikearrest")) {
            tree.put("spikearrest", Map.of(
                    "timeUnit", spikeArrest.timeUnit(),
                    "allow", spikeArrest.allow(),
                    "bufferSize", spikeArrest.bufferSize()));
        }
        // The gateway reads quotas.bufferSize whenever a product has a quota, whether or not quota is in the sequence.
        tree.put("quotas", Map.of("bufferSize", Map.of(
                "default", MicrogatewayDefaults.QUOTA_BUFFER_DEFAULT,
                "hour", MicrogatewayDefaults.QUOTA_BUFFER_DEFAULT,
                "minute", MicrogatewayDefaults.QUOTA_BUFFER_MINUTE,
                "month", MicrogatewayDefaults.QUOTA_BUFFER_DEFAULT)));
        return tree;
    }
}
