package dev.apigeegke.microgateway;

import dev.apigeegke.core.InvalidArgumentsException;
import dev.apigeegke.core.Problems;
import dev.apigeegke.internal.validation.ApigeeNames;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import javax.annotation.Nullable;

/** Arguments of {@link MicrogatewaySetup}; {@link Builder#build()} validates them all at once. */
public final class MicrogatewaySetupArgs {
    private final String organization;
    private final List<String> environments;
    private final EdgemicroAuthBundle bundle;
    private final boolean adoptExisting;
    private final @Nullable String runtimeBaseUrl;

    private MicrogatewaySetupArgs(Builder b, EdgemicroAuthBundle bundle) {
        this.organization = b.organization;
        this.environments = List.copyOf(b.environments);
        this.bundle = bundle;
        this.adoptExisting = b.adoptExisting;
        this.runtimeBaseUrl = b.runtimeBaseUrl;
    }

    /** A builder; organization and environments are required. */
    public static Builder builder() {
        return new Builder();
    }

    /** The Apigee Edge organization. */
    public String organization() {
        return organization;
    }

    /** The environments the gateways serve, each with its own key, key value map and credential. */
    public List<String> environments() {
        return environments;
    }

    /** The edgemicro-auth bundle deployed to every environment (noncps and virtual hosts applied). */
    public EdgemicroAuthBundle bundle() {
        return bundle;
    }

    /** Whether an edgemicro-auth proxy that already exists in the organization is taken over; default false. */
    public boolean adoptExisting() {
        return adoptExisting;
    }

    /** The runtime base URL template given ({@code {org}}, {@code {env}}); empty: {@code https://ORG-ENV.apigee.net}. */
    public Optional<String> runtimeBaseUrl() {
        return Optional.ofNullable(runtimeBaseUrl);
    }

    /** Builder of {@link MicrogatewaySetupArgs}. */
    public static final class Builder {
        private @Nullable String organization;
        private List<String> environments = List.of();
        private boolean noncps;
        private @Nullable List<String> virtualHosts;
        private boolean adoptExisting;
        private @Nullable String runtimeBaseUrl;

        private Builder() {
        }

        /** The Apigee Edge organization (required): the Apigee provider's {@code apigee:organization}. */
        public Builder organization(String organization) {
            this.organization = organization;
            return this;
        }

        /**
         * The environments the gateways serve (required, at least one, each once). edgemicro-auth is deployed to
         * every one of them, and each gets its own signing key, {@code microgateway} key value map and credential.
         */
        public Builder environments(List<String> environments) {
            this.environments = environments == null ? null : new ArrayList<>(environments);
            return this;
        }

        /** The environments the gateways serve (required, at least one, each once). */
        public Builder environments(String... environments) {
            return environments(environments == null ? null : java.util.Arrays.asList(environments));
        }

        /**
         * The organization has no Core Persistence Services: edgemicro-auth's products callout is told so
         * ({@code org.noncps}), as {@code configure} does for such organizations. Default: false.
         */
        public Builder noncps(boolean noncps) {
            this.noncps = noncps;
            return this;
        }

        /** The virtual hosts edgemicro-auth is served on. Default: {@code secure} (HTTPS), as Apigee ships it. */
        public Builder virtualHosts(List<String> virtualHosts) {
            this.virtualHosts = virtualHosts == null ? null : new ArrayList<>(virtualHosts);
            return this;
        }

        /**
         * Take over the organization's existing {@code edgemicro-auth} (for an organization where
         * {@code edgemicro configure} ran): the bundle becomes its next revision, and the stack then owns the proxy,
         * destroy included. Default: false: the first update refuses if the proxy exists, naming
         * {@code pulumi import}.
         */
        public Builder adoptExisting(boolean adoptExisting) {
            this.adoptExisting = adoptExisting;
            return this;
        }

        /**
         * The base URL that serves edgemicro-auth, where {@code {org}} and {@code {env}} stand for the organization
         * and each environment: for virtual hosts on a domain of your own (e.g. {@code https://api-{env}.example.com}),
         * a private cloud's router, or a test double. Default: {@code https://{org}-{env}.apigee.net}, Edge cloud's.
         */
        public Builder runtimeBaseUrl(String runtimeBaseUrl) {
            this.runtimeBaseUrl = runtimeBaseUrl;
            return this;
        }

        /** Validates every argument and reports all problems in one {@link InvalidArgumentsException}. */
        public MicrogatewaySetupArgs build() {
            var problems = new Problems("MicrogatewaySetupArgs");
            ApigeeNames.checkOrganization(problems, "organization", organization);
            checkEnvironments(problems);
            EdgemicroAuthBundle bundle = null;
            try {
                var auth = EdgemicroAuthBundle.builder().noncps(noncps);
                if (virtualHosts != null) {
                    auth.virtualHosts(virtualHosts);
                }
                bundle = auth.build();
            } catch (InvalidArgumentsException e) {
                problems.addAll(e.problems());
            }
            if (runtimeBaseUrl != null) {
                // Any names will do: the template is a URL once they are filled in, whatever they are.
                var url = new Problems("runtimeBaseUrl");
                MicrogatewayConfigChecks.url(url, "runtimeBaseUrl", MicrogatewaySetupDefaults.runtimeBaseUrl(runtimeBaseUrl, "org", "env"), "");
                problems.check(url.isEmpty(), "runtimeBaseUrl", runtimeBaseUrl,
                        "an absolute http or https URL without query once {org} and {env} are filled in, e.g. https://api-{env}.example.com");
            }
            problems.throwIfAny();
            return new MicrogatewaySetupArgs(this, bundle);
        }

        private void checkEnvironments(Problems problems) {
            if (environments == null || environments.isEmpty()) {
                problems.add("environments", environments, "name at least one environment the gateways serve, e.g. [test]");
                return;
            }
            var seen = new HashSet<String>();
            for (int i = 0; i < environments.size(); i++) {
                String env = environments.get(i);
                ApigeeNames.checkEnvironment(problems, "environments[" + i + "]", env);
                problems.check(env == null || seen.add(env), "environments[" + i + "]", env, "listed twice; name each environment once");
            }
        }
    }
}
