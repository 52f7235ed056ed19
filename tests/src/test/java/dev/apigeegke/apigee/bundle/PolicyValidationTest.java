package dev.apigeegke.apigee.bundle;

import static dev.apigeegke.apigee.bundle.Bundles.only;
import static dev.apigeegke.apigee.bundle.Bundles.problems;
import static org.assertj.core.api.Assertions.assertThat;

import dev.apigeegke.core.Problem;
import dev.apigeegke.core.Problems;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class PolicyValidationTest {
    private static final VerifyApiKey KEY = VerifyApiKey.header("x-api-key");

    @Test
    void problemsNameTheArgumentTheValueAndTheFix() {
        var problem = only(problems(SpikeArrest.rate("fast"), "policies[2]"), "policies[2].rate");
        assertThat(problem.value()).isEqualTo("\"fast\"");
        assertThat(problem.fix()).contains("<n>ps (per second)").contains("<n>pm (per minute)").contains("30ps");
        assertThat(problem.toString()).isEqualTo("policies[2].rate = \"fast\": " + problem.fix());
    }

    @Test
    void spikeArrestRateIsAWholeNumberOfRequestsPerSecondOrPerMinute() {
        for (String rate : Arrays.asList("0ps", "30", "30ph", "-1ps", "1.5ps", "30 ps", "ps", "01ps", "9999999999ps", null)) {
            assertThat(problems(SpikeArrest.rate(rate), "p")).as(rate).extracting(Problem::argument).containsExactly("p.rate");
        }
        for (String rate : List.of("1ps", "30ps", "600pm", "100000pm")) {
            assertThat(problems(SpikeArrest.rate(rate), "p")).as(rate).isEmpty();
        }
    }

    @Test
    void policyNamesFollowApigeeRules() {
        String longest = "a".repeat(255);
        for (String name : Arrays.asList("bad name", "", "a/b", "VK:key", "a".repeat(256), null)) {
            var problem = only(problems(KEY.withName(name), "preFlow[0]"), "preFlow[0].name");
            assertThat(problem.fix()).contains("letters, digits, '-', '_' and '.', at most 255 characters");
        }
        for (String name : List.of("VA-api-key", "A_b-1.2", longest)) {
            assertThat(problems(KEY.withName(name), "p")).as(name).isEmpty();
        }
    }

    @Test
    void verifyApiKeyNeedsAValidHeaderOrParameterName() {
        assertThat(only(problems(VerifyApiKey.header("x api key"), "p"), "p.headerName").fix()).contains("HTTP header name");
        assertThat(only(problems(VerifyApiKey.header(null), "p"), "p.headerName").value()).isEqualTo("(not set)");
        assertThat(only(problems(VerifyApiKey.header("x-api-key:"), "p"), "p.headerName")).isNotNull();
        assertThat(only(problems(VerifyApiKey.queryParameter("api key"), "p"), "p.queryParameter").fix())
                .contains("query parameter name");
    }

    @Test
    void quotaNeedsPositiveCountsAndAKnownTimeUnit() {
        var problems = problems(Quota.explicit(0, 0, "year"), "p");
        assertThat(problems).extracting(Problem::argument).containsExactly("p.count", "p.interval", "p.timeUnit");
        assertThat(only(problems, "p.timeUnit").fix()).isEqualTo("one of minute, hour, day, week, month");
        for (String unit : Quota.TIME_UNITS) {
            assertThat(problems(Quota.explicit(1, 1, unit), "p")).isEmpty();
        }
        var product = problems(Quota.fromProduct(null, 0), "p");
        assertThat(only(product, "p.key").fix()).contains("pass the VerifyApiKey policy");
        assertThat(only(product, "p.count").fix()).contains("fallback count");
        assertThat(only(problems(Quota.fromProduct(KEY, 5).fallbackPer(1, "fortnight"), "p"), "p.timeUnit")).isNotNull();
    }

    @Test
    void corsOriginsMustBeWhatBrowsersSend() {
        for (String origin : Arrays.asList("https://app.example.com/", "app.example.com", "HTTPS://App.example.com",
                "https://app.example.com/path", "ftp://app.example.com", "{request.header.origin}", null)) {
            var problem = only(problems(Cors.allow(Arrays.asList(origin)), "preFlow[0]"), "preFlow[0].origins[0]");
            assertThat(problem.fix()).contains("scheme://host[:port] in lowercase, without path or trailing '/'");
        }
        assertThat(only(problems(Cors.allow(List.of("https://a.example.com", "*")), "p"), "p.origins[1]").fix())
                .contains("\"*\" already allows every origin");
        assertThat(only(problems(Cors.allow(List.of("https://a.example.com", "https://a.example.com")), "p"), "p.origins[1]")
                .fix()).contains("listed twice");
        assertThat(only(problems(Cors.allow(List.of()), "p"), "p.origins").fix()).contains("at least one origin");
        assertThat(problems(Cors.allow(List.of("https://a.example.com:8443", "http://localhost:3000")), "p")).isEmpty();
    }

    @Test
    void corsMethodsHeadersAndMaxAgeAreChecked() {
        var problems = problems(Cors.allow(List.of("*")).methods(List.of("get", "TRACE", "GET", "GET"))
                .headers(List.of("bad header", "X-Trace", "x-trace")).maxAgeSeconds(86401), "p");
        assertThat(problems).extracting(Problem::argument).containsExactly("p.methods[0]", "p.methods[1]", "p.methods[3]",
                "p.headers[0]", "p.headers[2]", "p.maxAgeSeconds");
        assertThat(only(problems, "p.methods[0]").fix()).contains("(uppercase)");
        assertThat(only(problems, "p.maxAgeSeconds").fix()).contains("0 to 86400 seconds, or -1");
        assertThat(only(problems(Cors.allow(List.of("*")).methods(List.of()), "p"), "p.methods")).isNotNull();
        assertThat(problems(Cors.allow(List.of("*")).maxAgeSeconds(-1), "p")).isEmpty();
    }

    @Test
    void assignMessageMustChangeSomethingWithoutContradictingItself() {
        assertThat(only(problems(AssignMessage.toTarget("AM-noop"), "p"), "p").fix()).contains("changes nothing");
        var conflicting = problems(AssignMessage.toTarget("AM-x").removeHeader("X-Api-Key").setHeader("x-api-key", "k"), "p");
        assertThat(only(conflicting, "p.setHeader[x-api-key]").fix()).contains("also removed");
        var twice = problems(AssignMessage.toTarget("AM-x").setHeader("X-A", "1").setHeader("x-a", "2"), "p");
        assertThat(only(twice, "p.setHeader[x-a]").fix()).contains("also set as \"X-A\"");
        assertThat(only(problems(AssignMessage.toTarget("AM-x").removeHeader("a").removeHeader("A"), "p"), "p.removeHeader[1]")
                .fix()).contains("removed twice");
        var injected = only(problems(AssignMessage.toTarget("AM-x").setHeader("x-a", "1\r\nx-b: 2"), "p"), "p.setHeader[x-a]");
        assertThat(injected.fix()).contains("on one line");
        assertThat(only(problems(AssignMessage.toTarget("AM-x").setHeader("x-a", ""), "p"), "p.setHeader[x-a]")
                .fix()).contains("use removeHeader");
        assertThat(only(problems(AssignMessage.toTarget("AM-x").setHeader("x a", "1"), "p"), "p.setHeader[x a]")
                .fix()).contains("HTTP header name");
        assertThat(only(problems(AssignMessage.toTarget(null).removeHeader("a"), "p"), "p.name")).isNotNull();
    }

    @Test
    void jsonThreatProtectionKeepsEveryCheckOn() {
        var problems = problems(JsonThreatProtection.defaults().containerDepth(0).arrayElementCount(-1)
                .objectEntryCount(0).objectEntryNameLength(0).stringValueLength(0), "p");
        assertThat(problems).extracting(Problem::argument).containsExactly("p.containerDepth", "p.arrayElementCount",
                "p.objectEntryCount", "p.objectEntryNameLength", "p.stringValueLength");
        assertThat(problems).allSatisfy(p -> assertThat(p.fix()).contains("at least 1"));
    }

    @Test
    void flowsNeedANamePathPatternAndKnownVerbs() {
        var flow = new Flow("list orders", "orders/**", Arrays.asList("get", "GET", "GET", "BREW"),
                Arrays.asList(SpikeArrest.rate("x"), null));
        var problems = new Problems("test");
        flow.validate(problems, "flows[3]");
        assertThat(problems.list()).extracting(Problem::argument).containsExactly("flows[3].name", "flows[3].pathPattern",
                "flows[3].verbs[0]", "flows[3].verbs[2]", "flows[3].verbs[3]", "flows[3].policies[0].rate", "flows[3].policies[1]");
        assertThat(only(problems.list(), "flows[3].pathPattern").fix()).contains("starting with '/'").contains("** any number");
        for (String pattern : List.of("/orders \"x\"", "/a b", "/{id}")) {
            var p = new Problems("test");
            new Flow("f", pattern, List.of(), List.of()).validate(p, "f");
            assertThat(p.list()).as(pattern).extracting(Problem::argument).containsExactly("f.pathPattern");
        }
        var ok = new Problems("test");
        new Flow("get-order", "/orders/*", null, null).validate(ok, "f");
        assertThat(ok.list()).isEmpty();
    }
}
