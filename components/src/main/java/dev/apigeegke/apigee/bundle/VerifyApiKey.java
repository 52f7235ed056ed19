package dev.apigeegke.apigee.bundle;

import dev.apigeegke.core.Problems;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Rejects requests without a valid consumer key of an app approved for one of the proxy's API products
 * ({@code <VerifyAPIKey>}). It also sets {@code client_id} and the product's quota variables, which
 * {@link Quota} reads.
 */
public final class VerifyApiKey extends PolicyBase implements Policy {
    /** The name unless {@link #withName} changes it. */
    public static final String DEFAULT_NAME = "VA-api-key";
    private static final Pattern QUERY_PARAMETER = Pattern.compile("[A-Za-z0-9._~-]{1,256}");

    private enum Source { HEADER, QUERY_PARAMETER }

    private final Source source;
    private final String key;

    private VerifyApiKey(String name, Source source, String key) {
        super(name);
        this.source = source;
        this.key = key;
    }

    /** Reads the key from request header {@code headerName}, e.g. {@code x-api-key}. */
    public static VerifyApiKey header(String headerName) {
        return new VerifyApiKey(DEFAULT_NAME, Source.HEADER, headerName);
    }

    /** Reads the key from query parameter {@code parameter}, e.g. {@code apikey}. */
    public static VerifyApiKey queryParameter(String parameter) {
        return new VerifyApiKey(DEFAULT_NAME, Source.QUERY_PARAMETER, parameter);
    }

    @Override
    public VerifyApiKey withName(String name) {
        return new VerifyApiKey(name, source, key);
    }

    /** The flow variable holding the key, e.g. {@code request.header.x-api-key}. */
    public String ref() {
        return (source == Source.HEADER ? "request.header." : "request.queryparam.") + key;
    }

    @Override
    public void validate(Problems problems, String argument) {
        Rules.checkPolicyName(problems, argument + ".name", name());
        if (source == Source.HEADER) {
            Rules.checkHeaderName(problems, argument + ".headerName", key);
        } else {
            problems.check(key != null && QUERY_PARAMETER.matcher(key).matches(), argument + ".queryParameter", key,
                    "a query parameter name such as apikey: letters, digits, '.', '_', '~' and '-'");
        }
    }

    @Override
    XmlElement toXml() {
        return root("VerifyAPIKey").add(XmlElement.of("APIKey").attr("ref", ref()));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof VerifyApiKey that && Objects.equals(name(), that.name()) && source == that.source
                && Objects.equals(key, that.key);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name(), source, key);
    }

    @Override
    public String toString() {
        return "VerifyApiKey[name=" + name() + ", ref=" + ref() + "]";
    }
}
