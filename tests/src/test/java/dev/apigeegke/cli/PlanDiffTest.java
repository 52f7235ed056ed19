package dev.apigeegke.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.pulumi.Context;
import com.pulumi.core.Alias;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import dev.apigeegke.apigee.resources.Developer;
import dev.apigeegke.apigee.resources.DeveloperArgs;
import dev.apigeegke.testing.Harness;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * The offline diff matches resources as Pulumi does: through their aliases, and without the inputs their
 * ignoreChanges option names.
 */
class PlanDiffTest {
    private static final String GROUP = "test:index:Group";
    private static final String DEVELOPER = "apigee:index:Developer";
    /** What the URN of a resource of the stack starts with: the engine leaves the stack's type out of the chain. */
    private static final String STACK = "urn:pulumi:test::apigee-gke::";

    private static final class Group extends ComponentResource {
        Group(String name, ComponentResourceOptions options) {
            super(GROUP, name, options);
        }
    }

    private static DeveloperArgs developer(String email, String firstName) {
        return DeveloperArgs.builder().email(email).firstName(firstName).lastName("One").userName("dev").build();
    }

    /** What the diff of {@code now} against the plan {@code before} wrote shows, one line per changed resource. */
    private static List<String> changes(Consumer<Context> before, Consumer<Context> now) throws Exception {
        var diff = PlanDiff.between("before", PlanDiff.tree(Harness.preview(before)), Harness.preview(now));
        return diff.changes().stream().map(c -> c.op().verb + " " + c.urn()
                + c.properties().stream().map(p -> " " + p.kind().symbol + p.path() + (p.replaces() == null ? "" : "!"))
                        .reduce("", String::concat)).toList();
    }

    @Test
    void renamingAChildWithAnAliasToItsFormerNameIsNoDeleteOrCreate() throws Exception {
        Consumer<Context> before = ctx -> new Developer("dev", developer("dev@example.com", "Dev"),
                CustomResourceOptions.builder().parent(new Group("g", null)).build());
        Consumer<Context> renamed = ctx -> new Developer("developer", developer("dev@example.com", "Dev"),
                CustomResourceOptions.builder().parent(new Group("g", null)).aliases(Alias.builder().name("dev").build()).build());
        Consumer<Context> withoutAlias = ctx -> new Developer("developer", developer("dev@example.com", "Dev"),
                CustomResourceOptions.builder().parent(new Group("g", null)).build());

        assertThat(changes(before, renamed)).isEmpty();
        assertThat(changes(before, withoutAlias)).containsExactly(
                "create " + STACK + GROUP + "$" + DEVELOPER + "::developer",
                "delete " + STACK + GROUP + "$" + DEVELOPER + "::dev");
    }

    @Test
    void theChildrenOfARenamedComponentFollowItsAliasAndAChangedInputIsAnUpdate() throws Exception {
        Consumer<Context> before = ctx -> new Developer("g-dev", developer("dev@example.com", "Dev"),
                CustomResourceOptions.builder().parent(new Group("g", null)).build());
        // The child's name starts with its component's, so it follows the rename: g-dev was h-dev's address.
        Consumer<Context> renamed = ctx -> new Developer("h-dev", developer("dev@example.com", "Ada"),
                CustomResourceOptions.builder().parent(new Group("h", ComponentResourceOptions.builder()
                        .aliases(Alias.builder().name("g").build()).build())).build());

        assertThat(changes(before, renamed)).containsExactly(
                "update " + STACK + GROUP + "$" + DEVELOPER + "::h-dev ~firstName");
    }

    @Test
    void aChangeToAnIgnoredInputIsNoUpdateAndForcesNoReplacement() throws Exception {
        Consumer<Context> before = ctx -> new Developer("dev", developer("dev@example.com", "Dev"), null);
        Consumer<Context> ignoring = ctx -> new Developer("dev", developer("ada@example.com", "Ada"),
                CustomResourceOptions.builder().ignoreChanges("email", "firstName").build());
        Consumer<Context> notIgnoring = ctx -> new Developer("dev", developer("ada@example.com", "Ada"), null);
        Consumer<Context> ignoringOne = ctx -> new Developer("dev", developer("ada@example.com", "Ada"),
                CustomResourceOptions.builder().ignoreChanges("email").build());

        assertThat(changes(before, ignoring)).isEmpty();
        // A new email makes Apigee create another developer: without the option it is a replacement.
        assertThat(changes(before, notIgnoring)).containsExactly(
                "replace " + STACK + DEVELOPER + "::dev ~email! ~firstName");
        assertThat(changes(before, ignoringOne)).containsExactly("update " + STACK + DEVELOPER + "::dev ~firstName");
    }

    @Test
    void anIgnoredPathCoversWhatLiesInsideItAndAStarAnyKey() {
        var labels = PropertyPath.parse("metadata.labels");
        assertThat(labels.covers(PropertyPath.parse("metadata.labels"))).isTrue();
        assertThat(labels.covers(PropertyPath.parse("metadata.labels[\"app.kubernetes.io/name\"]"))).isTrue();
        assertThat(labels.covers(PropertyPath.parse("metadata.labelsExtra"))).isFalse();
        assertThat(labels.covers(PropertyPath.parse("metadata"))).isFalse();
        assertThat(PropertyPath.parse("rules[*].action").covers(PropertyPath.parse("rules[2].action"))).isTrue();
        assertThat(PropertyPath.parse("rules[*].action").covers(PropertyPath.parse("rules[2].priority"))).isFalse();
        assertThat(PropertyPath.parse("metadata[\"labels\"]").covers(PropertyPath.parse("metadata.labels.app"))).isTrue();
    }
}
