package dev.apigeegke.examples.common;

import com.pulumi.Context;
import com.pulumi.core.Output;
import dev.apigeegke.apigee.ApiConsumer;
import dev.apigeegke.core.Problems;
import dev.apigeegke.internal.config.StackConfig;
import dev.apigeegke.internal.validation.Emails;

/**
 * Reads a pattern's stack configuration: {@code gcp:*}, the Apigee provider's {@code apigee:*} and the patterns'
 * {@code apigee-gke:*}, collecting every problem (each named by its stack key) for one report.
 */
public final class StackReader {
    /** The configuration namespace of every pattern. */
    public static final String NAMESPACE = "apigee-gke";
    /** {@code apigee-gke:spikeArrest} unless set: the spike-arrest rate of the proxy or gateway. */
    public static final String DEFAULT_SPIKE_ARREST = "30ps";

    private final Context ctx;
    /** The problems found so far. */
    public final Problems problems = new Problems("stack configuration");
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
        this.own = new StackConfig(ctx.config(NAMESPACE), problems);
    }

    /** {@code gcp:project} (required). */
    public String project() {
        return gcp.require("project", "set the GCP project id");
    }

    /** {@code gcp:region} (required). */
    public String region() {
        return gcp.require("region", "set the GCP region, e.g. europe-west1");
    }

    /** Whether {@code apigee-gke:<key>} is set at all (an empty list is set). */
    public boolean isSet(String key) {
        return ctx.config(NAMESPACE).get(key).isPresent();
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
