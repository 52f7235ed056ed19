package dev.apigeegke.microgateway;

import dev.apigeegke.core.Problems;
import java.net.URI;
import java.util.HashSet;
import java.util.List;
import javax.annotation.Nullable;

/** The rules a {@link MicrogatewayConfig} must meet before the gateway would accept it. */
final class MicrogatewayConfigChecks {
    private MicrogatewayConfigChecks() {
    }

    /** A PEM public key or certificate, never a private key. */
    static void publicKey(Problems problems, @Nullable String publicKeyOverride) {
        if (publicKeyOverride != null) {
            // Allowed without a key-checking plugin: a sidecar's loader requires the key in every case.
            if (publicKeyOverride.contains("PRIVATE KEY")) {
                problems.add("publicKeyOverride", "(a private key)", "give the public key (BEGIN PUBLIC KEY); never put a private key in the config");
            } else {
                problems.check(publicKeyOverride.strip().startsWith("-----BEGIN PUBLIC KEY-----")
                                || publicKeyOverride.strip().startsWith("-----BEGIN CERTIFICATE-----"),
                        "publicKeyOverride", "(not PEM)", "a PEM public key (BEGIN PUBLIC KEY) or certificate (BEGIN CERTIFICATE)");
            }
        }
    }

    /** Known plugins, each once, healthcheck before authentication, quota after it. */
    static void plugins(Problems problems, @Nullable List<String> plugins) {
        if (plugins == null || plugins.isEmpty()) {
            problems.add("plugins", plugins, "name at least one plugin, e.g. healthcheck, oauth, spikearrest, quota");
            return;
        }
        var seen = new HashSet<String>();
        for (int i = 0; i < plugins.size(); i++) {
            String name = plugins.get(i);
            if (name == null || !MicrogatewayDefaults.KNOWN_PLUGINS.contains(name)) {
                problems.add("plugins[" + i + "]", name, "a plugin of microgateway-plugins: "
                        + String.join(", ", MicrogatewayDefaults.KNOWN_PLUGINS.stream().sorted().toList()));
            } else if (!seen.add(name)) {
                problems.add("plugins[" + i + "]", name, "each plugin runs once: remove the second " + name);
            }
        }
        int healthcheck = plugins.indexOf("healthcheck");
        int firstAuth = -1;
        for (int i = 0; i < plugins.size(); i++) {
            if (MicrogatewayDefaults.AUTH_PLUGINS.contains(plugins.get(i))) {
                firstAuth = i;
                break;
            }
        }
        if (healthcheck >= 0 && firstAuth >= 0 && healthcheck > firstAuth) {
            problems.add("plugins", plugins, "put healthcheck before " + plugins.get(firstAuth)
                    + ": load balancer health checks carry no token and would be refused with 401");
        }
        int quota = plugins.indexOf("quota");
        if (quota >= 0 && (firstAuth < 0 || quota < firstAuth)) {
            problems.add("plugins", plugins, "put quota after oauth or apikeys: quota counts per application and "
                    + "API product, which only authentication tells it");
        }
    }

    /**
     * Where the gateway's endpoints point: a private cloud's management server and router, or Edge cloud with its
     * services and runtime hosts; the cloud settings have no meaning in a private cloud, which gives both.
     */
    static void endpoints(Problems problems, boolean privateCloud, @Nullable String managementUri, @Nullable String runtimeBaseUrl,
            @Nullable String servicesUrl, @Nullable String cloudRuntimeBaseUrl) {
        if (privateCloud) {
            url(problems, "privateCloud.managementUri", managementUri, "http://ms.example.com:8080");
            url(problems, "privateCloud.runtimeBaseUrl", runtimeBaseUrl, "https://api.example.com");
            String fix = "in a private cloud the microgateway services are the management server's and edgemicro-auth is on "
                    + "privateCloud's runtimeBaseUrl: remove it";
            problems.check(servicesUrl == null, "servicesUrl", servicesUrl, fix);
            problems.check(cloudRuntimeBaseUrl == null, "runtimeBaseUrl", cloudRuntimeBaseUrl, fix);
            return;
        }
        if (servicesUrl != null) {
            url(problems, "servicesUrl", servicesUrl, "https://edgemicroservices-us-east-1.apigee.net");
        }
        if (cloudRuntimeBaseUrl != null) {
            url(problems, "runtimeBaseUrl", cloudRuntimeBaseUrl, "https://api.example.com");
        }
    }

    /** An absolute http or https URL without query or fragment. */
    static void url(Problems problems, String argument, @Nullable String url, String example) {
        boolean ok = false;
        if (url != null) {
            try {
                var uri = new URI(url);
                ok = ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null
                        && uri.getQuery() == null && uri.getFragment() == null;
            } catch (java.net.URISyntaxException e) {
                ok = false;
            }
        }
        problems.check(ok, argument, url, "an absolute http or https URL without query, e.g. " + example);
    }
}
