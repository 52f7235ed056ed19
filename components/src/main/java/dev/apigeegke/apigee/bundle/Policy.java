package dev.apigeegke.apigee.bundle;

import dev.apigeegke.core.Problems;

/**
 * An Apigee policy placed as a step of a flow: it becomes the file {@code apiproxy/policies/<name>.xml}
 * and the step {@code <Step><Name>name</Name></Step>}. Policies are immutable values; {@link #withName}
 * and the other {@code with...} methods return changed copies.
 */
public sealed interface Policy
        permits VerifyApiKey, OAuthVerifyToken, Quota, SpikeArrest, Cors, AssignMessage, JsonThreatProtection {

    /** The policy's name: letters, digits, '-', '_' and '.', at most 255 characters. */
    String name();

    /** A copy of this policy with another name. */
    Policy withName(String name);

    /** Records every problem with this policy under {@code argument}, e.g. {@code preFlow[2].rate}. */
    void validate(Problems problems, String argument);
}
