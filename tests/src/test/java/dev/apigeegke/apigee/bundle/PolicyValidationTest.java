package dev.apigeegke.apigee.bundle;

import static dev.apigeegke.apigee.bundle.Bundles.problems;
import static dev.apigeegke.testing.Rejections.shown;
import static org.assertj.core.api.Assertions.assertThat;

import dev.apigeegke.core.Problems;
import dev.apigeegke.testing.Rejections;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class PolicyValidationTest {
    private static final VerifyApiKey KEY = VerifyApiKey.header("x-api-key");

    @Test
    void problemsNameTheArgumentTheValueAndTheFix() {
        assertThat(problems(SpikeArrest.rate("fast"), "policies[2]")).containsExactly("policies[2].rate = \"fast\": a rate as "
                + "<n>ps (per second) or <n>pm (per minute), n a whole number from 1, e.g. 30ps or 600pm");
    }

    @Test
    void spikeArrestRateIsAWholeNumberOfRequestsPerSecondOrPerMinute() {
        for (String rate : Arrays.asList("30", "-1ps", "1.5ps", "30 ps", "ps", "30pps", "", null)) {
            assertThat(problems(SpikeArrest.rate(rate), "p")).containsExactly("p.rate = " + shown(rate) + ": "
                            + "a rate as <n>ps (per second) or <n>pm (per minute), n a whole number from 1, e.g. 30ps or 600pm");
        }
        assertThat(problems(SpikeArrest.rate("0ps"), "p")).containsExactly(
                "p.rate = \"0ps\": the rate must be at least 1: a rate of 0 refuses every request");
        assertThat(problems(SpikeArrest.rate("01ps"), "p")).containsExactly("p.rate = \"01ps\": the rate 01 has a leading zero: write 1");
        assertThat(problems(SpikeArrest.rate("9999999999ps"), "p")).containsExactly(
                "p.rate = \"9999999999ps\": the rate 9999999999 is above 999999999");
        assertThat(problems(SpikeArrest.rate("30PS"), "p")).containsExactly("p.rate = \"30PS\": write the unit in lowercase: 30ps");
        assertThat(problems(SpikeArrest.rate("30ph"), "p")).containsExactly("p.rate = \"30ph\": a SpikeArrest rate is per second (ps) "
                + "or per minute (pm) only; limit each app per hour or day with a Quota");
        for (String rate : List.of("1ps", "30ps", "600pm", "100000pm", "999999999ps", "999999999pm")) {
            assertThat(problems(SpikeArrest.rate(rate), "p")).as(rate).isEmpty();
        }
    }

    @Test
    void policyNamesFollowApigeeRules() {
        String longest = "a".repeat(255);
        for (String name : Arrays.asList("bad name", "", "a/b", "VK:key", "a".repeat(256), null)) {
            assertThat(problems(KEY.withName(name), "preFlow[0]")).containsExactly("preFlow[0].name = " + shown(name) + ": "
                            + "a policy name: letters, digits, '-', '_' and '.', at most 255 characters (Apigee's policy name "
                                    + "rules)");
        }
        for (String name : List.of("VA-api-key", "A_b-1.2", longest)) {
            assertThat(problems(KEY.withName(name), "p")).as(name).isEmpty();
        }
    }

    @Test
    void verifyApiKeyNeedsAValidHeaderOrParameterName() {
        assertThat(problems(VerifyApiKey.header("x api key"), "p")).containsExactly("p.headerName = \"x api key\": an HTTP "
                + "header name such as x-api-key: letters, digits and !#$%&'*+.^_`|~- without spaces or ':'");
        assertThat(problems(VerifyApiKey.header(null), "p")).containsExactly("p.headerName = (not set): an HTTP header name such "
                + "as x-api-key: letters, digits and !#$%&'*+.^_`|~- without spaces or ':'");
        assertThat(problems(VerifyApiKey.header("x-api-key:"), "p")).containsExactly("p.headerName = \"x-api-key:\": an HTTP "
                + "header name such as x-api-key: letters, digits and !#$%&'*+.^_`|~- without spaces or ':'");
        assertThat(problems(VerifyApiKey.queryParameter("api key"), "p")).containsExactly("p.queryParameter = \"api key\": a "
                + "query parameter name such as apikey: letters, digits, '.', '_', '~' and '-'");
    }

    @Test
    void quotaNeedsPositiveCountsAndAKnownTimeUnit() {
        assertThat(problems(Quota.explicit(0, 0, "year"), "p")).containsExactly(
                "p.count = 0: a count of at least 1 request",
                "p.interval = 0: an interval of at least 1 year",
                "p.timeUnit = \"year\": one of minute, hour, day, week, month");
        for (String unit : Quota.TIME_UNITS) {
            assertThat(problems(Quota.explicit(1, 1, unit), "p")).isEmpty();
        }
        assertThat(problems(Quota.fromProduct(null, 0), "p")).containsExactly(
                "p.count = 0: a fallback count of at least 1 request",
                "p.key = (not set): pass the VerifyApiKey policy whose API product quota this enforces");
        assertThat(problems(Quota.fromProduct(KEY, 5).fallbackPer(1, "fortnight"), "p")).containsExactly(
                "p.timeUnit = \"fortnight\": one of minute, hour, day, week, month");
    }

    @Test
    void corsOriginsMustBeWhatBrowsersSend() {
        for (String origin : Arrays.asList("https://app.example.com/", "app.example.com", "HTTPS://App.example.com",
                "https://app.example.com/path", "ftp://app.example.com", "{request.header.origin}", null)) {
            assertThat(problems(Cors.allow(Arrays.asList(origin)), "preFlow[0]"))
                    .containsExactly("preFlow[0].origins[0] = " + shown(origin) + ": "
                                    + "an origin as browsers send it: scheme://host[:port] in lowercase, without path or "
                                            + "trailing '/', e.g. https://app.example.com; or \"*\" alone for any origin");
        }
        assertThat(problems(Cors.allow(List.of("https://a.example.com", "*")), "p")).containsExactly(
                "p.origins[1] = \"*\": \"*\" already allows every origin: use it alone, or list the origins without it");
        assertThat(problems(Cors.allow(List.of("https://a.example.com", "https://a.example.com")), "p")).containsExactly(
                "p.origins[1] = \"https://a.example.com\": listed twice; name each origin once");
        assertThat(problems(Cors.allow(List.of()), "p")).containsExactly("p.origins = []: allow at least one origin such as "
                + "https://app.example.com");
        assertThat(problems(Cors.allow(List.of("https://a.example.com:8443", "http://localhost:3000")), "p")).isEmpty();
    }

    @Test
    void corsMethodsHeadersAndMaxAgeAreChecked() {
        assertThat(problems(Cors.allow(List.of("*")).methods(List.of("get", "TRACE", "GET", "GET"))
                .headers(List.of("bad header", "X-Trace", "x-trace")).maxAgeSeconds(86401), "p")).containsExactly(
                        "p.methods[0] = \"get\": one of GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS (uppercase)",
                        "p.methods[1] = \"TRACE\": one of GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS (uppercase)",
                        "p.methods[3] = \"GET\": listed twice; name each method once",
                        "p.headers[0] = \"bad header\": an HTTP header name such as x-api-key: letters, digits and "
                                + "!#$%&'*+.^_`|~- without spaces or ':'",
                        "p.headers[2] = \"x-trace\": listed twice (header names ignore case); name each header once",
                        "p.maxAgeSeconds = 86401: 0 to 86400 seconds, or -1 so browsers do not cache preflight answers");
        assertThat(problems(Cors.allow(List.of("*")).methods(List.of()), "p")).containsExactly("p.methods = []: allow at least "
                + "one method, e.g. GET");
        assertThat(problems(Cors.allow(List.of("*")).maxAgeSeconds(-1), "p")).isEmpty();
    }

    @Test
    void assignMessageMustChangeSomethingWithoutContradictingItself() {
        assertThat(problems(AssignMessage.toTarget("AM-noop"), "p")).containsExactly("p = \"AM-noop\": this policy changes "
                + "nothing: add setHeader(name, value) or removeHeader(name)");
        assertThat(problems(AssignMessage.toTarget("AM-x").removeHeader("X-Api-Key").setHeader("x-api-key", "k"), "p"))
                .containsExactly("p.setHeader[x-api-key] = \"x-api-key\": this header is also removed; either set it or remove "
                        + "it");
        assertThat(problems(AssignMessage.toTarget("AM-x").setHeader("X-A", "1").setHeader("x-a", "2"), "p")).containsExactly(
                "p.setHeader[x-a] = \"x-a\": also set as \"X-A\" (header names ignore case); set it once");
        assertThat(problems(AssignMessage.toTarget("AM-x").removeHeader("a").removeHeader("A"), "p")).containsExactly(
                "p.removeHeader[1] = \"A\": removed twice (header names ignore case); remove it once");
        assertThat(problems(AssignMessage.toTarget("AM-x").setHeader("x-a", "1\r\nx-b: 2"), "p")).containsExactly(
                "p.setHeader[x-a] = \"1\r\nx-b: 2\": a non-empty value on one line (no control characters); to drop a header use "
                        + "removeHeader");
        assertThat(problems(AssignMessage.toTarget("AM-x").setHeader("x-a", ""), "p")).containsExactly(
                "p.setHeader[x-a] = \"\": a non-empty value on one line (no control characters); to drop a header use "
                + "removeHeader");
        assertThat(problems(AssignMessage.toTarget("AM-x").setHeader("x a", "1"), "p")).containsExactly(
                "p.setHeader[x a] = \"x a\": an HTTP header name such as x-api-key: letters, digits and !#$%&'*+.^_`|~- without "
                + "spaces or ':'");
        assertThat(problems(AssignMessage.toTarget(null).removeHeader("a"), "p")).containsExactly("p.name = (not set): a policy "
                + "name: letters, digits, '-', '_' and '.', at most 255 characters (Apigee's policy name rules)");
    }

    @Test
    void jsonThreatProtectionKeepsEveryCheckOn() {
        assertThat(problems(JsonThreatProtection.defaults().containerDepth(0).arrayElementCount(-1)
                .objectEntryCount(0).objectEntryNameLength(0).stringValueLength(0), "p")).containsExactly(
                        "p.containerDepth = 0: a limit of at least 1: this policy keeps every check on; raise the limit if real "
                                + "payloads exceed it",
                        "p.arrayElementCount = -1: a limit of at least 1: this policy keeps every check on; raise the limit if "
                                + "real payloads exceed it",
                        "p.objectEntryCount = 0: a limit of at least 1: this policy keeps every check on; raise the limit if "
                                + "real payloads exceed it",
                        "p.objectEntryNameLength = 0: a limit of at least 1: this policy keeps every check on; raise the limit "
                                + "if real payloads exceed it",
                        "p.stringValueLength = 0: a limit of at least 1: this policy keeps every check on; raise the limit if "
                                + "real payloads exceed it");
    }

    @Test
    void flowsNeedANamePathPatternAndKnownVerbs() {
        var flow = new Flow("list orders", "orders/**", Arrays.asList("get", "GET", "GET", "BREW"),
                Arrays.asList(SpikeArrest.rate("x"), null));
        assertThat(validated(flow, "flows[3]")).containsExactly(
                "flows[3].name = \"list orders\": a flow name: letters, digits, '-', '_' and '.', at most 255 characters",
                "flows[3].pathPattern = \"orders/**\": a path pattern relative to the base path, starting with '/', e.g. /orders "
                        + "or /orders/** (* is one segment, ** any number; no spaces, quotes or braces)",
                "flows[3].verbs[0] = \"get\": one of GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS (uppercase)",
                "flows[3].verbs[2] = \"GET\": listed twice; name each method once",
                "flows[3].verbs[3] = \"BREW\": one of GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS (uppercase)",
                "flows[3].policies[0].rate = \"x\": a rate as <n>ps (per second) or <n>pm (per minute), n a whole number from 1, "
                        + "e.g. 30ps or 600pm",
                "flows[3].policies[1] = (not set): remove the null entry");
        for (String pattern : List.of("/orders \"x\"", "/a b", "/{id}")) {
            assertThat(validated(new Flow("f", pattern, List.of(), List.of()), "f"))
                    .containsExactly("f.pathPattern = " + shown(pattern) + ": "
                                    + "a path pattern relative to the base path, starting with '/', e.g. /orders or /orders/** "
                                            + "(* is one segment, ** any number; no spaces, quotes or braces)");
        }
        assertThat(validated(new Flow("get-order", "/orders/*", null, null), "f")).isEmpty();
    }

    private static List<String> validated(Flow flow, String argument) {
        var problems = new Problems("test");
        flow.validate(problems, argument);
        return Rejections.lines(problems.list());
    }
}
