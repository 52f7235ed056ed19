package dev.apigeegke.ingress;

import static dev.apigeegke.testing.Rejections.problems;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The lists and names an ArmoredIngress takes, refused before anything is declared when Cloud Armor or a
 * Google-managed certificate would refuse them: repeated entries, malformed domains, unknown WAF rule sets.
 */
class ArmoredIngressRulesTest {
    private static ArmoredIngressArgs.Builder args() {
        return ArmoredIngressArgs.builder()
                .allowlist(List.of("203.0.113.0/24"))
                .backend(IngressBackend.builder().name("orders").selector(Map.of("app", "orders")).targetPort(8080)
                        .paths("/orders").build());
    }

    @Test
    void refusesARepeatedDomainOrWafRuleSet() {
        assertThat(problems(() -> args()
                .domains(List.of("api.example.com", "www.example.com", "api.example.com"))
                .wafRuleSets(List.of("sqli-v33-stable", "xss-v33-stable", "sqli-v33-stable"))
                .build())).containsExactly(
                        "domains[2] = \"api.example.com\": listed twice; remove the duplicate",
                        "wafRuleSets[2] = \"sqli-v33-stable\": listed twice; remove the duplicate");
    }

    @Test
    void refusesDomainsAManagedCertificateCannotHoldSayingWhy() {
        String label64 = "a".repeat(64);
        String long254 = ("a".repeat(62) + ".").repeat(4) + "co";
        assertThat(problems(() -> args().domains(List.of("*.example.com", "API.Example.com", "api.example.com.",
                label64 + ".example.com", long254, "localhost", "api.example.com:443", "-api.example.com", "api_v1.example.com",
                "203.0.113.7", "api..example.com")).build())).containsExactly(
                        "domains[0] = \"*.example.com\": a wildcard is not a host name (a Google-managed certificate takes none): "
                                + "list each host, e.g. api.example.com",
                        "domains[1] = \"API.Example.com\": write it in lowercase: api.example.com",
                        "domains[2] = \"api.example.com.\": remove the trailing dot: write api.example.com",
                        "domains[3] = \"" + label64 + ".example.com\": the label aaaaaaaa... is 64 characters: each dot-separated "
                                + "label has at most 63",
                        "domains[4] = \"" + long254 + "\": is 254 characters: a host name has at most 253",
                        "domains[5] = \"localhost\": a single label: give the fully qualified name, e.g. api.example.com",
                        "domains[6] = \"api.example.com:443\": remove the port: give a host name such as api.example.com",
                        "domains[7] = \"-api.example.com\": the label \"-api\" starts or ends with '-'",
                        "domains[8] = \"api_v1.example.com\": the label \"api_v1\" has characters other than letters, digits and '-'",
                        "domains[9] = \"203.0.113.7\": an IP address, not a host name: give a host name such as api.example.com",
                        "domains[10] = \"api..example.com\": an empty label (two dots in a row, or a leading dot)");
    }

    @Test
    void acceptsDomainsAtEveryLimit() {
        String longest = ("a".repeat(63) + ".").repeat(3) + "b".repeat(61);
        assertThat(longest).hasSize(253);
        var domains = List.of(longest, "a.b", "1.example.com", "xn--bcher-kva.example", "a-b.c-d.example.io", "x.y.z.example.com");
        assertThat(args().domains(domains).build().domains()).isEqualTo(domains);
    }

    @Test
    void refusesAnIpv4MappedAllowlistRangeNamingTheIpv4RangeToWrite() {
        assertThat(problems(() -> args().allowlist(List.of("::ffff:10.0.0.0/104")).build())).containsExactly(
                "allowlist[0] = \"::ffff:10.0.0.0/104\": an IPv4-mapped IPv6 range: Cloud Armor and GKE match an IPv4 client by "
                        + "its IPv4 address, never a mapped one; write it as 10.0.0.0/8");
    }

    @Test
    void acceptsAHundredAndTwentyDistinctMixedRangesSplitIntoRulesOfTen() {
        var ranges = new ArrayList<String>();
        for (int i = 0; i < 60; i++) {
            ranges.add("198.51." + i + ".0/24");
            ranges.add("2001:db8:" + Integer.toHexString(i) + "::/48");
        }
        var built = args().allowlist(ranges).build();
        assertThat(built.plainAllowlist()).contains(ranges);
        assertThat(ArmorRules.chunks(ranges)).hasSize(12).allSatisfy(chunk -> assertThat(chunk).hasSize(10));
    }

    @Test
    void aMistypedWafRuleSetGetsTheClosestNamesNotTheWholeTable() {
        assertThat(problems(() -> args().wafRuleSets(List.of("sqli-v33-stabel", "cve", "xxs-v33-stable", "nosuchthing")).build()))
                .containsExactly(
                        "wafRuleSets[0] = \"sqli-v33-stabel\": did you mean sqli-v33-stable or sqli-v422-stable or sqli-v33-canary? "
                                + VALID,
                        "wafRuleSets[1] = \"cve\": did you mean cve-canary? " + VALID,
                        "wafRuleSets[2] = \"xxs-v33-stable\": did you mean xss-v33-stable? " + VALID,
                        "wafRuleSets[3] = \"nosuchthing\": not a preconfigured rule set Cloud Armor publishes " + VALID);
    }

    private static final String VALID = "(valid: the CRS 4.22, 3.3 and 3.0 sets (<family>-v422-stable, <family>-v33-stable, "
            + "<family>-stable and their -canary sets), cve-canary and json-sqli-canary, see https://cloud.google.com/armor/docs/waf-rules)";
}
