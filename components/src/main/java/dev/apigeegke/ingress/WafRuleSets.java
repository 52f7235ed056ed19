package dev.apigeegke.ingress;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The preconfigured WAF rule sets Cloud Armor publishes, the names {@code evaluatePreconfiguredWaf} takes.
 * A name that only looks right (a CRS version Cloud Armor never shipped, a family missing from a version)
 * would be rejected by Cloud Armor at {@code pulumi up}, so the names are checked against this table instead
 * of a pattern.
 *
 * <p>Source: Google Cloud Armor, "Preconfigured WAF rules overview"
 * (https://cloud.google.com/armor/docs/waf-rules), with the release notes
 * (https://cloud.google.com/armor/docs/release-notes) for CRS 4.22 (April 6, 2026), the CRS 3.0 and 3.3
 * canary updates (March 6 and February 13, 2026) and {@code cve-canary} (December 2025); checked on
 * December 1, 2026. When Cloud Armor publishes a new set, add it here with the date.
 */
final class WafRuleSets {
    /** Each CRS generation's families; every family has a {@code -stable} and a {@code -canary} set. */
    private static final List<String> CRS_4_22 = List.of("sqli", "xss", "lfi", "rfi", "rce", "methodenforcement",
            "scannerdetection", "protocolattack", "php", "sessionfixation", "java", "generic");
    private static final List<String> CRS_3_3 = List.of("sqli", "xss", "lfi", "rfi", "rce", "methodenforcement",
            "scannerdetection", "protocolattack", "php", "sessionfixation", "java", "nodejs");
    private static final List<String> CRS_3_0 = List.of("sqli", "xss", "lfi", "rfi", "rce", "methodenforcement",
            "scannerdetection", "protocolattack", "php", "sessionfixation");
    /** Sets outside the CRS generations: CVE signatures (Log4j and later) and the JSON-syntax SQL injection bypass. */
    private static final List<String> OTHER = List.of("cve-canary", "json-sqli-canary");

    /** Every valid name, newest generation first. */
    static final Set<String> NAMES = names();

    private WafRuleSets() {
    }

    private static Set<String> names() {
        var names = new LinkedHashSet<String>();
        for (String family : CRS_4_22) {
            names.add(family + "-v422-stable");
            names.add(family + "-v422-canary");
        }
        for (String family : CRS_3_3) {
            names.add(family + "-v33-stable");
            names.add(family + "-v33-canary");
        }
        for (String family : CRS_3_0) {
            names.add(family + "-stable");
            names.add(family + "-canary");
        }
        names.addAll(OTHER);
        return Collections.unmodifiableSet(names);
    }

    static boolean isKnown(String name) {
        return name != null && NAMES.contains(name);
    }

    /** The fix for a name not in the table: the valid names. */
    static String fix() {
        return "a preconfigured rule set Cloud Armor publishes: " + String.join(", ", NAMES);
    }
}
