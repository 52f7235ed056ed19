package dev.apigeegke.microgateway;

import com.pulumi.core.Output;
import com.pulumi.kubernetes.core.v1.inputs.CapabilitiesArgs;
import com.pulumi.kubernetes.core.v1.inputs.ContainerArgs;
import com.pulumi.kubernetes.core.v1.inputs.ContainerPortArgs;
import com.pulumi.kubernetes.core.v1.inputs.EmptyDirVolumeSourceArgs;
import com.pulumi.kubernetes.core.v1.inputs.EnvVarArgs;
import com.pulumi.kubernetes.core.v1.inputs.EnvVarSourceArgs;
import com.pulumi.kubernetes.core.v1.inputs.HTTPGetActionArgs;
import com.pulumi.kubernetes.core.v1.inputs.LifecycleArgs;
import com.pulumi.kubernetes.core.v1.inputs.ObjectFieldSelectorArgs;
import com.pulumi.kubernetes.core.v1.inputs.ProbeArgs;
import com.pulumi.kubernetes.core.v1.inputs.ResourceRequirementsArgs;
import com.pulumi.kubernetes.core.v1.inputs.SeccompProfileArgs;
import com.pulumi.kubernetes.core.v1.inputs.SecretKeySelectorArgs;
import com.pulumi.kubernetes.core.v1.inputs.SecurityContextArgs;
import com.pulumi.kubernetes.core.v1.inputs.VolumeArgs;
import com.pulumi.kubernetes.core.v1.inputs.VolumeMountArgs;
import dev.apigeegke.core.Problems;
import dev.apigeegke.workload.PreStop;
import dev.apigeegke.internal.validation.ApigeeNames;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.annotation.Nullable;

/**
 * The pieces of a hardened Edge Microgateway container that {@link MicrogatewayService} and
 * {@link MicrogatewaySidecar} share: its credentials Secret, the env read from it, probes, the drain hook, security
 * context and the emptyDir volumes for what the image writes ({@link GatewayImage#WRITES}).
 */
final class GatewayContainer {
    private static final List<Map.Entry<String, String>> SECRET_ENV = List.of(
            Map.entry("EDGEMICRO_ORG", "mgw-org"), Map.entry("EDGEMICRO_ENV", "mgw-env"),
            Map.entry("EDGEMICRO_KEY", "mgw-key"), Map.entry("EDGEMICRO_SECRET", "mgw-secret"),
            Map.entry("EDGEMICRO_CONFIG", "mgw-config"));

    private GatewayContainer() {
    }

    /** The Secret's {@code stringData}: the mgw-* keys, each value its own Pulumi secret. */
    static Output<Map<String, String>> credentials(String org, String env, Output<String> key, Output<String> secret,
                                                   Output<String> yaml) {
        var values = new LinkedHashMap<String, Output<String>>();
        values.put("mgw-org", Output.ofSecret(org));
        values.put("mgw-env", Output.ofSecret(env));
        values.put("mgw-key", key.asSecret());
        values.put("mgw-secret", secret.asSecret());
        // The image decodes EDGEMICRO_CONFIG with base64 -d: the value (not only its storage) is base64.
        values.put("mgw-config", yaml.applyValue(y -> Base64.getEncoder().encodeToString(y.getBytes(StandardCharsets.UTF_8))).asSecret());
        return mapOf(values);
    }

    /**
     * A known map whose values are Outputs of their own, each keeping its secretness and unknownness (the Secret's
     * values are secrets; a config hash waiting for a setup's host is unknown in a preview, its key still there, so
     * the manifest stays schema-valid). SecretArgs types {@code stringData} as
     * {@code Output<Map<String, String>>}, but the SDK serializes an output nested in a map like any other, keeping
     * its secretness: the engine receives an object whose values are secrets (what TypeScript's
     * {@code stringData: {k: pulumi.secret(v)}} sends), so a preview shows the keys with {@code [secret]} strings,
     * which stay schema-valid, and no value in clear. With {@code data} the placeholders would not be base64.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static Output<Map<String, String>> mapOf(Map<String, Output<String>> values) {
        return Output.of((Map<String, String>) (Map) values);
    }

    /** EDGEMICRO_ORG, _ENV, _KEY, _SECRET and _CONFIG from the Secret, EDGEMICRO_CONFIG_DIR and the pod's identity. */
    static List<EnvVarArgs> env(String secretName) {
        var env = new ArrayList<EnvVarArgs>();
        for (var entry : SECRET_ENV) {
            env.add(EnvVarArgs.builder().name(entry.getKey()).valueFrom(EnvVarSourceArgs.builder()
                    .secretKeyRef(SecretKeySelectorArgs.builder().name(secretName).key(entry.getValue()).build()).build()).build());
        }
        env.add(plain("EDGEMICRO_CONFIG_DIR", GatewayImage.CONFIG_DIR));
        // No EDGEMICRO_PORT: with EDGEMICRO_PROCESSES set (always, here) the entrypoint ignores it and the gateway
        // listens on the config's edgemicro.port, which the args checks hold to the port everything else uses.
        return env;
    }

    /** What distinguishes one gateway container from another: its name, port name and the env and settings it gets. */
    record Shape(String name, String portName, List<EnvVarArgs> env, String image, Map<String, String> requests,
                 Map<String, String> limits, boolean seccomp, String volumePrefix, int preStopSeconds) {
    }

    /**
     * The gateway container: the pinned image on port 8000, probes of the healthcheck plugin (two minutes to start,
     * as it fetches products and keys from Apigee first), the hardened security context, the volumes for what the
     * image writes, and the drain hook.
     */
    static ContainerArgs container(Shape shape) {
        var container = ContainerArgs.builder()
                .name(shape.name())
                .image(shape.image())
                .imagePullPolicy("IfNotPresent")
                .ports(ContainerPortArgs.builder().name(shape.portName()).containerPort(MicrogatewayServiceDefaults.PORT).protocol("TCP").build())
                .env(shape.env())
                .startupProbe(probe(5, 24))
                .readinessProbe(probe(5, 3))
                .livenessProbe(probe(15, 3))
                .resources(ResourceRequirementsArgs.builder().requests(shape.requests()).limits(shape.limits()).build())
                .securityContext(securityContext(shape.seccomp()))
                .volumeMounts(volumeMounts(shape.volumePrefix()));
        if (shape.preStopSeconds() > 0) {
            container.lifecycle(drainHook(shape.preStopSeconds()));
        }
        return container.build();
    }

    /** POD_NAME, POD_NAMESPACE and INSTANCE_IP, which the gateway reports to Apigee. */
    static List<EnvVarArgs> podIdentity() {
        return List.of(field("POD_NAME", "metadata.name"), field("POD_NAMESPACE", "metadata.namespace"),
                field("INSTANCE_IP", "status.podIP"));
    }

    static EnvVarArgs plain(String variable, String value) {
        return EnvVarArgs.builder().name(variable).value(value).build();
    }

    private static EnvVarArgs field(String variable, String fieldPath) {
        return EnvVarArgs.builder().name(variable)
                .valueFrom(EnvVarSourceArgs.builder().fieldRef(ObjectFieldSelectorArgs.builder().fieldPath(fieldPath).build()).build())
                .build();
    }

    /** An HTTP probe of the healthcheck plugin on port 8000. */
    static ProbeArgs probe(int periodSeconds, int failureThreshold) {
        return ProbeArgs.builder()
                .httpGet(HTTPGetActionArgs.builder().path(MicrogatewayServiceDefaults.HEALTH_PATH).port(MicrogatewayServiceDefaults.PORT).build())
                .periodSeconds(periodSeconds)
                .failureThreshold(failureThreshold)
                .timeoutSeconds(2)
                .build();
    }

    /**
     * Keeps the gateway serving while the load balancer takes the pod out of its endpoints: the image's SIGTERM
     * handler stops the gateway at once, so the wait must come before it. The image has {@code sleep}.
     */
    static LifecycleArgs drainHook(int preStopSeconds) {
        return PreStop.sleep(preStopSeconds);
    }

    /**
     * Non-root uid/gid 101, no privilege escalation, all capabilities dropped; with {@code seccomp}, RuntimeDefault
     * on the container itself (for pods whose pod-level context we do not own). The root filesystem is writable for
     * this container only: {@code edgemicro start} creates its socket and pid file in the working directory
     * {@code /opt/apigee}, where the stop handler looks for them. On a read-only root the listen fails with EROFS and
     * nothing serves port 8000. An emptyDir on the working directory would hide the image's files there, and it
     * outlives container restarts, so a socket left by a killed gateway would make every restart refuse to start.
     * The container layer is new on each restart; uid 101 can write only where the image lets user apigee write.
     */
    static SecurityContextArgs securityContext(boolean seccomp) {
        var context = SecurityContextArgs.builder()
                .runAsNonRoot(true)
                .runAsUser(GatewayImage.USER)
                .runAsGroup(GatewayImage.USER)
                .allowPrivilegeEscalation(false)
                .readOnlyRootFilesystem(false)
                .privileged(false)
                .capabilities(CapabilitiesArgs.builder().drop("ALL").build());
        if (seccomp) {
            context.seccompProfile(SeccompProfileArgs.builder().type("RuntimeDefault").build());
        }
        return context.build();
    }

    /**
     * Size-limited emptyDirs for the directories the image fills ({@link GatewayImage#WRITES} of lifetime ANY): the
     * decoded config and its cache, the logs, and /tmp. /opt/apigee/plugins stays the image's own, so custom plugins
     * baked into an image survive. Volume names start with {@code prefix}, so they cannot clash with a pod's own.
     */
    static List<VolumeMountArgs> volumeMounts(String prefix) {
        return List.of(
                VolumeMountArgs.builder().name(prefix + "config").mountPath(GatewayImage.CONFIG_DIR).build(),
                VolumeMountArgs.builder().name(prefix + "logs").mountPath(GatewayImage.LOG_DIR).build(),
                VolumeMountArgs.builder().name(prefix + "tmp").mountPath(GatewayImage.TMP_DIR).build());
    }

    /** The emptyDir volumes behind {@link #volumeMounts(String)}. */
    static List<VolumeArgs> volumes(String prefix) {
        return List.of(emptyDir(prefix + "config", "16Mi"), emptyDir(prefix + "logs", "1Gi"), emptyDir(prefix + "tmp", "64Mi"));
    }

    private static VolumeArgs emptyDir(String volume, String sizeLimit) {
        return VolumeArgs.builder().name(volume).emptyDir(EmptyDirVolumeSourceArgs.builder().sizeLimit(sizeLimit).build()).build();
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** Checks a preStop wait: 0 (no hook) to 3600 seconds, the longest connection draining Google's load balancers do. */
    static void checkPreStop(Problems problems, int preStopSeconds) {
        problems.check(preStopSeconds >= 0 && preStopSeconds <= MAX_PRE_STOP_SECONDS, "preStopSeconds", preStopSeconds,
                "from 0 (no hook) to " + MAX_PRE_STOP_SECONDS + " seconds; at least the Ingress's connection-draining timeout");
    }

    private static final int MAX_PRE_STOP_SECONDS = 3600;

    /**
     * Who a gateway is on Apigee and what it loads, as its builder resolved them: from a {@link MicrogatewaySetup}'s
     * environment (then {@code endpoints} replace the config's) or given one by one.
     */
    record Identity(String organization, String environment, MicrogatewayConfig config, Output<String> key,
                    Output<String> secret, @Nullable MicrogatewayEndpoints endpoints) {
        /** The YAML the gateway loads: the config, with the setup's endpoints when there is a setup. */
        Output<String> yaml() {
            return config.toYaml(endpoints);
        }
    }

    /**
     * Resolves and checks a gateway's identity: with {@code setup}, its organization, environment, key, secret and
     * endpoints, and by default a config with every default; then {@link #checkIdentity}. {@code who} names the gateway.
     */
    static Identity identity(Problems problems, String who, @Nullable MicrogatewayEnvironment setup, @Nullable String org,
                             @Nullable String env, @Nullable MicrogatewayConfig config, @Nullable Output<String> key,
                             @Nullable Output<String> secret) {
        MicrogatewayEndpoints endpoints = null;
        if (setup != null) {
            problems.check(org == null || org.equals(setup.organization()), "organization", org, "the setup is for organization '"
                    + setup.organization() + "': remove organization(...) or pass the setup of organization '" + org + "'");
            problems.check(env == null || env.equals(setup.environment()), "environment", env, "the setup is for environment '"
                    + setup.environment() + "': remove environment(...) or pass setup.environment(\"" + env + "\")");
            String twice = "the setup gives the " + who + " its key and secret: remove key(...) and secret(...), or setup(...)";
            problems.check(key == null, "key", key == null ? null : "(set)", twice);
            problems.check(secret == null, "secret", secret == null ? null : "(set)", twice);
            problems.check(config == null || !config.customEndpoints(), "config", config == null ? null : config.fileName(),
                    "the setup's endpoints replace the config's servicesUrl and runtimeBaseUrl: give the runtime base URL to "
                            + "MicrogatewaySetupArgs instead, or remove setup(...)");
            org = setup.organization();
            env = setup.environment();
            key = setup.key();
            secret = setup.secret();
            endpoints = setup.endpoints();
            if (config == null && ApigeeNames.isName(org) && ApigeeNames.isName(env)) {
                config = MicrogatewayConfig.builder().organization(org).environment(env).build();
            }
        }
        checkIdentity(problems, who, org, env, config, key, secret);
        return new Identity(org, env, config, key == null ? null : key.asSecret(), secret == null ? null : secret.asSecret(),
                endpoints);
    }

    /**
     * Checks what every gateway needs to reach Apigee: the org and env names, a config rendered for them (the image
     * loads {@code <org>-<env>-config.yaml}), and the key and secret. {@code who} names the gateway in messages.
     */
    private static void checkIdentity(Problems problems, String who, String org, String env,
                                      MicrogatewayConfig config, Object key, Object secret) {
        ApigeeNames.checkOrganization(problems, "organization", org);
        ApigeeNames.checkEnvironment(problems, "environment", env);
        if (config == null) {
            problems.add("config", null, "pass MicrogatewayConfig.builder()...build() for the same org and env, or setup(...) "
                    + "with a MicrogatewaySetup's environment (then every default)");
        } else if (org != null && env != null && !config.fileName().equals(org + "-" + env + "-config.yaml")) {
            problems.add("config", config.fileName(), "the config is for another org or env; the " + who + " for org '" + org
                    + "' and env '" + env + "' loads " + org + "-" + env + "-config.yaml: build the config for the same org and env");
        }
        if (config != null && config.port() != MicrogatewayServiceDefaults.PORT) {
            problems.add("config.port", config.port(), "the " + who + " listens on its config's edgemicro.port (the image ignores "
                    + "EDGEMICRO_PORT), but its Service, probes and NetworkPolicies use " + MicrogatewayServiceDefaults.PORT
                    + ": leave the config's port at " + MicrogatewayServiceDefaults.PORT);
        }
        problems.check(key != null, "key", null, "give setup(...) with a MicrogatewaySetup's environment, or the key that "
                + "`edgemicro configure` printed (an Output or a string)");
        problems.check(secret != null, "secret", null, "give setup(...) with a MicrogatewaySetup's environment, or the secret "
                + "that `edgemicro configure` printed (an Output or a string)");
    }
}
