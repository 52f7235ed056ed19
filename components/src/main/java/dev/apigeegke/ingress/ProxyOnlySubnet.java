package dev.apigeegke.ingress;

import dev.apigeegke.core.Problems;
import dev.apigeegke.internal.validation.Cidr;
import dev.apigeegke.internal.validation.GcpNames;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.annotation.Nullable;

/**
 * The proxy-only subnet (purpose {@code REGIONAL_MANAGED_PROXY}, role {@code ACTIVE}) whose addresses an internal
 * Application Load Balancer's proxies send from: the region's existing one, named with its range, or one the
 * {@link ArmoredIngress} creates from a range. Either way the range is what the VPC firewall rule and the
 * backends' NetworkPolicies admit. A network has at most one active proxy-only subnet per region, shared by
 * every regional Envoy-based load balancer there: create one only if the region has none.
 */
public final class ProxyOnlySubnet {
    /** Documented minimum: 64 addresses. */
    static final int LONGEST_PREFIX = 26;
    static final int SHORTEST_PREFIX = 9;
    private static final List<String> PRIVATE_RANGES = List.of("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16");
    private static final Pattern SELF_LINK = Pattern.compile(
            "(https://www\\.googleapis\\.com/compute/v1/)?projects/[^/]+/regions/([a-z]+-[a-z]+\\d+)/subnetworks/([^/]+)");

    private final @Nullable String existing;
    private final String cidr;

    private ProxyOnlySubnet(@Nullable String existing, String cidr) {
        this.existing = existing;
        this.cidr = cidr;
    }

    /** A proxy-only subnet the Ingress creates, on its network and in its region, with range {@code cidr}. */
    public static ProxyOnlySubnet create(String cidr) {
        return new ProxyOnlySubnet(null, cidr);
    }

    /**
     * The region's existing proxy-only subnet: its name or self link, and its range (which GCP does not let a
     * preview read), so the firewall rule and the NetworkPolicies admit exactly it.
     */
    public static ProxyOnlySubnet existing(String nameOrSelfLink, String cidr) {
        return new ProxyOnlySubnet(nameOrSelfLink == null ? "" : nameOrSelfLink, cidr);
    }

    /** The subnet's IPv4 range. */
    public String cidr() {
        return cidr;
    }

    /** The existing subnet's name or self link; empty when the Ingress creates the subnet. */
    public Optional<String> existingSubnet() {
        return Optional.ofNullable(existing);
    }

    /**
     * Records what is wrong with this subnet, naming {@code cidrArgument} and {@code nameArgument}: the range must
     * be a private IPv4 block from /26 (64 addresses, the documented minimum) to /9; an existing subnet needs a
     * name, or a self link in {@code region}.
     */
    public void check(Problems problems, String cidrArgument, String nameArgument, @Nullable String region) {
        String problem = Cidr.problem(cidr);
        if (problem != null) {
            problems.add(cidrArgument, cidr, problem);
        } else {
            var range = Cidr.parse(cidr).orElseThrow();
            boolean isPrivate = PRIVATE_RANGES.stream().anyMatch(r -> Cidr.parse(r).orElseThrow().contains(range));
            if (range.ipv6() || !isPrivate) {
                // The size rule is about IPv4 prefixes: for any other range it would only add a wrong second line.
                problems.add(cidrArgument, cidr,
                        "a proxy-only subnet is an IPv4 range inside 10.0.0.0/8, 172.16.0.0/12 or 192.168.0.0/16, e.g. 10.129.0.0/23");
            } else {
                problems.check(range.prefix() >= SHORTEST_PREFIX && range.prefix() <= LONGEST_PREFIX, cidrArgument, cidr,
                        "a proxy-only subnet has at least 64 addresses: a prefix from /" + SHORTEST_PREFIX + " to /" + LONGEST_PREFIX
                                + " (/23 gives the load balancers room to scale)");
            }
        }
        if (existing != null) {
            Matcher link = SELF_LINK.matcher(existing);
            if (link.matches() && GcpNames.isResourceName(link.group(3))) {
                problems.check(region == null || region.equals(link.group(2)), nameArgument, existing,
                        "the proxy-only subnet must be in the Ingress's region " + region + "; name that region's subnet");
            } else {
                problems.check(GcpNames.isResourceName(existing), nameArgument, existing,
                        "the existing subnet's name (lowercase letters, digits and '-') or its self link "
                                + "projects/PROJECT/regions/REGION/subnetworks/NAME");
            }
        }
    }

    @Override
    public String toString() {
        return existing == null ? "create(" + cidr + ")" : "existing(" + existing + ", " + cidr + ")";
    }
}
