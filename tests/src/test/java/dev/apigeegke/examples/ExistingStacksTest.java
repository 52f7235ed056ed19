package dev.apigeegke.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.pulumi.Context;
import dev.apigeegke.apigee.ApigeeProduct;
import dev.apigeegke.apigee.MicrogatewayProxies;
import dev.apigeegke.cli.Patterns;
import dev.apigeegke.preview.StackFile;
import dev.apigeegke.testing.FormerAddresses;
import dev.apigeegke.testing.Repo;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A stack deployed before the patterns grouped their Apigee resources into {@link ApigeeProduct} and
 * {@link MicrogatewayProxies} keeps every resource: each is found at its former address, so {@code pulumi up}
 * adopts it in place instead of deleting it and creating it again.
 */
class ExistingStacksTest {
    private static final Set<String> NEW_COMPONENTS = Set.of(ApigeeProduct.TYPE, MicrogatewayProxies.TYPE);

    @ParameterizedTest
    @ValueSource(strings = {"pattern1", "pattern2", "pattern3"})
    void everyResourceOfTheSampleStackIsAdoptedWhereItWas(String pattern) throws Exception {
        var stack = StackFile.read(Repo.root().resolve("Pulumi." + pattern + ".yaml"), "apigee-gke");
        Consumer<Context> program = Patterns.program(pattern);
        var adopted = FormerAddresses.adopted(stack.config(), stack.secretKeys(), program, NEW_COMPONENTS);
        assertThat(adopted).hasSizeGreaterThan(20);
        assertThat(adopted.keySet()).allSatisfy(urn -> assertThat(adopted.get(urn)).as(urn)
                .hasValue(FormerAddresses.withoutLayers(urn, NEW_COMPONENTS)));
        // The pattern uses the new components: something did move.
        assertThat(adopted.keySet()).anyMatch(urn -> urn.contains(ApigeeProduct.TYPE));
    }
}
