package dev.apigeegke.apigee.bundle;

import dev.apigeegke.core.Problems;
import dev.apigeegke.internal.validation.Rates;
import java.util.Objects;

/**
 * Smooths traffic bursts to protect the target ({@code <SpikeArrest>}): at most the given rate across
 * all clients. {@code UseEffectiveCount} is on, so the rate is shared across message processors
 * instead of being divided among them.
 */
public final class SpikeArrest extends PolicyBase implements Policy {
    /** The name unless {@link #withName} changes it. */
    public static final String DEFAULT_NAME = "SA-spike-arrest";

    private final String rate;

    private SpikeArrest(String name, String rate) {
        super(name);
        this.rate = rate;
    }

    /** Allows {@code rate} requests: {@code <n>ps} per second or {@code <n>pm} per minute, e.g. {@code 30ps}. */
    public static SpikeArrest rate(String rate) {
        return new SpikeArrest(DEFAULT_NAME, rate);
    }

    @Override
    public SpikeArrest withName(String name) {
        return new SpikeArrest(name, rate);
    }

    /** The smoothed rate allowed, e.g. {@code 20ps} or {@code 600pm}. */
    public String rate() {
        return rate;
    }

    @Override
    public void validate(Problems problems, String argument) {
        Rules.checkPolicyName(problems, argument + ".name", name());
        String problem = Rates.spikeArrestProblem(rate);
        if (problem != null) {
            problems.add(argument + ".rate", rate, problem);
        }
    }

    @Override
    XmlElement toXml() {
        return root("SpikeArrest").leaf("Rate", rate).leaf("UseEffectiveCount", true);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SpikeArrest that && Objects.equals(name(), that.name()) && Objects.equals(rate, that.rate);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name(), rate);
    }

    @Override
    public String toString() {
        return "SpikeArrest[name=" + name() + ", rate=" + rate + "]";
    }
}
