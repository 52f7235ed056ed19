package dev.apigeegke.bench;

import com.pulumi.core.Output;
import com.pulumi.kubernetes.core.v1.Secret;
import com.pulumi.kubernetes.core.v1.SecretArgs;
import com.pulumi.kubernetes.core.v1.inputs.ContainerArgs;
import com.pulumi.kubernetes.core.v1.inputs.ContainerPortArgs;
import com.pulumi.kubernetes.core.v1.inputs.EnvVarArgs;
import com.pulumi.kubernetes.core.v1.inputs.SecurityContextArgs;
import com.pulumi.kubernetes.core.v1.inputs.VolumeArgs;
import com.pulumi.kubernetes.core.v1.inputs.VolumeMountArgs;
import com.pulumi.kubernetes.meta.v1.inputs.ObjectMetaArgs;
import com.pulumi.resources.CustomResourceOptions;
import dev.apigeegke.examples.gateway.GatewayStackSettings;
import dev.apigeegke.preview.TypeTokens;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Edge Microgateway pieces of the plain programs of patterns 2 and 3, declared directly: the credentials
 * Secret, the gateway's configuration file (read from the static files), and the gateway container with its
 * environment, probes, security context and volumes.
 */
final class PlainGateway {
    /** The gateway container's name. */
    static final String CONTAINER = "edge-microgateway";
    /** The port the gateway listens on. */
    static final int PORT = 8000;
    /** Where the gateway answers health checks. */
    static final String HEALTH_PATH = "/healthcheck";
    /** The gateway's user and group. */
    static final int USER = 101;
    /** Where the gateway keeps its configuration. */
    static final String CONFIG_DIR = "/opt/apigee/.edgemicro";

    private static final String IMAGE = "gcr.io/apigee-microgateway/edgemicro:3.3.12";
    /** The gateway keeps serving this long once its pod starts to stop, then waits STOP_DELAY_SECONDS after stopping. */
    static final int PRE_STOP_SECONDS = 30;
    static final int STOP_DELAY_SECONDS = 20;
    private static final String LOG_DIR = "/opt/apigee/logs";
    private static final String SECRET_TYPE = TypeTokens.of(Secret.class);

    private PlainGateway() {
    }

    /** The gateway's configuration file as the credentials Secret {@code secretName} stores it: base64. */
    static String configBase64(Artifacts artifacts, String secretName) {
        return artifacts.text(SECRET_TYPE, secretName, "stringData.mgw-config");
    }

    /** The SHA-256 (hex) of the configuration file, given base64-encoded: a changed configuration rolls the pods. */
    static String configSha256(String configBase64) {
        String config = new String(Base64.getDecoder().decode(configBase64), StandardCharsets.UTF_8);
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(config.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /**
     * The gateway's credentials and configuration as an Opaque Secret: organization, environment, key, secret
     * and configuration file, each value its own Pulumi secret.
     */
    static Secret credentialsSecret(String name, ObjectMetaArgs metadata, GatewayStackSettings config, String configBase64,
                                    CustomResourceOptions options) {
        var values = new LinkedHashMap<String, Output<String>>();
        values.put("mgw-org", Output.ofSecret(config.organization()));
        values.put("mgw-env", Output.ofSecret(config.environment()));
        values.put("mgw-key", config.ownCredentials().orElseThrow().key().asSecret());
        values.put("mgw-secret", config.ownCredentials().orElseThrow().secret().asSecret());
        values.put("mgw-config", Output.ofSecret(configBase64));
        return new Secret(name, SecretArgs.builder()
                .metadata(metadata)
                .type("Opaque")
                .stringData(eachValueSecret(values))
                .build(), options);
    }

    /**
     * Makes each value its own Pulumi secret inside a plain map: the SDK serializes the nested outputs with their
     * secretness, so the engine sees an object of secret strings (keys visible) rather than one secret object.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Output<Map<String, String>> eachValueSecret(Map<String, Output<String>> values) {
        return Output.of((Map<String, String>) (Map) values);
    }

    /** The credentials from Secret {@code secretName}, then where the configuration lives and the port. */
    static List<EnvVarArgs> credentialEnv(String secretName) {
        return List.of(
                PlainPods.secretEnv("EDGEMICRO_ORG", secretName, "mgw-org"),
                PlainPods.secretEnv("EDGEMICRO_ENV", secretName, "mgw-env"),
                PlainPods.secretEnv("EDGEMICRO_KEY", secretName, "mgw-key"),
                PlainPods.secretEnv("EDGEMICRO_SECRET", secretName, "mgw-secret"),
                PlainPods.secretEnv("EDGEMICRO_CONFIG", secretName, "mgw-config"),
                PlainPods.plainEnv("EDGEMICRO_CONFIG_DIR", CONFIG_DIR));
    }

    /** The pod's name, namespace and IP, which the gateway logs. */
    static List<EnvVarArgs> podEnv() {
        return List.of(
                PlainPods.fieldEnv("POD_NAME", "metadata.name"),
                PlainPods.fieldEnv("POD_NAMESPACE", "metadata.namespace"),
                PlainPods.fieldEnv("INSTANCE_IP", "status.podIP"));
    }

    /**
     * The gateway container without its resources and security context: the image, the port named
     * {@code portName}, {@code env}, the startup, readiness and liveness probes, and the configuration, log and
     * {@code /tmp} volumes named {@code <volumePrefix>config}, {@code ...logs} and {@code ...tmp}.
     */
    static ContainerArgs.Builder container(String portName, List<EnvVarArgs> env, String volumePrefix) {
        return ContainerArgs.builder()
                .name(CONTAINER)
                .image(IMAGE)
                .imagePullPolicy("IfNotPresent")
                .ports(ContainerPortArgs.builder().name(portName).containerPort(PORT).protocol("TCP").build())
                .env(env)
                .startupProbe(PlainPods.probe(HEALTH_PATH, PORT, 5, 24))
                .readinessProbe(PlainPods.probe(HEALTH_PATH, PORT, 5, 3))
                .livenessProbe(PlainPods.probe(HEALTH_PATH, PORT, 15, 3))
                .volumeMounts(
                        VolumeMountArgs.builder().name(volumePrefix + "config").mountPath(CONFIG_DIR).build(),
                        VolumeMountArgs.builder().name(volumePrefix + "logs").mountPath(LOG_DIR).build(),
                        VolumeMountArgs.builder().name(volumePrefix + "tmp").mountPath("/tmp").build())
                .lifecycle(PlainPods.sleepBeforeStop(PRE_STOP_SECONDS));
    }

    /** The gateway container's security context: the gateway's user and group, as restricted but a writable root. */
    static SecurityContextArgs.Builder securityContext() {
        return PlainPods.restricted(USER).runAsGroup(USER).readOnlyRootFilesystem(false);
    }

    /** The gateway's empty volumes, named as in {@link #container}. */
    static List<VolumeArgs> volumes(String volumePrefix) {
        return List.of(
                PlainPods.emptyDir(volumePrefix + "config", "16Mi"),
                PlainPods.emptyDir(volumePrefix + "logs", "1Gi"),
                PlainPods.emptyDir(volumePrefix + "tmp", "64Mi"));
    }
}
