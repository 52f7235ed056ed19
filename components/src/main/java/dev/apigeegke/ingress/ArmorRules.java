package dev.apigeegke.ingress;

import com.pulumi.gcp.compute.inputs.SecurityPolicyRuleArgs;
import com.pulumi.gcp.compute.inputs.SecurityPolicyRuleMatchArgs;
import com.pulumi.gcp.compute.inputs.SecurityPolicyRuleMatchConfigArgs;
import com.pulumi.gcp.compute.inputs.SecurityPolicyRuleMatchExprArgs;
import com.pulumi.gcp.compute.inputs.SecurityPolicyRuleRateLimitOptionsArgs;
import com.pulumi.gcp.compute.inputs.SecurityPolicyRuleRateLimitOptionsBanThresholdArgs;
import com.pulumi.gcp.compute.inputs.SecurityPolicyRuleRateLimitOptionsRateLimitThresholdArgs;
import dev.apigeegke.core.Problems;
import dev.apigeegke.internal.validation.Cidr;
import dev.apigeegke.internal.validation.Distinct;
import java.util.ArrayList;
import java.util.List;

/**
 * The Cloud Armor rules of an {@link ArmoredIngress}, in evaluation order: preconfigured WAF deny rules,
 * then the allowlist split into rules of at most 10 ranges at consecutive priorities, then the default
 * rule denying everything else.
 */
final class ArmorRules {
    private ArmorRules() {
    }

    /** Problems with an allowlist, reported under {@code argument}. */
    static void validateAllowlist(Problems problems, String argument, List<String> allowlist) {
        if (allowlist == null || allowlist.isEmpty()) {
            problems.add(argument, allowlist, "give the gateway's egress ranges (IPv4 and/or IPv6 CIDRs); "
                    + "an empty allowlist would deny every request");
            return;
        }
        for (int i = 0; i < allowlist.size(); i++) {
            String problem = Cidr.problem(allowlist.get(i));
            if (problem != null) {
                problems.add(argument + "[" + i + "]", allowlist.get(i), problem);
            }
        }
        Distinct.check(problems, argument, allowlist);
    }

    /** Splits the allowlist into chunks of at most {@link ArmoredIngressDefaults#MAX_RANGES_PER_RULE}. */
    static List<List<String>> chunks(List<String> allowlist) {
        var chunks = new ArrayList<List<String>>();
        for (int i = 0; i < allowlist.size(); i += ArmoredIngressDefaults.MAX_RANGES_PER_RULE) {
            chunks.add(List.copyOf(allowlist.subList(i, Math.min(allowlist.size(), i + ArmoredIngressDefaults.MAX_RANGES_PER_RULE))));
        }
        return chunks;
    }

    static List<SecurityPolicyRuleArgs> rules(List<String> allowlist, ArmoredIngressArgs args) {
        var rules = new ArrayList<SecurityPolicyRuleArgs>();
        String deny = "deny(" + args.denyStatus() + ")";
        var waf = args.wafRuleSets();
        for (int i = 0; i < waf.size(); i++) {
            rules.add(SecurityPolicyRuleArgs.builder()
                    .priority(ArmoredIngressDefaults.WAF_PRIORITY_BASE + i)
                    .action(deny)
                    .description("Preconfigured WAF " + waf.get(i))
                    .match(SecurityPolicyRuleMatchArgs.builder()
                            .expr(SecurityPolicyRuleMatchExprArgs.builder()
                                    .expression("evaluatePreconfiguredWaf('" + waf.get(i) + "', {'sensitivity': "
                                            + args.wafSensitivity() + "})")
                                    .build())
                            .build())
                    .build());
        }
        var chunks = chunks(allowlist);
        for (int i = 0; i < chunks.size(); i++) {
            var rule = SecurityPolicyRuleArgs.builder()
                    .priority(ArmoredIngressDefaults.ALLOW_PRIORITY_BASE + i)
                    .description("Allow the API gateway's ranges (" + (i + 1) + " of " + chunks.size() + ")")
                    .match(srcIps(chunks.get(i)));
            var ban = args.rateBan();
            if (ban.isPresent()) {
                rule.action("rate_based_ban").rateLimitOptions(rateLimitOptions(ban.get()));
            } else {
                rule.action("allow");
            }
            rules.add(rule.build());
        }
        rules.add(SecurityPolicyRuleArgs.builder()
                .priority(ArmoredIngressDefaults.DEFAULT_RULE_PRIORITY)
                .action(deny)
                .description("Default rule: deny every source not in the allowlist")
                .match(srcIps(List.of("*")))
                .build());
        return rules;
    }

    private static SecurityPolicyRuleRateLimitOptionsArgs rateLimitOptions(RateBan ban) {
        var options = SecurityPolicyRuleRateLimitOptionsArgs.builder()
                .conformAction("allow")
                .exceedAction("deny(429)")
                .enforceOnKey(ban.enforceOnKey())
                .rateLimitThreshold(SecurityPolicyRuleRateLimitOptionsRateLimitThresholdArgs.builder()
                        .count(ban.count()).intervalSec(ban.intervalSec()).build())
                .banDurationSec(ban.banDurationSec());
        if (ban.enforceOnKeyName() != null) {
            options.enforceOnKeyName(ban.enforceOnKeyName());
        }
        if (ban.banThreshold() != null) {
            options.banThreshold(SecurityPolicyRuleRateLimitOptionsBanThresholdArgs.builder()
                    .count(ban.banThreshold().count()).intervalSec(ban.banThreshold().intervalSec()).build());
        }
        return options.build();
    }

    private static SecurityPolicyRuleMatchArgs srcIps(List<String> ranges) {
        return SecurityPolicyRuleMatchArgs.builder()
                .versionedExpr("SRC_IPS_V1")
                .config(SecurityPolicyRuleMatchConfigArgs.builder().srcIpRanges(ranges).build())
                .build();
    }
}
