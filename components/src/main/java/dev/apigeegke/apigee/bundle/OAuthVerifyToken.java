package dev.apigeegke.apigee.bundle;

import dev.apigeegke.core.Problems;
import java.util.Objects;

/**
 * Rejects requests without a valid OAuth 2.0 access token in the {@code Authorization: Bearer} header
 * ({@code <OAuthV2>} with operation {@code VerifyAccessToken}); it sets {@code client_id} like
 * {@link VerifyApiKey}.
 */
public final class OAuthVerifyToken extends PolicyBase implements Policy {
    /** The name unless {@link #withName} changes it. */
    public static final String DEFAULT_NAME = "OA-verify-token";

    private OAuthVerifyToken(String name) {
        super(name);
    }

    /** Verifies the bearer token of every request it is attached to. */
    public static OAuthVerifyToken create() {
        return new OAuthVerifyToken(DEFAULT_NAME);
    }

    @Override
    public OAuthVerifyToken withName(String name) {
        return new OAuthVerifyToken(name);
    }

    @Override
    public void validate(Problems problems, String argument) {
        Rules.checkPolicyName(problems, argument + ".name", name());
    }

    @Override
    XmlElement toXml() {
        return root("OAuthV2").leaf("Operation", "VerifyAccessToken");
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof OAuthVerifyToken that && Objects.equals(name(), that.name());
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(name());
    }

    @Override
    public String toString() {
        return "OAuthVerifyToken[name=" + name() + "]";
    }
}
