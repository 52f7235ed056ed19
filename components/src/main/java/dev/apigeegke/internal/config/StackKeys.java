package dev.apigeegke.internal.config;

import com.pulumi.deployment.internal.DeploymentImpl;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Every key of the running program's stack configuration, which the SDK's {@code Config} only answers one key at a
 * time. Under the Pulumi CLI the language host hands the whole configuration to the program in the environment
 * variable {@code PULUMI_CONFIG} (JSON), which the SDK 1.36.1 reads too and whose keys it cleans with the parser used
 * here; a program run in this process (the offline preview) gets the configuration its engine passes to the SDK.
 */
public final class StackKeys {
    static final String ENVIRONMENT = "PULUMI_CONFIG";
    static final String SECRET_KEYS_ENVIRONMENT = "PULUMI_CONFIG_SECRET_KEYS";
    private static final AtomicReference<Set<String>> IN_PROCESS = new AtomicReference<>();
    private static final AtomicReference<Set<String>> IN_PROCESS_SECRETS = new AtomicReference<>();

    private StackKeys() {
    }

    /** The {@code namespace:key} of every key set for the running program (its declared defaults included). */
    public static Set<String> all() {
        var inProcess = IN_PROCESS.get();
        if (inProcess != null) {
            return inProcess;
        }
        return parse(System.getenv(ENVIRONMENT));
    }

    /** Whether the value of {@code key} ({@code namespace:key}) is a secret, which no message may show. */
    public static boolean isSecret(String key) {
        var inProcess = IN_PROCESS_SECRETS.get();
        if (inProcess != null) {
            return inProcess.contains(key);
        }
        String json = System.getenv(SECRET_KEYS_ENVIRONMENT);
        return json != null && !json.isBlank() && DeploymentImpl.Config.parseConfigSecretKeys(json).contains(key);
    }

    /** The keys of {@code PULUMI_CONFIG}'s text, as the SDK reads them (a {@code ns:config:key} is {@code ns:key}). */
    static Set<String> parse(String json) {
        return json == null || json.isBlank() ? Set.of() : DeploymentImpl.Config.parseConfig(json).keySet();
    }

    /**
     * Runs {@code program} in this process with {@code config} and {@code secretKeys}, the configuration handed to
     * the SDK for it.
     */
    public static <T> T whileRunning(Map<String, String> config, Set<String> secretKeys, Supplier<T> program) {
        IN_PROCESS.set(Set.copyOf(config.keySet()));
        IN_PROCESS_SECRETS.set(Set.copyOf(secretKeys));
        try {
            return program.get();
        } finally {
            IN_PROCESS.set(null);
            IN_PROCESS_SECRETS.set(null);
        }
    }
}
