package dev.apigeegke.apigee;

import com.pulumi.core.Output;
import com.pulumi.gcp.apigee.NatAddress;
import com.pulumi.gcp.apigee.NatAddressArgs;
import com.pulumi.resources.CustomResourceOptions;
import dev.apigeegke.apigee.bundle.ProxyModel;
import dev.apigeegke.core.Names;
import dev.apigeegke.core.Problems;
import dev.apigeegke.internal.validation.ApigeeNames;
import java.util.ArrayList;
import java.util.List;
import javax.annotation.Nullable;

/**
 * The Apigee X NAT addresses an {@link ApigeeProxy} reserves for the gateway's egress: their IPs are the ranges
 * the proxy's target (an {@link dev.apigeegke.ingress.ArmoredIngress}) must allow.
 *
 * @param count    how many addresses (0: none)
 * @param instance the Apigee X instance they are reserved on
 */
record NatAddresses(int count, @Nullable String instance) {
    static final int MAX = 10;

    void check(Problems problems, ProxyModel.Flavor flavor) {
        if (count == 0) {
            return;
        }
        problems.check(flavor == ProxyModel.Flavor.X, "natAddresses", count,
                "NAT addresses exist only on Apigee X; Apigee Edge's egress ranges come from Apigee support");
        problems.check(count >= 0 && count <= MAX, "natAddresses", count, "from 0 to " + MAX + " addresses");
        ApigeeNames.checkInstance(problems, "instance", instance);
    }

    /** Reserves the addresses as {@code <name>-nat-<i>}; their IPs, or an empty list when there are none. */
    Output<List<String>> reserve(String name, String organization, CustomResourceOptions childOf) {
        var ips = new ArrayList<Output<String>>();
        for (int i = 0; i < count; i++) {
            var nat = new NatAddress(Names.child(name, "nat-" + i), NatAddressArgs.builder()
                    .name(Names.child(name, "nat-" + i))
                    .instanceId("organizations/" + organization + "/instances/" + instance)
                    .build(), childOf);
            ips.add(nat.ipAddress());
        }
        return ips.isEmpty() ? Output.of(List.of()) : Output.all(ips);
    }
}
