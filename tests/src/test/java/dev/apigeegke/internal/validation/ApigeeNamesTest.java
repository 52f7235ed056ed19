package dev.apigeegke.internal.validation;

import static dev.apigeegke.testing.Rejections.problems;
import static dev.apigeegke.testing.Rejections.shown;
import static org.assertj.core.api.Assertions.assertThat;

import dev.apigeegke.apigee.ApigeeProductArgs;
import dev.apigeegke.apigee.ApigeeProxyArgs;
import dev.apigeegke.apigee.MicrogatewayProxiesArgs;
import dev.apigeegke.apigee.MicrogatewayRoute;
import dev.apigeegke.core.Problems;
import dev.apigeegke.microgateway.MicrogatewayConfig;
import dev.apigeegke.microgateway.MicrogatewayServiceArgs;
import dev.apigeegke.microgateway.MicrogatewaySidecarArgs;
import dev.apigeegke.testing.Rejections;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The organization and environment every component takes are checked by one rule with one message: a value one
 * component rejects, every other rejects in the same words.
 */
public class ApigeeNamesTest {
    private static final String RULE = "lowercase letters, digits and '-', starting with a letter and not ending with '-', "
            + "at most 63 characters (it becomes part of host names such as ORG-ENV.apigee.net)";
    /** The fix of every rejected organization. */
    public static final String ORGANIZATION = "the Apigee organization name, e.g. my-org: " + RULE;
    /** The fix of every rejected environment. */
    public static final String ENVIRONMENT = "an Apigee environment name, e.g. test: " + RULE;

    private static final String PUBLIC_KEY = "-----BEGIN PUBLIC KEY-----\nMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA\n"
            + "-----END PUBLIC KEY-----\n";

    /** Builds a component's arguments, valid but for the organization and environment given; returns its problems. */
    private record Component(String name, String environmentArgument, BiFunction<String, String, List<String>> problems) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static MicrogatewayConfig config() {
        return MicrogatewayConfig.builder().organization("acme").environment("test").publicKeyOverride(PUBLIC_KEY).build();
    }

    private static List<Component> components() {
        return List.of(
                new Component("MicrogatewayProxiesArgs", "environment", (org, env) -> problems(() -> MicrogatewayProxiesArgs.builder()
                        .organization(org).environment(env).routes(List.of(MicrogatewayRoute.toService("orders", "shop")))
                        .productName("shop-product").build())),
                new Component("MicrogatewayConfig", "environment", (org, env) -> problems(() -> MicrogatewayConfig.builder()
                        .organization(org).environment(env).build())),
                new Component("MicrogatewayServiceArgs", "environment", (org, env) -> problems(() -> MicrogatewayServiceArgs.builder()
                        .organization(org).environment(env).config(config()).key("key").secret("secret").build())),
                new Component("MicrogatewaySidecarArgs", "environment", (org, env) -> problems(() -> MicrogatewaySidecarArgs.builder()
                        .organization(org).environment(env).config(config()).key("key").secret("secret")
                        .namespace("shop").appPort(8080).podSelector(Map.of("app", "orders")).build())),
                new Component("ApigeeProxyArgs", "environments[0]", (org, env) -> problems(() -> ApigeeProxyArgs.builder()
                        .organization(org).environments(java.util.Arrays.asList(env)).proxyName("shop").basePath("/shop")
                        .hostname("api.example.com").target("https://api.internal.example.com").build())));
    }

    private static final List<String> BAD = java.util.Arrays.asList("Acme_Corp", "acme-", "1acme", "ac me", "a".repeat(64), "", null);

    static Stream<Arguments> everyComponentWithEveryBadName() {
        return components().stream().flatMap(c -> BAD.stream().map(bad -> Arguments.of(c, bad)));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("everyComponentWithEveryBadName")
    void aBadOrganizationGetsTheSameProblemFromEveryComponent(Component component, String bad) {
        // The gateways also say their "acme-test" config is for another org: only the organization line is compared.
        assertThat(component.problems().apply(bad, "test")).filteredOn(line -> line.startsWith("organization = "))
                .containsExactly("organization = " + shown(bad) + ": " + ORGANIZATION);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("everyComponentWithEveryBadName")
    void aBadEnvironmentGetsTheSameProblemFromEveryComponent(Component component, String bad) {
        String argument = component.environmentArgument();
        assertThat(component.problems().apply("acme", bad)).filteredOn(line -> line.startsWith(argument + " = "))
                .containsExactly(argument + " = " + shown(bad) + ": " + ENVIRONMENT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Acme_Corp", "acme-", "1acme"})
    void aProductsEnvironmentsFollowTheSameRule(String bad) {
        assertThat(problems(() -> ApigeeProductArgs.builder().name("shop").environments(List.of("test", bad))
                .proxies(List.of("shop-api")).build())).containsExactly("environments[1] = \"" + bad + "\": " + ENVIRONMENT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"a", "acme", "my-org", "prod2", "eu-west-1-test"})
    void acceptsDnsLabelsStartingWithALetter(String name) {
        var problems = new Problems("test");
        ApigeeNames.checkOrganization(problems, "organization", name);
        ApigeeNames.checkEnvironment(problems, "environment", name);
        assertThat(problems.list()).isEmpty();
        var longest = new Problems("test");
        ApigeeNames.checkOrganization(longest, "organization", "a".repeat(63));
        assertThat(Rejections.lines(longest.list())).isEmpty();
    }
}
