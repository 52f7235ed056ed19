package dev.apigeegke.apigee.bundle;

import dev.apigeegke.core.Problems;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.annotation.Nullable;

/** Checks the policies where they are attached: each valid, names unique, order and placement sound. */
final class PolicyAttachments {
    private final Problems problems;
    private final @Nullable ProxyModel.Flavor flavor;
    /** The first attachment of each policy name. */
    private final Map<String, String> firstArgument = new LinkedHashMap<>();
    private final Map<String, Policy> byName = new LinkedHashMap<>();
    private final Set<String> preFlowNames = new HashSet<>();
    private @Nullable String cors;

    PolicyAttachments(Problems problems, @Nullable ProxyModel.Flavor flavor) {
        this.problems = problems;
        this.flavor = flavor;
    }

    void check(List<Policy> preFlow, List<Flow> flows) {
        var before = new ArrayList<Policy>();
        for (int i = 0; i < preFlow.size(); i++) {
            Policy policy = preFlow.get(i);
            String argument = "preFlow[" + i + "]";
            if (policy == null) {
                problems.add(argument, null, "remove the null entry");
                continue;
            }
            policy.validate(problems, argument);
            attach(policy, argument, true, before);
            before.add(policy);
        }
        var flowNames = new LinkedHashMap<String, Integer>();
        var conditions = new LinkedHashMap<String, Integer>();
        for (int i = 0; i < flows.size(); i++) {
            Flow flow = flows.get(i);
            String argument = "flows[" + i + "]";
            if (flow == null) {
                problems.add(argument, null, "remove the null entry");
                continue;
            }
            flow.validate(problems, argument);
            if (ProxyModel.UNKNOWN_REQUEST_FLOW.equals(flow.name())) {
                problems.add(argument + ".name", flow.name(), "this name is reserved for the flow that answers 404 "
                        + "to requests no flow matches: choose another name");
            } else if (flow.name() != null && flowNames.putIfAbsent(flow.name(), i) != null) {
                problems.add(argument + ".name", flow.name(), "flows[" + flowNames.get(flow.name())
                        + "] has this name too: give each flow its own name");
            }
            Integer same = conditions.putIfAbsent(flow.pathPattern() + " " + new HashSet<>(flow.verbs()), i);
            if (same != null) {
                problems.add(argument + ".pathPattern", flow.pathPattern(), "flows[" + same + "] matches the same path "
                        + "and verbs, so this flow would never run: merge the two flows");
            }
            var inFlow = new ArrayList<>(before);
            var seenHere = new HashSet<String>();
            for (int j = 0; j < flow.policies().size(); j++) {
                Policy policy = flow.policies().get(j);
                if (policy == null) {
                    continue;
                }
                String at = argument + ".policies[" + j + "]";
                if (policy.name() != null && !seenHere.add(policy.name()) && !preFlowNames.contains(policy.name())) {
                    problems.add(at, policy.name(), "this policy already runs earlier in this flow: attach it once");
                }
                attach(policy, at, false, inFlow);
                inFlow.add(policy);
            }
        }
    }

    private void attach(Policy policy, String argument, boolean inPreFlow, List<Policy> before) {
        String name = policy.name();
        if (name == null) {
            return;
        }
        if (ProxyModel.UNKNOWN_REQUEST_POLICY.equals(name)) {
            problems.add(argument + ".name", name, "this name is reserved for the policy that answers 404 to "
                    + "requests no flow matches: choose another name with withName(...)");
        }
        Policy first = byName.putIfAbsent(name, policy);
        if (first != null && !first.equals(policy)) {
            problems.add(argument + ".name", name, "the different policy at " + firstArgument.get(name)
                    + " has this name too, and a bundle holds one policy per name: rename one with withName(...)");
        } else if (first != null && preFlowNames.contains(name)) {
            problems.add(argument, name, "this policy already runs in the pre-flow (" + firstArgument.get(name)
                    + ") for every request: attach it once");
        }
        firstArgument.putIfAbsent(name, argument);
        if (inPreFlow) {
            preFlowNames.add(name);
        }
        if (policy instanceof Quota quota && quota.isFromProduct() && quota.productKeyName().isPresent()) {
            String key = quota.productKeyName().get();
            boolean verified = before.stream().anyMatch(p -> p instanceof VerifyApiKey && key.equals(p.name()));
            problems.check(verified, argument, name, "Quota.fromProduct reads the API product quota that VerifyApiKey \""
                    + key + "\" sets: attach that VerifyApiKey before this quota, in the pre-flow or earlier in the same flow");
        }
        if (policy instanceof Cors) {
            checkCors(policy, argument, inPreFlow, before);
        }
    }

    private void checkCors(Policy policy, String argument, boolean inPreFlow, List<Policy> before) {
        if (flavor == ProxyModel.Flavor.EDGE) {
            problems.add(argument, policy.name(), "Apigee Edge has no CORS policy (it is an Apigee X / hybrid "
                    + "policy): use flavor X, or answer CORS requests in the target");
        }
        if (!inPreFlow) {
            problems.add(argument, policy.name(), "attach Cors in the pre-flow: browsers send preflight OPTIONS "
                    + "requests to any path, and they must be answered before flows are chosen");
        } else if (before.stream().anyMatch(p -> p instanceof VerifyApiKey || p instanceof OAuthVerifyToken)) {
            problems.add(argument, policy.name(), "put Cors before VerifyApiKey and OAuthVerifyToken in the pre-flow: "
                    + "browsers send preflight requests without credentials, which would be rejected with 401");
        }
        if (cors != null && !cors.equals(policy.name())) {
            problems.add(argument, policy.name(), "the proxy already has Cors \"" + cors
                    + "\": a proxy answers CORS with one policy; merge their origins");
        } else {
            cors = policy.name();
        }
    }
}
