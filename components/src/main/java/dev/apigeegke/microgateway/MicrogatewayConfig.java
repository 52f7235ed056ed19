package dev.apigeegke.microgateway;

import com.pulumi.core.Output;
import dev.apigeegke.core.Problems;
import dev.apigeegke.internal.render.Yaml;
import dev.apigeegke.internal.validation.ApigeeNames;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.annotation.Nullable;

/**
 * The Edge Microgateway configuration file ({@code ORG-ENV-config.yaml}): Edge endpoints, listener, logging, plugin
 * sequence and plugin settings. {@link Builder#build()} validates every argument and reports all problems at once.
 */
public final class MicrogatewayConfig {
    private static final Pattern HEADER = Pattern.compile("[a-z0-9!#$%&'*+.^_`|~-]+");

    /**
     * Settings of the {@code oauth} plugin.
     *
     * @param allowNoAuthorization let requests without a token or API key through (insecure)
     * @param allowInvalidAuthorization let requests with an invalid token through (insecure)
     * @param apiKeyHeader the lowercase header carrying the API key
     * @param keepAuthorizationHeader pass the Authorization header on to the backend
     * @param allowApiKeyOnly accept only API keys
     * @param allowOAuthOnly accept only bearer tokens
     */
    public record OAuth(boolean allowNoAuthorization, boolean allowInvalidAuthorization, String apiKeyHeader,
            boolean keepAuthorizationHeader, boolean allowApiKeyOnly, boolean allowOAuthOnly) {

        /** Tokens or API keys required, API key in {@code x-api-key}, Authorization header removed before the backend. */
        public static OAuth defaults() {
            return new OAuth(false, false, MicrogatewayDefaults.API_KEY_HEADER, false, false, false);
        }

        void validate(Problems problems) {
            problems.check(apiKeyHeader != null && HEADER.matcher(apiKeyHeader).matches(), "oauth.apiKeyHeader", apiKeyHeader,
                    "a lowercase HTTP header name such as x-api-key (Node.js lowercases incoming header names, so any other never matches)");
            problems.check(!(allowApiKeyOnly && allowOAuthOnly), "oauth.allowApiKeyOnly", true,
                    "allowApiKeyOnly and allowOAuthOnly exclude each other; set at most one");
        }
    }

    /**
     * Settings of the {@code spikearrest} plugin: {@code allow} requests per {@code timeUnit}, smoothed (one request per
     * timeUnit/allow), with up to {@code bufferSize} requests queued instead of refused.
     */
    public record SpikeArrestPlugin(String timeUnit, int allow, int bufferSize) {

        /** 30 requests per minute with a buffer of 5, as {@code edgemicro init} writes it. */
        public static SpikeArrestPlugin defaults() {
            return new SpikeArrestPlugin("minute", 30, 5);
        }

        /**
         * {@code rate} requests per second with a buffer of one second's requests ({@code rate}), what the patterns'
         * {@code <n>ps} setting gives. With no buffer the plugin refuses every request that comes sooner than 1/rate
         * seconds after the last one it let through, so back-to-back calls of one client mostly fail (measured with
         * microgateway-plugins 3.3.5 at 30 per second: 2 to 4 of 20 sequential requests passed); with the buffer they
         * wait for their slot instead (all 20 passed, in about 0.7 s), and only more than a second's requests at once
         * are refused.
         */
        public static SpikeArrestPlugin perSecond(int rate) {
            return new SpikeArrestPlugin("second", rate, rate);
        }

        void validate(Problems problems) {
            problems.check("second".equals(timeUnit) || "minute".equals(timeUnit), "spikeArrest.timeUnit", timeUnit,
                    "second or minute");
            problems.check(allow >= 1, "spikeArrest.allow", allow, "at least 1 request per timeUnit");
            problems.check(bufferSize >= 0, "spikeArrest.bufferSize", bufferSize, "0 (refuse at once) or more queued requests");
        }
    }

    /** Which headers the gateway adds to the request to the backend (or response to the client). */
    public record Headers(boolean xForwardedFor, boolean xForwardedHost, boolean xRequestId, boolean xResponseTime, boolean via) {

        /** All five headers on. */
        public static Headers defaults() {
            return new Headers(true, true, true, true, true);
        }
    }

    /** Buffering of the analytics records the gateway sends to Apigee. */
    public record Analytics(int bufferSize, int batchSize, int flushInterval) {

        /** 10000 buffered records, batches of 500, flushed every 5000 ms. */
        public static Analytics defaults() {
            return new Analytics(10000, 500, 5000);
        }

        void validate(Problems problems) {
            problems.check(bufferSize >= 1, "analytics.bufferSize", bufferSize, "at least 1 record");
            problems.check(batchSize >= 1 && batchSize <= bufferSize, "analytics.batchSize", batchSize,
                    "from 1 to bufferSize (" + bufferSize + ") records");
            problems.check(flushInterval >= 1, "analytics.flushInterval", flushInterval, "at least 1 millisecond");
        }
    }

    private final String organization;
    private final String environment;
    private final MicrogatewayDefaults.Endpoints endpoints;
    private final boolean privateCloud;
    private final int port;
    private final int maxConnections;
    private final int configChangePollInterval;
    private final String logDir;
    private final String logLevel;
    private final List<String> plugins;
    private final OAuth oauth;
    private final SpikeArrestPlugin spikeArrest;
    private final Headers headers;
    private final Analytics analytics;
    private final @Nullable String publicKeyOverride;
    private final boolean customEndpoints;

    private MicrogatewayConfig(Builder b, MicrogatewayDefaults.Endpoints endpoints, OAuth oauth, SpikeArrestPlugin spikeArrest) {
        this.organization = b.organization;
        this.environment = b.environment;
        this.endpoints = endpoints;
        this.privateCloud = b.managementUri != null;
        this.port = b.port;
        this.maxConnections = b.maxConnections;
        this.configChangePollInterval = b.configChangePollInterval;
        this.logDir = b.logDir;
        this.logLevel = b.logLevel;
        this.plugins = List.copyOf(b.plugins);
        this.oauth = oauth;
        this.spikeArrest = spikeArrest;
        this.headers = b.headers;
        this.analytics = b.analytics;
        this.publicKeyOverride = b.publicKeyOverride;
        this.customEndpoints = b.servicesUrl != null || b.cloudRuntimeBaseUrl != null;
    }

    /** A builder; organization and environment are required. */
    public static Builder builder() {
        return new Builder();
    }

    /** The Apigee organization. */
    public String organization() {
        return organization;
    }

    /** The Apigee environment. */
    public String environment() {
        return environment;
    }

    /** True when the endpoints point at an Edge private cloud. */
    public boolean privateCloud() {
        return privateCloud;
    }

    /** The port the gateway listens on ({@code edgemicro.port}); default 8000. */
    public int port() {
        return port;
    }

    /** The plugin sequence, in the order requests pass through it. */
    public List<String> plugins() {
        return plugins;
    }

    /** The oauth plugin settings; default {@link OAuth#defaults()}. */
    public OAuth oauth() {
        return oauth;
    }

    /** The spikearrest plugin settings; default {@link SpikeArrestPlugin#defaults()}. */
    public SpikeArrestPlugin spikeArrest() {
        return spikeArrest;
    }

    /** The headers the gateway adds; default {@link Headers#defaults()}. */
    public Headers headers() {
        return headers;
    }

    /** The analytics buffering; default {@link Analytics#defaults()}. */
    public Analytics analytics() {
        return analytics;
    }

    /** The edgemicro-auth public key put in the config instead of downloaded; default none. */
    public Optional<String> publicKeyOverride() {
        return Optional.ofNullable(publicKeyOverride);
    }

    /** The name the gateway looks for in its config directory: {@code <org>-<env>-config.yaml}. */
    public String fileName() {
        return organization + "-" + environment + "-config.yaml";
    }

    /** The configuration as YAML, keys sorted so that the same arguments always give the same text. */
    public String toYaml() {
        return Yaml.yaml(tree());
    }

    /**
     * The YAML tree. There is no {@code quota} section: the gateway fills it from the API products' quota settings at
     * start-up, and its validator rejects a {@code quota} section that lacks allow/interval/timeUnit.
     */
    public Map<String, Object> tree() {
        return MicrogatewayConfigTree.of(this, endpoints);
    }

    MicrogatewayDefaults.Endpoints endpoints() {
        return endpoints;
    }

    /** Whether servicesUrl or a cloud runtimeBaseUrl was given, which a MicrogatewaySetup's endpoints would replace. */
    boolean customEndpoints() {
        return customEndpoints;
    }

    /**
     * The YAML the gateway gets: this config, with the endpoints of a {@link MicrogatewaySetup} in place of its own
     * when {@code setup} is given (then known once the setup's credential is registered).
     */
    Output<String> toYaml(@Nullable MicrogatewayEndpoints setup) {
        if (setup == null) {
            return Output.of(toYaml());
        }
        return setup.resolve(endpoints).applyValue(resolved -> Yaml.yaml(MicrogatewayConfigTree.of(this, resolved)));
    }

    int maxConnections() {
        return maxConnections;
    }

    int configChangePollInterval() {
        return configChangePollInterval;
    }

    String logDir() {
        return logDir;
    }

    String logLevel() {
        return logLevel;
    }

    /** Builder of {@link MicrogatewayConfig}. */
    public static final class Builder {
        private @Nullable String organization;
        private @Nullable String environment;
        private @Nullable String managementUri;
        private @Nullable String runtimeBaseUrl;
        private boolean privateCloudSet;
        private @Nullable String servicesUrl;
        private @Nullable String cloudRuntimeBaseUrl;
        private int port = MicrogatewayDefaults.PORT;
        private int maxConnections = MicrogatewayDefaults.MAX_CONNECTIONS;
        private int configChangePollInterval = MicrogatewayDefaults.CONFIG_CHANGE_POLL_INTERVAL;
        private String logDir = MicrogatewayDefaults.LOG_DIR;
        private String logLevel = MicrogatewayDefaults.LOG_LEVEL;
        private List<String> plugins = MicrogatewayDefaults.PLUGINS;
        private @Nullable OAuth oauth;
        private @Nullable SpikeArrestPlugin spikeArrest;
        private Headers headers = Headers.defaults();
        private Analytics analytics = Analytics.defaults();
        private @Nullable String publicKeyOverride;

        private Builder() {
        }

        /** The Apigee Edge organization (required). */
        public Builder organization(String organization) {
            this.organization = organization;
            return this;
        }

        /** The Apigee Edge environment (required). */
        public Builder environment(String environment) {
            this.environment = environment;
            return this;
        }

        /**
         * Edge private cloud: the management server (e.g. {@code http://ms.example.com:8080}) and the router URL that
         * serves edgemicro-auth. Default: Edge cloud endpoints derived from the organization and environment.
         */
        public Builder privateCloud(String managementUri, String runtimeBaseUrl) {
            this.managementUri = managementUri;
            this.runtimeBaseUrl = runtimeBaseUrl;
            this.privateCloudSet = true;
            return this;
        }

        /**
         * Edge cloud: the base URL of Apigee's microgateway services for the organization, where the gateway
         * downloads its bootstrap and sends analytics: the regional host {@code edgemicro configure} found, e.g.
         * {@code https://edgemicroservices-us-east-1.apigee.net}. A {@link MicrogatewaySetup} finds it itself.
         * Default: {@code https://edgemicroservices.apigee.net}, the global host.
         */
        public Builder servicesUrl(String servicesUrl) {
            this.servicesUrl = servicesUrl;
            return this;
        }

        /**
         * Edge cloud: the base URL that serves the environment's {@code edgemicro-auth} proxy (public key, products,
         * key verification, tokens, quotas), for a virtual host on a domain of your own, e.g.
         * {@code https://api.example.com}. Default: {@code https://ORG-ENV.apigee.net}.
         */
        public Builder runtimeBaseUrl(String runtimeBaseUrl) {
            this.cloudRuntimeBaseUrl = runtimeBaseUrl;
            return this;
        }

        /**
         * The port the gateway listens on ({@code edgemicro.port}); the image ignores EDGEMICRO_PORT when it runs
         * several processes, so this is the port. MicrogatewayService and MicrogatewaySidecar need 8000, the port
         * of their Services, probes and NetworkPolicies. Default: 8000.
         */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** The most client connections the gateway accepts at once. Default: 1000. */
        public Builder maxConnections(int maxConnections) {
            this.maxConnections = maxConnections;
            return this;
        }

        /** Seconds between checks for changed proxies, products and keys on Apigee. Default: 600. */
        public Builder configChangePollInterval(int seconds) {
            this.configChangePollInterval = seconds;
            return this;
        }

        /** The directory of the gateway's log files. Default: {@code /opt/apigee/logs} (writable in the image). */
        public Builder logDir(String logDir) {
            this.logDir = logDir;
            return this;
        }

        /** error, warn, info or debug. Default: error. */
        public Builder logLevel(String logLevel) {
            this.logLevel = logLevel;
            return this;
        }

        /**
         * The plugin sequence, in the order requests pass through it. Default: healthcheck, oauth, spikearrest, quota:
         * health checks answered before authentication, quota counted per authenticated application.
         */
        public Builder plugins(List<String> plugins) {
            this.plugins = plugins == null ? null : new ArrayList<>(plugins);
            return this;
        }

        /** Settings of the oauth plugin. Default: {@link OAuth#defaults()}. */
        public Builder oauth(OAuth oauth) {
            this.oauth = oauth;
            return this;
        }

        /** Settings of the spikearrest plugin (which must be in the sequence). Default: {@link SpikeArrestPlugin#defaults()}. */
        public Builder spikeArrest(SpikeArrestPlugin spikeArrest) {
            this.spikeArrest = spikeArrest;
            return this;
        }

        /** Headers the gateway adds. Default: {@link Headers#defaults()}: all on. */
        public Builder headers(Headers headers) {
            this.headers = headers;
            return this;
        }

        /** Analytics buffering. Default: {@link Analytics#defaults()}. */
        public Builder analytics(Analytics analytics) {
            this.analytics = analytics;
            return this;
        }

        /**
         * A PEM public key written into the auth sections ({@code oauth}, {@code apikeys}, {@code oauthv2}) so tokens
         * are verified against it. The image's loader downloads the organization's key from {@code jwt_public_key}, as
         * a Service and (in local-proxy mode too) as a sidecar, so a gateway needs none; npm's microgateway-config
         * 3.3.7 loader downloads nothing in local-proxy mode and insists on one, which is what tests give here.
         * Default: none.
         */
        public Builder publicKeyOverride(String pem) {
            this.publicKeyOverride = pem;
            return this;
        }

        /** The same as {@link #publicKeyOverride(String)}: the organization's edgemicro-auth public key. Default: none. */
        public Builder publicKey(String pem) {
            return publicKeyOverride(pem);
        }

        /** Validates every argument and reports all problems in one {@link dev.apigeegke.core.InvalidArgumentsException}. */
        public MicrogatewayConfig build() {
            var problems = new Problems("MicrogatewayConfig");
            ApigeeNames.checkOrganization(problems, "organization", organization);
            ApigeeNames.checkEnvironment(problems, "environment", environment);
            MicrogatewayConfigChecks.endpoints(problems, privateCloudSet, managementUri, runtimeBaseUrl, servicesUrl, cloudRuntimeBaseUrl);
            problems.check(port >= 1 && port <= 65535, "port", port, "a TCP port from 1 to 65535");
            problems.check(maxConnections >= 1, "maxConnections", maxConnections, "at least 1 connection");
            problems.check(configChangePollInterval >= 1, "configChangePollInterval", configChangePollInterval,
                    "at least 1 second");
            problems.check(logDir != null && logDir.startsWith("/"), "logDir", logDir, "an absolute directory path");
            problems.check(logLevel != null && MicrogatewayDefaults.LOG_LEVELS.contains(logLevel), "logLevel", logLevel,
                    "one of error, warn, info, debug");
            List<String> sequence = plugins == null ? List.of() : plugins;
            MicrogatewayConfigChecks.plugins(problems, plugins);
            boolean authenticates = sequence.stream().anyMatch(MicrogatewayDefaults.AUTH_PLUGINS::contains);
            if (oauth != null) {
                problems.check(authenticates, "oauth", oauth,
                        "oauth settings apply to the oauth or apikeys plugin: add one to plugins or remove the settings");
                oauth.validate(problems);
            }
            if (spikeArrest != null) {
                problems.check(sequence.contains("spikearrest"), "spikeArrest", spikeArrest,
                        "spike arrest settings need spikearrest in plugins: add it or remove the settings");
                spikeArrest.validate(problems);
            }
            problems.check(headers != null, "headers", null, "give Headers.defaults() or remove the call");
            if (analytics == null) {
                problems.add("analytics", null, "give Analytics.defaults() or remove the call");
            } else {
                analytics.validate(problems);
            }
            MicrogatewayConfigChecks.publicKey(problems, publicKeyOverride);
            problems.throwIfAny();
            var endpoints = privateCloudSet
                    ? MicrogatewayDefaults.Endpoints.privateCloud(organization, environment, managementUri, runtimeBaseUrl)
                    : MicrogatewayDefaults.Endpoints.cloud(organization, environment,
                            servicesUrl != null ? servicesUrl : MicrogatewayDefaults.CLOUD_SERVICES_URL, cloudRuntimeBaseUrl);
            return new MicrogatewayConfig(this, endpoints, oauth != null ? oauth : OAuth.defaults(),
                    spikeArrest != null ? spikeArrest : SpikeArrestPlugin.defaults());
        }

    }
}
