package dev.apigeegke.examples.common;

import com.pulumi.Context;
import com.pulumi.core.Output;
import dev.apigeegke.apigee.ApiConsumer;
import dev.apigeegke.core.Problems;
import dev.apigeegke.internal.config.ProjectConfig;
import dev.apigeegke.internal.config.StackConfig;
import dev.apigeegke.internal.validation.Emails;
import dev.apigeegke.internal.validation.GcpNames;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads a pattern's stack configuration: {@code gcp:*}, the Apigee provider's {@code apigee:*} and the patterns'
 * {@code apigee-gke:*}, collecting every problem (each named by its stack key) for one report. The {@code apigee-gke:*}
 * keys are those the root project's {@code Pulumi.yaml} declares, built into this jar: a key set to its declared
 * default reads as unset ({@link StackConfig}), and {@link #checkKeys} reports the keys no reader read.
 */
public final class StackReader {
    /** The configuration namespace of every pattern. */
    public static final String NAMESPACE = "apigee-gke";
    /** {@code apigee-gke:pattern}: the key the root project selects the pattern by, read before any pattern runs. */
    public static final String PATTERN_KEY = "pattern";
    /** Where the build puts the root project's {@code Pulumi.yaml}, the one declaration of the keys. */
    static final String DECLARATION = "/dev/apigeegke/examples/common/Pulumi.yaml";
    private static final ProjectConfig DECLARED = load();
    private static final Map<String, Set<String>> READ_BY = new ConcurrentHashMap<>();
    /** {@code apigee-gke:spikeArrest} unless set: the spike-arrest rate of the proxy or gateway. */
    public static final String DEFAULT_SPIKE_ARREST = "30ps";
    /** What the one report of a stack's problems is about. */
    public static final String SUBJECT = "stack configuration";

    private final Context ctx;
    /** The problems found so far. */
    public final Problems problems = new Problems(SUBJECT);
    /** {@code gcp:*}. */
    public final StackConfig gcp;
    /** {@code apigee:*}: the Apigee provider's own settings, read by the patterns too (one source of truth). */
    public final StackConfig apigee;
    /** {@code apigee-gke:*}. */
    public final StackConfig own;

    /** A reader of {@code ctx}'s stack configuration. */
    public StackReader(Context ctx) {
        this.ctx = ctx;
        this.gcp = new StackConfig(ctx.config("gcp"), problems);
        this.apigee = new StackConfig(ctx.config("apigee"), problems);
        this.own = new StackConfig(ctx.config(NAMESPACE), problems, declaredDefaults());
    }

    private static ProjectConfig load() {
        try (InputStream in = StackReader.class.getResourceAsStream(DECLARATION)) {
            if (in == null) {
                throw new IllegalStateException(DECLARATION + " is missing from the jar: build it with Maven");
            }
            return ProjectConfig.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The declaration of the keys: the root project's {@code Pulumi.yaml}. */
    public static ProjectConfig declared() {
        return DECLARED;
    }

    /** The declared default of each {@code apigee-gke:*} key that has one, by its name without namespace. */
    static Map<String, String> declaredDefaults() {
        var defaults = new TreeMap<String, String>();
        for (var d : DECLARED.declarations()) {
            String key = DECLARED.fullKey(d.key());
            if (key.startsWith(NAMESPACE + ":")) {
                d.wireDefault().ifPresent(v -> defaults.put(key.substring(NAMESPACE.length() + 1), v));
            }
        }
        return defaults;
    }

    /**
     * Ends the reading of pattern {@code programs} (one reader may serve several): records the keys read (every
     * namespace) as theirs, and adds to {@link #problems} each {@code apigee-gke:*} key of the stack that is not
     * declared (with the declared key it most likely meant) or that these programs do not read while it is set to
     * something other than its default. Call after the last read, before the problems are thrown.
     */
    public void checkKeys(String... programs) {
        var read = new TreeSet<String>();
        for (var namespace : List.of(gcp, apigee, own)) {
            namespace.keysRead().forEach(k -> read.add(namespace.namespace() + ":" + k));
        }
        for (String program : programs) {
            READ_BY.merge(program, read, (a, b) -> {
                var union = new TreeSet<>(a);
                union.addAll(b);
                return union;
            });
        }
        StackKeyCheck.check(DECLARED, own, Set.of(PATTERN_KEY), String.join(" or ", programs), problems);
    }

    /** The keys ({@code namespace:key}) each pattern read in this process, by pattern, as {@link #checkKeys} recorded them. */
    public static Map<String, Set<String>> keysReadBy() {
        return Map.copyOf(READ_BY);
    }

    /** The check that adds every component's problems, named by their stack keys, to this reader's. */
    public ProgramCheck check() {
        return new ProgramCheck(problems);
    }

    /** {@code gcp:project} (required); empty when unset (the problem is recorded). */
    public String project() {
        return orEmpty(gcp.require("project", "set the GCP project id"));
    }

    /** {@code gcp:region} (required); empty when unset (the problem is recorded). */
    public String region() {
        String region = gcp.require("region", "set the GCP region, e.g. europe-west1");
        if (region != null) {
            // The gcp provider's region, where every regional resource goes: a region, not a zone.
            GcpNames.checkRegion(problems, "gcp:region", region, "the GCP region");
        }
        return orEmpty(region);
    }

    /** {@code apigee:organization} (required); empty when unset (the problem is recorded, saying what it is for). */
    public String organization(String purpose) {
        return orEmpty(apigee.require("organization", purpose));
    }

    /**
     * A required value, or the empty string the components are given when it is missing: the reader has recorded
     * the problem, so the components' own problems with the stand-in are left out of the report.
     */
    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }

    /**
     * Whether {@code apigee-gke:<key>} is set: present and not its declared default (an empty list is set when the
     * declaration gives the key no default).
     */
    public boolean isSet(String key) {
        return own.isSet(key);
    }

    /** {@code apigee-gke:<key>}, a secret from the moment it is read; empty when unset (the caller reports it). */
    public Output<String> secret(String key) {
        return ctx.config(NAMESPACE).getSecret(key).applyValue(v -> v.orElse(""));
    }

    /** {@code apigee-gke:spikeArrest}, default {@value #DEFAULT_SPIKE_ARREST}; the caller checks its form. */
    public String spikeArrest() {
        return own.string("spikeArrest", DEFAULT_SPIKE_ARREST);
    }

    /** {@code apigee-gke:consumerEmail}, the sample developer's email; default {@value ApiConsumer#SAMPLE_EMAIL}. */
    public String consumerEmail() {
        String email = own.string("consumerEmail", ApiConsumer.SAMPLE_EMAIL);
        Emails.checkDeveloper(problems, NAMESPACE + ":consumerEmail", email, false);
        return email;
    }
}
