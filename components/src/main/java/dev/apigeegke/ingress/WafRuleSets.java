package dev.apigeegke.ingress;

import dev.apigeegke.internal.validation.EditDistance;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
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

    /** Where Cloud Armor lists the sets, for the fix of a name not in the table. */
    static final String DOC = "https://cloud.google.com/armor/docs/waf-rules";
    /** The most names a fix suggests; more would be the whole table again. */
    private static final int SUGGESTIONS = 3;

    /**
     * The fix for {@code name}, not in the table: the closest valid names by edit distance (ties newest generation
     * first), then where the full list is, rather than every name on one line.
     */
    static String fix(String name) {
        String valid = "valid: the CRS 4.22, 3.3 and 3.0 sets (<family>-v422-stable, <family>-v33-stable, <family>-stable "
                + "and their -canary sets), cve-canary and json-sqli-canary, see " + DOC;
        String given = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
        var close = closest(given);
        if (close.isEmpty()) {
            return "not a preconfigured rule set Cloud Armor publishes (" + valid + ")";
        }
        return "did you mean " + String.join(" or ", close) + "? (" + valid + ")";
    }

    /**
     * The valid names nearest {@code name}: of its own family when it names one (the generation or the channel is what
     * is wrong), else of any family within an edit distance of half its length (farther is a guess, not a correction).
     */
    private static List<String> closest(String name) {
        if (NAMES.contains(name)) {
            // Only the case or surrounding spaces were wrong.
            return List.of(name);
        }
        String family = name.contains("-") ? name.substring(0, name.indexOf('-')) : name;
        var sameFamily = NAMES.stream().filter(n -> n.startsWith(family + "-")).toList();
        if (family.equals(name)) {
            // A bare family ("sqli") asks for its sets: the stable ones newest generation first, else the canary ones.
            var stable = sameFamily.stream().filter(n -> n.endsWith("-stable")).toList();
            return (stable.isEmpty() ? sameFamily : stable).stream().limit(SUGGESTIONS).toList();
        }
        if (sameFamily.isEmpty()) {
            // A mistyped family: only the nearest names, and none farther than half the name (that would be a guess).
            int best = NAMES.stream().mapToInt(n -> EditDistance.between(name, n)).min().orElseThrow();
            return best > Math.max(2, name.length() / 2) ? List.of()
                    : NAMES.stream().filter(n -> EditDistance.between(name, n) == best).limit(SUGGESTIONS).toList();
        }
        return sameFamily.stream()
                .sorted(Comparator.comparingInt((String n) -> EditDistance.between(name, n)))
                .limit(SUGGESTIONS)
                .toList();
    }
}
