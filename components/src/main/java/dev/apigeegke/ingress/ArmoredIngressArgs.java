package dev.apigeegke.ingress;

import com.pulumi.core.Output;
import dev.apigeegke.core.Names;
import dev.apigeegke.core.Problems;
import dev.apigeegke.internal.validation.Distinct;
import dev.apigeegke.internal.validation.GcpNames;
import dev.apigeegke.internal.validation.Hostnames;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import javax.annotation.Nullable;

/**
 * Arguments of {@link ArmoredIngress}. Every optional argument documents its default; {@link Builder#build()}
 * validates them all and reports every problem at once.
 */
public final class ArmoredIngressArgs {

    private final @Nullable String project;
    private final String namespace;
    private final @Nullable List<String> allowlist;
    private final @Nullable Output<List<String>> allowlistOutput;
    private final List<IngressBackend> backends;
    private final String defaultBackend;
    private final boolean internal;
    private final @Nullable String region;
    private final @Nullable String subnetwork;
    private final @Nullable String network;
    private final @Nullable ProxyOnlySubnet proxyOnlySubnet;
    private final boolean networkPolicies;
    private final List<String> domains;
    private final @Nullable String sslPolicy;
    private final List<String> wafRuleSets;
    private final int wafSensitivity;
    private final @Nullable RateBan rateBan;
    private final boolean adaptiveProtection;
    private final boolean verboseLogging;
    private final int denyStatus;
    private final int timeoutSec;
    private final int drainingTimeoutSec;
    private final double logSampleRate;

    private ArmoredIngressArgs(Builder b, String defaultBackend) {
        this.project = b.project;
        this.namespace = b.namespace;
        this.allowlist = b.allowlist == null ? null : List.copyOf(b.allowlist);
        this.allowlistOutput = b.allowlistOutput;
        this.backends = List.copyOf(b.backends);
        this.defaultBackend = defaultBackend;
        this.internal = b.internal;
        this.region = b.region;
        this.subnetwork = b.subnetwork;
        this.network = b.internal && b.network == null ? ArmoredIngressDefaults.NETWORK : b.network;
        this.proxyOnlySubnet = b.proxyOnlySubnet;
        this.networkPolicies = b.networkPolicies;
        this.domains = List.copyOf(b.domains);
        this.sslPolicy = b.sslPolicy;
        this.wafRuleSets = List.copyOf(b.wafRuleSets);
        this.wafSensitivity = b.wafSensitivity;
        this.rateBan = b.rateBan;
        this.adaptiveProtection = b.adaptiveProtection;
        this.verboseLogging = b.verboseLogging;
        this.denyStatus = b.denyStatus;
        this.timeoutSec = b.timeoutSec;
        this.drainingTimeoutSec = b.drainingTimeoutSec;
        this.logSampleRate = b.logSampleRate;
    }

    /** A builder; at least one backend is required, and an allowlist unless internal. */
    public static Builder builder() {
        return new Builder();
    }

    /** The GCP project of the address and policy; default: the gcp provider's. */
    public Optional<String> project() {
        return Optional.ofNullable(project);
    }

    /** The namespace of the Ingress and its Services; default {@code default}. */
    public String namespace() {
        return namespace;
    }

    /** The allowlist as given: a plain list, or an output checked when its value is known. */
    Output<List<String>> allowlist() {
        return allowlist != null ? Output.of(allowlist) : allowlistOutput;
    }

    /** The allowlist when given as a plain list. */
    public Optional<List<String>> plainAllowlist() {
        return Optional.ofNullable(allowlist);
    }

    /** The backends, each with its Service, paths and health check. */
    public List<IngressBackend> backends() {
        return backends;
    }

    /** The name of the backend that serves unmatched paths. */
    public String defaultBackend() {
        return defaultBackend;
    }

    /** Whether the Ingress is internal ({@code gce-internal}); default false. */
    public boolean internal() {
        return internal;
    }

    /** The region of an internal address; default none (required when internal). */
    public Optional<String> region() {
        return Optional.ofNullable(region);
    }

    /** The subnetwork of an internal address; default: the region's of the network. */
    public Optional<String> subnetwork() {
        return Optional.ofNullable(subnetwork);
    }

    /** The VPC network of the proxy-only subnet and firewall rule; set only for an internal Ingress. */
    public Optional<String> network() {
        return Optional.ofNullable(network);
    }

    /** The proxy-only subnet of an internal Ingress; empty for an external one. */
    public Optional<ProxyOnlySubnet> proxyOnlySubnet() {
        return Optional.ofNullable(proxyOnlySubnet);
    }

    /** Whether each backend's pods get a NetworkPolicy admitting only the load balancer. */
    public boolean networkPolicies() {
        return networkPolicies;
    }

    /** HTTPS domains with a Google-managed certificate; default none (HTTP only). */
    public List<String> domains() {
        return domains;
    }

    /** The SSL policy of the HTTPS frontend; default none. */
    public Optional<String> sslPolicy() {
        return Optional.ofNullable(sslPolicy);
    }

    /** Preconfigured Cloud Armor WAF rule sets; default none. */
    public List<String> wafRuleSets() {
        return wafRuleSets;
    }

    /** The WAF rules' sensitivity level; default 1. */
    public int wafSensitivity() {
        return wafSensitivity;
    }

    /** A rate-based ban per client; default none. */
    public Optional<RateBan> rateBan() {
        return Optional.ofNullable(rateBan);
    }

    /** Cloud Armor Adaptive Protection; default false. */
    public boolean adaptiveProtection() {
        return adaptiveProtection;
    }

    /** Cloud Armor's verbose logging; default false. */
    public boolean verboseLogging() {
        return verboseLogging;
    }

    /** The status the default deny rule answers; default 403. */
    public int denyStatus() {
        return denyStatus;
    }

    /** The backend service's timeout in seconds; default 30. */
    public int timeoutSec() {
        return timeoutSec;
    }

    /** The connection-draining timeout in seconds; default 30. */
    public int drainingTimeoutSec() {
        return drainingTimeoutSec;
    }

    /** The load balancer's request log sampling rate; default 1.0. */
    public double logSampleRate() {
        return logSampleRate;
    }

    /** Builder of {@link ArmoredIngressArgs}. */
    public static final class Builder {
        private @Nullable String project;
        private String namespace = ArmoredIngressDefaults.NAMESPACE;
        private @Nullable List<String> allowlist;
        private @Nullable Output<List<String>> allowlistOutput;
        private List<IngressBackend> backends = new ArrayList<>();
        private @Nullable String defaultBackend;
        private boolean internal;
        private @Nullable String region;
        private @Nullable String subnetwork;
        private @Nullable String network;
        private @Nullable ProxyOnlySubnet proxyOnlySubnet;
        private boolean networkPolicies = ArmoredIngressDefaults.NETWORK_POLICIES;
        private List<String> domains = List.of();
        private @Nullable String sslPolicy;
        private List<String> wafRuleSets = List.of();
        private int wafSensitivity = ArmoredIngressDefaults.WAF_SENSITIVITY;
        private @Nullable RateBan rateBan;
        private boolean adaptiveProtection;
        private boolean verboseLogging;
        private int denyStatus = ArmoredIngressDefaults.DENY_STATUS;
        private int timeoutSec = ArmoredIngressDefaults.BACKEND_TIMEOUT_SEC;
        private int drainingTimeoutSec = ArmoredIngressDefaults.DRAINING_TIMEOUT_SEC;
        private double logSampleRate = ArmoredIngressDefaults.LOG_SAMPLE_RATE;

        private Builder() {
        }

        /** The GCP project of the address and security policy. Default: the gcp provider's project. */
        public Builder project(String project) {
            this.project = project;
            return this;
        }

        /** The namespace of the Kubernetes objects. Default: {@code default}. */
        public Builder namespace(String namespace) {
            this.namespace = namespace;
            return this;
        }

        /** The only source ranges admitted (IPv4 and IPv6 CIDRs): the API gateway's egress addresses. Required unless internal. */
        public Builder allowlist(List<String> cidrs) {
            this.allowlist = cidrs == null ? null : new ArrayList<>(cidrs);
            this.allowlistOutput = null;
            return this;
        }

        /** The allowlist as an output of other resources; it is checked when its value is known. Required unless internal, as {@link #allowlist(List)}. */
        public Builder allowlist(Output<List<String>> cidrs) {
            this.allowlistOutput = cidrs;
            this.allowlist = null;
            return this;
        }

        /** The Services behind the Ingress (at least one). Required, here or with {@link #backend(IngressBackend)}. */
        public Builder backends(List<IngressBackend> backends) {
            this.backends = backends == null ? new ArrayList<>() : new ArrayList<>(backends);
            return this;
        }

        /** Adds a Service behind the Ingress. Required at least once, unless {@link #backends(List)} is given. */
        public Builder backend(IngressBackend backend) {
            this.backends.add(backend);
            return this;
        }

        /** The backend serving unmatched paths. Default: the first backend (always an armored Service). */
        public Builder defaultBackend(String backendName) {
            this.defaultBackend = backendName;
            return this;
        }

        /**
         * An internal Ingress ({@code gce-internal}, regional address) for clients inside the VPC. Default: false.
         * Cloud Armor does not attach to internal load balancers through BackendConfig, so no policy is created.
         * Requires {@link #region} and {@link #proxyOnlySubnet}; {@link #network} names the cluster's network.
         */
        public Builder internal(boolean internal) {
            this.internal = internal;
            return this;
        }

        /** The region of the internal address (required when internal). */
        public Builder region(String region) {
            this.region = region;
            return this;
        }

        /** The subnetwork of the internal address. Default: the region's subnetwork of the default network. */
        public Builder subnetwork(String subnetwork) {
            this.subnetwork = subnetwork;
            return this;
        }

        /**
         * The internal load balancer's proxy-only subnet (required when internal): the region's existing one
         * ({@link ProxyOnlySubnet#existing}) or one to create ({@link ProxyOnlySubnet#create}). A VPC firewall rule
         * admits its range to the backends' target ports, and so do the backends' NetworkPolicies.
         */
        public Builder proxyOnlySubnet(ProxyOnlySubnet proxyOnlySubnet) {
            this.proxyOnlySubnet = proxyOnlySubnet;
            return this;
        }

        /**
         * The cluster's VPC network (a name or self link), where an internal Ingress's proxy-only subnet and
         * firewall rule go. Default: {@code default}, as {@code GkeClusterArgs}; only for an internal Ingress.
         */
        public Builder network(String network) {
            this.network = network;
            return this;
        }

        /**
         * A NetworkPolicy per backend, selecting its pods and admitting only Google's load balancer and health-check
         * ranges ({@code 35.191.0.0/16}, {@code 130.211.0.0/22}), plus the proxy-only subnet when internal, on the
         * target port, so nothing in the VPC or the cluster reaches the pods around the load balancer. Default: true.
         * NetworkPolicies add up: other policies selecting the same pods (a gateway's own) still admit their callers.
         */
        public Builder networkPolicies(boolean enabled) {
            this.networkPolicies = enabled;
            return this;
        }

        /** Domains served over HTTPS with a Google-managed certificate; HTTP redirects to HTTPS. Default: none (HTTP only). */
        public Builder domains(List<String> domains) {
            this.domains = domains == null ? List.of() : List.copyOf(domains);
            return this;
        }

        /** The SSL policy name for HTTPS (FrontendConfig). Default: Google's default policy. */
        public Builder sslPolicy(String sslPolicy) {
            this.sslPolicy = sslPolicy;
            return this;
        }

        /**
         * Preconfigured WAF rule sets denied before the allowlist, by the names Cloud Armor publishes, e.g.
         * {@code sqli-v422-stable}, {@code sqli-v33-stable}, {@code cve-canary}. Default: none.
         */
        public Builder wafRuleSets(List<String> ruleSets) {
            this.wafRuleSets = ruleSets == null ? List.of() : List.copyOf(ruleSets);
            return this;
        }

        /** WAF sensitivity from 1 (fewest false positives) to 4. Default: 1. */
        public Builder wafSensitivity(int sensitivity) {
            this.wafSensitivity = sensitivity;
            return this;
        }

        /**
         * A rate-based ban on allowlisted traffic. Default: none. Choose its key for who reaches the load balancer:
         * {@link RateBan#of} counts by source IP; behind a gateway use {@link RateBan#byHeader} with a header the
         * gateway sets (every request comes from the gateway's addresses).
         */
        public Builder rateBan(RateBan rateBan) {
            this.rateBan = rateBan;
            return this;
        }

        /** Cloud Armor Adaptive Protection (layer 7 DDoS detection). Default: false. */
        public Builder adaptiveProtection(boolean enabled) {
            this.adaptiveProtection = enabled;
            return this;
        }

        /** Verbose Cloud Armor logging. Default: false. */
        public Builder verboseLogging(boolean enabled) {
            this.verboseLogging = enabled;
            return this;
        }

        /** The status of denied requests: 403, 404 or 502. Default: 403. */
        public Builder denyStatus(int status) {
            this.denyStatus = status;
            return this;
        }

        /** Backend service timeout in seconds. Default: 30. */
        public Builder timeoutSec(int timeoutSec) {
            this.timeoutSec = timeoutSec;
            return this;
        }

        /**
         * Connection draining timeout in seconds, 0 to 3600. Keep the backends' preStop waits at least this long.
         * Default: 30.
         */
        public Builder drainingTimeoutSec(int drainingTimeoutSec) {
            this.drainingTimeoutSec = drainingTimeoutSec;
            return this;
        }

        /** Share of requests logged by the load balancer, 0.0 to 1.0. Default: 1.0. */
        public Builder logSampleRate(double rate) {
            this.logSampleRate = rate;
            return this;
        }

        /** Validates every argument and reports all problems in one {@link dev.apigeegke.core.InvalidArgumentsException}. */
        public ArmoredIngressArgs build() {
            var problems = new Problems("ArmoredIngressArgs");
            if (namespace == null || !Names.isLabel(namespace)) {
                problems.add("namespace", namespace, "a Kubernetes namespace name: lowercase letters, digits and '-'");
            }
            if (!internal) {
                if (allowlistOutput == null) {
                    ArmorRules.validateAllowlist(problems, "allowlist", allowlist);
                }
                problems.check(proxyOnlySubnet == null, "proxyOnlySubnet", proxyOnlySubnet,
                        "only an internal load balancer uses a proxy-only subnet; remove it or set internal(true)");
                problems.check(network == null, "network", network,
                        "only an internal Ingress creates network resources (the proxy-only firewall rule); remove it or set internal(true)");
            } else {
                GcpNames.checkRegion(problems, "region", region, "an internal Ingress needs the region of its address");
                problems.check(domains.isEmpty(), "domains", domains,
                        "Google-managed certificates are not available on internal load balancers; remove domains or set internal(false)");
                problems.check(allowlist == null && allowlistOutput == null, "allowlist", allowlist,
                        "Cloud Armor does not attach to internal load balancers; restrict access with VPC firewall rules and remove the allowlist");
                if (proxyOnlySubnet == null) {
                    problems.add("proxyOnlySubnet", null, "an internal load balancer sends from the region's proxy-only subnet: "
                            + "give the existing one, ProxyOnlySubnet.existing(name, cidr), or one to create, ProxyOnlySubnet.create(\"10.129.0.0/23\")");
                } else {
                    proxyOnlySubnet.check(problems, "proxyOnlySubnet.cidr", "proxyOnlySubnet.name", region);
                }
                problems.check(network == null || GcpNames.isNetwork(network), "network", network,
                        "a VPC network name such as default, or its self link projects/PROJECT/global/networks/NAME");
            }
            if (backends.isEmpty()) {
                problems.add("backends", backends, "add at least one IngressBackend");
            }
            var names = new HashSet<String>();
            var paths = new HashSet<String>();
            for (int i = 0; i < backends.size(); i++) {
                var backend = backends.get(i);
                if (backend == null) {
                    problems.add("backends[" + i + "]", null, "remove the null entry");
                    continue;
                }
                backend.validate(problems, "backends[" + i + "]");
                if (backend.name() != null && !names.add(backend.name())) {
                    problems.add("backends[" + i + "].name", backend.name(), "two backends share this name; Service names must be unique");
                }
                for (String path : backend.paths()) {
                    if (path != null && !paths.add(path)) {
                        problems.add("backends[" + i + "].paths", path, "this path is routed to two backends; route each path once");
                    }
                }
            }
            String chosenDefault = defaultBackend;
            if (chosenDefault == null && !backends.isEmpty() && backends.get(0) != null) {
                chosenDefault = backends.get(0).name();
            } else if (chosenDefault != null && !names.contains(chosenDefault)) {
                problems.add("defaultBackend", chosenDefault, "name one of the backends: " + names);
            }
            for (int i = 0; i < domains.size(); i++) {
                Hostnames.check(problems, "domains[" + i + "]", domains.get(i), "api.example.com");
            }
            Distinct.check(problems, "domains", domains);
            if (domains.size() > 100) {
                problems.add("domains", domains.size() + " domains", "a ManagedCertificate takes at most 100 domains");
            }
            problems.check(sslPolicy == null || !domains.isEmpty(), "sslPolicy", sslPolicy, "an SSL policy applies to HTTPS: give domains too");
            for (int i = 0; i < wafRuleSets.size(); i++) {
                String set = wafRuleSets.get(i);
                problems.check(WafRuleSets.isKnown(set), "wafRuleSets[" + i + "]", set, WafRuleSets.fix(set));
            }
            Distinct.check(problems, "wafRuleSets", wafRuleSets);
            problems.check(wafSensitivity >= 1 && wafSensitivity <= 4, "wafSensitivity", wafSensitivity, "a sensitivity from 1 to 4");
            if (rateBan != null) {
                rateBan.validate(problems);
            }
            problems.check(ArmoredIngressDefaults.DENY_STATUSES.contains(denyStatus), "denyStatus", denyStatus,
                    "Cloud Armor denies with 403, 404 or 502");
            problems.check(timeoutSec >= 1 && timeoutSec <= 86400, "timeoutSec", timeoutSec, "a timeout from 1 to 86400 seconds");
            problems.check(drainingTimeoutSec >= 0 && drainingTimeoutSec <= 3600, "drainingTimeoutSec", drainingTimeoutSec,
                    "a draining timeout from 0 to 3600 seconds");
            problems.check(logSampleRate >= 0.0 && logSampleRate <= 1.0, "logSampleRate", logSampleRate, "a rate from 0.0 to 1.0");
            problems.throwIfAny();
            return new ArmoredIngressArgs(this, chosenDefault);
        }
    }
}
