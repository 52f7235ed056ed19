package dev.apigeegke.microgateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.pulumi.Context;
import dev.apigeegke.preview.OfflineEngine;
import dev.apigeegke.preview.StackFile;
import dev.apigeegke.provider.grpc.ApigeeBackedCloud;
import dev.apigeegke.testing.Harness;
import dev.apigeegke.testing.Repo;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A pattern program run from its sample stack with its Apigee side created through the provider
 * ({@link ApigeeBackedCloud}), and what it gave a gateway's pod: the Kubernetes Secret a pod reads its organization,
 * environment, key, secret and config from. The plan masks those values; the cloud saw them as the cluster would.
 */
final class ProgramOnApigee {
    private static final String SECRET = "kubernetes:core/v1:Secret";

    /** What a gateway pod gets from its Secret (the {@code mgw-*} entries, the config decoded). Never printed. */
    record PodCredentials(String org, String env, String key, String secret, String configYaml) {
        @Override
        public String toString() {
            return "PodCredentials[org=" + org + ", env=" + env + ", key and secret not shown]";
        }
    }

    private ProgramOnApigee() {
    }

    /**
     * Runs {@code program} as stack {@code stack} from {@code Pulumi.<stack>.yaml}, in the cloud's organization, with
     * {@code overrides} applied to the stack's configuration; a key set to null is removed. The run must succeed.
     */
    static OfflineEngine.Result run(ApigeeBackedCloud cloud, String stack, Consumer<Context> program, Map<String, String> overrides)
            throws Exception {
        var file = StackFile.read(Repo.root().resolve("Pulumi." + stack + ".yaml"), Harness.PROJECT);
        var config = new HashMap<>(file.config());
        var secretKeys = new java.util.HashSet<>(file.secretKeys());
        config.put("apigee:organization", cloud.organization());
        overrides.forEach((key, value) -> {
            if (value == null) {
                config.remove(key);
                secretKeys.remove(key);
            } else {
                config.put(key, value);
            }
        });
        var result = OfflineEngine.run(Harness.PROJECT, stack, config, secretKeys, program, false, cloud);
        assertThat(result.errors()).as("the program's errors").isEmpty();
        return result;
    }

    /** The values the pods of a gateway get from the Secret {@code name} the program registered. */
    @SuppressWarnings("unchecked")
    static PodCredentials podCredentials(ApigeeBackedCloud cloud, String name) {
        var data = (Map<String, Object>) cloud.inputsOf(SECRET, name).get("stringData");
        assertThat(data).as("the Secret's stringData").containsKeys("mgw-org", "mgw-env", "mgw-key", "mgw-secret", "mgw-config");
        String yaml = new String(Base64.getDecoder().decode((String) data.get("mgw-config")), StandardCharsets.UTF_8);
        return new PodCredentials((String) data.get("mgw-org"), (String) data.get("mgw-env"), (String) data.get("mgw-key"),
                (String) data.get("mgw-secret"), yaml);
    }

    /** The outputs of the one resource of {@code type} the program registered. Not for printing. */
    static Map<String, Object> outputsOfTheOne(ApigeeBackedCloud cloud, String type) {
        var names = cloud.namesOf(type);
        assertThat(names).as("the program's " + type).hasSize(1);
        return cloud.outputsOf(type, names.get(0));
    }

    /** The hex SHA-256 of {@code value}: what an assertion about a key may show. */
    static String sha256(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
