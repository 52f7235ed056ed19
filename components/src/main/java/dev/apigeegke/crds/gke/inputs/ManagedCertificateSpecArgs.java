package dev.apigeegke.crds.gke.inputs;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.annotation.Nullable;

/** The {@code spec} of a {@code ManagedCertificate}. */
public final class ManagedCertificateSpecArgs extends ResourceArgs {

    /** Arguments with nothing set. */
    public static final ManagedCertificateSpecArgs Empty = new ManagedCertificateSpecArgs();

    @Import(name = "domains")
    private @Nullable Output<List<String>> domains;

    /** The non-wildcard domains the certificate covers. */
    public Optional<Output<List<String>>> domains() {
        return Optional.ofNullable(this.domains);
    }

    private ManagedCertificateSpecArgs() {
    }

    private ManagedCertificateSpecArgs(ManagedCertificateSpecArgs $) {
        this.domains = $.domains;
    }

    /** Starts a builder with nothing set. */
    public static Builder builder() {
        return new Builder();
    }

    /** Starts a builder holding a copy of {@code defaults}. */
    public static Builder builder(ManagedCertificateSpecArgs defaults) {
        return new Builder(defaults);
    }

    /** Builder of {@link ManagedCertificateSpecArgs}. */
    public static final class Builder {
        private ManagedCertificateSpecArgs $;

        /** Starts with nothing set. */
        public Builder() {
            $ = new ManagedCertificateSpecArgs();
        }

        /** Starts with a copy of {@code defaults}. */
        public Builder(ManagedCertificateSpecArgs defaults) {
            $ = new ManagedCertificateSpecArgs(Objects.requireNonNull(defaults));
        }

        /** Sets the non-wildcard domains the certificate covers. Default: unset, so it is not sent and GKE applies its own default. */
        public Builder domains(@Nullable Output<List<String>> domains) {
            $.domains = domains;
            return this;
        }

        /** Sets the non-wildcard domains the certificate covers. Default: unset, so it is not sent and GKE applies its own default. */
        public Builder domains(List<String> domains) {
            return domains(Output.of(domains));
        }

        /** Sets the non-wildcard domains the certificate covers. Default: unset, so it is not sent and GKE applies its own default. */
        public Builder domains(String... domains) {
            return domains(List.of(domains));
        }

        /** Returns the arguments built so far. */
        public ManagedCertificateSpecArgs build() {
            return $;
        }
    }
}
