package dev.apigeegke.bench;

import com.pulumi.gcp.compute.SecurityPolicy;
import com.pulumi.gcp.compute.SecurityPolicyArgs;
import com.pulumi.gcp.compute.inputs.SecurityPolicyRuleArgs;
import com.pulumi.gcp.compute.inputs.SecurityPolicyRuleMatchArgs;
import com.pulumi.gcp.compute.inputs.SecurityPolicyRuleMatchConfigArgs;
import com.pulumi.gcp.compute.inputs.SecurityPolicyRuleMatchExprArgs;
import java.util.ArrayList;
import java.util.List;

/**
 * The Cloud Armor policy of the plain programs' Ingress, declared directly: the preconfigured WAF rule sets
 * denied first, then the allowlist in rules of 10 ranges, then a default rule denying every other source.
 */
final class PlainArmor {
    private static final String DENY = "deny(403)";
    private static final int WAF_PRIORITY = 1000;
    private static final int WAF_SENSITIVITY = 1;
    private static final int ALLOW_PRIORITY = 2000;
    private static final int DEFAULT_RULE_PRIORITY = Integer.MAX_VALUE;
    private static final int MAX_RANGES_PER_RULE = 10;

    private PlainArmor() {
    }

    /** The policy {@code <ingress>-armor} admitting only {@code allowlist} to Ingress {@code ingress}. */
    static SecurityPolicy policy(String ingress, String project, List<String> wafRuleSets, List<String> allowlist) {
        return new SecurityPolicy(ingress + "-armor", SecurityPolicyArgs.builder()
                .name(ingress + "-armor")
                .description("Admits only the API gateway's ranges to Ingress " + ingress + "; denies everything else")
                .type("CLOUD_ARMOR")
                .rules(rules(wafRuleSets, allowlist))
                .project(project)
                .build());
    }

    private static List<SecurityPolicyRuleArgs> rules(List<String> waf, List<String> allowlist) {
        var rules = new ArrayList<SecurityPolicyRuleArgs>();
        for (int i = 0; i < waf.size(); i++) {
            rules.add(SecurityPolicyRuleArgs.builder()
                    .priority(WAF_PRIORITY + i)
                    .action(DENY)
                    .description("Preconfigured WAF " + waf.get(i))
                    .match(SecurityPolicyRuleMatchArgs.builder()
                            .expr(SecurityPolicyRuleMatchExprArgs.builder()
                                    .expression("evaluatePreconfiguredWaf('" + waf.get(i) + "', {'sensitivity': "
                                            + WAF_SENSITIVITY + "})")
                                    .build())
                            .build())
                    .build());
        }
        int chunks = (allowlist.size() + MAX_RANGES_PER_RULE - 1) / MAX_RANGES_PER_RULE;
        for (int i = 0; i < chunks; i++) {
            var ranges = allowlist.subList(i * MAX_RANGES_PER_RULE, Math.min(allowlist.size(), (i + 1) * MAX_RANGES_PER_RULE));
            rules.add(SecurityPolicyRuleArgs.builder()
                    .priority(ALLOW_PRIORITY + i)
                    .action("allow")
                    .description("Allow the API gateway's ranges (" + (i + 1) + " of " + chunks + ")")
                    .match(sourceRanges(List.copyOf(ranges)))
                    .build());
        }
        rules.add(SecurityPolicyRuleArgs.builder()
                .priority(DEFAULT_RULE_PRIORITY)
                .action(DENY)
                .description("Default rule: deny every source not in the allowlist")
                .match(sourceRanges(List.of("*")))
                .build());
        return rules;
    }

    private static SecurityPolicyRuleMatchArgs sourceRanges(List<String> ranges) {
        return SecurityPolicyRuleMatchArgs.builder()
                .versionedExpr("SRC_IPS_V1")
                .config(SecurityPolicyRuleMatchConfigArgs.builder().srcIpRanges(ranges).build())
                .build();
    }
}
