package dev.apigeegke.microgateway;

import dev.apigeegke.apigee.bundle.ProxyBundle;
import dev.apigeegke.core.Problems;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Apigee's {@code edgemicro-auth} proxy, the one {@code edgemicro configure} imports into an Edge organization: it
 * serves Edge Microgateway its products, public key, API key checks, tokens and quotas. The files are the
 * {@code apiproxy/} folder of npm {@code microgateway-edgeauth} ({@link #npmVersion()}), which the build took from the
 * npm registry, checked against the sha256 recorded in the parent pom ({@link #tarballSha256()}) and shipped in the
 * components jar with the package's license (Apache-2.0) and notice; nothing is downloaded at run time.
 *
 * <p>{@link #standard()} is the package's {@code apiproxy/} unchanged. The builder makes the edits {@code configure}
 * offers: {@code org.noncps} for organizations without Core Persistence Services, and other virtual hosts. The zip is
 * deterministic, so {@link #bundleHash()} changes exactly when the files do:
 * <pre>{@code
 * var auth = EdgemicroAuthBundle.standard();
 * new ApiProxy("edgemicro-auth", ApiProxyArgs.builder().name(auth.proxyName())
 *         .bundle(auth.bundle()).bundleHash(auth.bundleHash()).environments("test").build());
 * }</pre>
 */
public final class EdgemicroAuthBundle {
    /** The proxy's name, which the gateway's products must list. */
    public static final String PROXY_NAME = "edgemicro-auth";
    /** The proxy's base path: the gateway calls {@code https://ORG-ENV.apigee.net/edgemicro-auth/...}. */
    public static final String BASE_PATH = "/edgemicro-auth";
    /** The virtual host the package's proxy endpoint is on. */
    public static final String DEFAULT_VIRTUAL_HOST = "secure";

    /** What Edge accepts in a virtual host's name. */
    private static final Pattern VIRTUAL_HOST = Pattern.compile("[A-Za-z0-9._$%-]+");

    private final boolean noncps;
    private final List<String> virtualHosts;
    private final ProxyBundle bundle;

    private EdgemicroAuthBundle(Builder builder) {
        this.noncps = builder.noncps;
        this.virtualHosts = List.copyOf(builder.virtualHosts);
        var files = new TreeMap<>(EdgemicroAuthFiles.FILES);
        if (noncps) {
            files.put(EdgemicroAuthEdits.CALLOUT, EdgemicroAuthEdits.noncps(files.get(EdgemicroAuthEdits.CALLOUT)));
        }
        if (!virtualHosts.equals(List.of(DEFAULT_VIRTUAL_HOST))) {
            files.put(EdgemicroAuthEdits.ENDPOINT,
                    EdgemicroAuthEdits.virtualHosts(files.get(EdgemicroAuthEdits.ENDPOINT), virtualHosts));
        }
        this.bundle = ProxyBundle.of(PROXY_NAME, files);
    }

    /** The package's {@code apiproxy/} as npm ships it: virtual host {@code secure}, no {@code org.noncps}. */
    public static EdgemicroAuthBundle standard() {
        return builder().build();
    }

    /** Starts a builder with the package's settings. */
    public static Builder builder() {
        return new Builder();
    }

    /** The proxy's name on Apigee, {@value #PROXY_NAME}. */
    public String proxyName() {
        return PROXY_NAME;
    }

    /** The proxy's base path, {@value #BASE_PATH}. */
    public String basePath() {
        return BASE_PATH;
    }

    /** The version of npm {@code microgateway-edgeauth} the files come from, e.g. {@code 3.2.2}. */
    public String npmVersion() {
        return EdgemicroAuthFiles.VERSION;
    }

    /** The lowercase hex sha256 of the npm tarball the build took the files from (the parent pom records it). */
    public String tarballSha256() {
        return EdgemicroAuthFiles.TARBALL_SHA256;
    }

    /** Whether the products callout is told the organization has no Core Persistence Services. */
    public boolean noncps() {
        return noncps;
    }

    /** The virtual hosts the proxy endpoint is on. */
    public List<String> virtualHosts() {
        return virtualHosts;
    }

    /** The bundle as {@code ApiProxyArgs.bundle} takes it: base64 of a zip whose entries start with {@code apiproxy/}. */
    public String bundle() {
        return Base64.getEncoder().encodeToString(bundle.zip());
    }

    /** The lowercase hex sha256 of the zip, as {@code ApiProxyArgs.bundleHash} takes it. */
    public String bundleHash() {
        return bundle.sha256();
    }

    /** The bundle's files, zip and hash. */
    public ProxyBundle proxyBundle() {
        return bundle;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof EdgemicroAuthBundle that && bundle.equals(that.bundle);
    }

    @Override
    public int hashCode() {
        return bundle.hashCode();
    }

    @Override
    public String toString() {
        return "EdgemicroAuthBundle[npm " + npmVersion() + ", noncps=" + noncps + ", virtualHosts=" + virtualHosts
                + ", bundleHash=" + bundleHash() + "]";
    }

    /** Builder of {@link EdgemicroAuthBundle}. */
    public static final class Builder {
        private boolean noncps;
        private List<String> virtualHosts = List.of(DEFAULT_VIRTUAL_HOST);

        private Builder() {
        }

        /**
         * Sets whether the organization lacks Core Persistence Services, which the products callout must be told
         * (JavaCallout property {@code org.noncps} = {@code true}). Default: false, the callout's own default.
         */
        public Builder noncps(boolean noncps) {
            this.noncps = noncps;
            return this;
        }

        /** Sets the virtual hosts the proxy endpoint is on, in order. Default: {@code secure} (HTTPS), as npm ships it. */
        public Builder virtualHosts(List<String> virtualHosts) {
            this.virtualHosts = virtualHosts == null ? null : new ArrayList<>(virtualHosts);
            return this;
        }

        /** Sets the virtual hosts the proxy endpoint is on, in order. Default: {@code secure} (HTTPS), as npm ships it. */
        public Builder virtualHosts(String... virtualHosts) {
            return virtualHosts(virtualHosts == null ? null : List.of(virtualHosts));
        }

        /** Checks every setting, reporting all problems at once, and builds the bundle. */
        public EdgemicroAuthBundle build() {
            var problems = new Problems("EdgemicroAuthBundle");
            if (virtualHosts == null || virtualHosts.isEmpty()) {
                problems.add("virtualHosts", virtualHosts, "the proxy needs at least one virtual host; leave it unset for \""
                        + DEFAULT_VIRTUAL_HOST + "\"");
            } else {
                var seen = new HashSet<String>();
                for (int i = 0; i < virtualHosts.size(); i++) {
                    String host = virtualHosts.get(i);
                    problems.check(host != null && VIRTUAL_HOST.matcher(host).matches(), "virtualHosts[" + i + "]", host,
                            "a virtual host's name holds only letters, digits and . _ - $ %, e.g. \"secure\" or \"default\"");
                    problems.check(host == null || seen.add(host), "virtualHosts[" + i + "]", host,
                            "listed twice; name each virtual host once");
                }
            }
            problems.throwIfAny();
            return new EdgemicroAuthBundle(this);
        }
    }
}
