package dev.apigeegke.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.pulumi.core.Alias;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import dev.apigeegke.apigee.resources.Developer;
import dev.apigeegke.apigee.resources.DeveloperArgs;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The check that moved resources keep their former address tells an alias that works from a missing one. */
class FormerAddressesTest {
    private static final String GROUP = "test:index:Group";
    private static final String OLD = "test:index:Old";

    private static final class Group extends ComponentResource {
        Group(String type, String name, ComponentResourceOptions options) {
            super(type, name, options);
        }
    }

    private static DeveloperArgs developer() {
        return DeveloperArgs.builder().email("dev@example.com").firstName("Dev").lastName("One").userName("dev").build();
    }

    @Test
    void aResourceMovedIntoANewComponentWithoutAnAliasWouldBeReplaced() {
        var adopted = FormerAddresses.adopted(Map.of(), Set.of(), ctx -> {
            var group = new Group(GROUP, "g", null);
            new Developer("d", developer(), CustomResourceOptions.builder().parent(group).build());
        }, Set.of(GROUP));
        assertThat(adopted).hasSize(2).anySatisfy((urn, former) -> {
            assertThat(urn).endsWith("apigee:index:Developer::d");
            assertThat(former).isEmpty();
        });
    }

    @Test
    void aNoParentAliasFindsItAtTheTopOfTheStack() {
        var adopted = FormerAddresses.adopted(Map.of(), Set.of(), ctx -> {
            var group = new Group(GROUP, "g", null);
            new Developer("d", developer(), CustomResourceOptions.builder().parent(group).aliases(Alias.noParent()).build());
        }, Set.of(GROUP));
        assertThat(adopted).allSatisfy((urn, former) -> assertThat(former).isPresent());
        assertThat(adopted.values()).extracting(f -> f.orElseThrow())
                .contains("urn:pulumi:test::apigee-gke::apigee:index:Developer::d");
    }

    @Test
    void childrenOfAnAdoptedComponentFollowItAndAParentAliasFollowsItsFormerAddress() {
        // Before: Old "o" at the top with Developer "o-dev" in it. Now: Group "g" > Old "o" > Group "h" > Developer.
        var adopted = FormerAddresses.adopted(Map.of(), Set.of(), ctx -> {
            var outer = new Group(GROUP, "g", null);
            var old = new Group(OLD, "o", ComponentResourceOptions.builder().parent(outer).aliases(Alias.noParent()).build());
            new Developer("o-kept", developer(), CustomResourceOptions.builder().parent(old).build());
            var inner = new Group(GROUP, "h", ComponentResourceOptions.builder().parent(old).build());
            new Developer("o-dev", developer(), CustomResourceOptions.builder().parent(inner)
                    .aliases(Alias.builder().parent(old).build()).build());
        }, Set.of(GROUP));
        assertThat(adopted.values()).extracting(f -> f.orElse("replaced")).containsExactlyInAnyOrder(
                "urn:pulumi:test::apigee-gke::pulumi:pulumi:Stack::apigee-gke-test",
                "urn:pulumi:test::apigee-gke::test:index:Old::o",
                "urn:pulumi:test::apigee-gke::test:index:Old$apigee:index:Developer::o-kept",
                "urn:pulumi:test::apigee-gke::test:index:Old$apigee:index:Developer::o-dev");
    }
}
