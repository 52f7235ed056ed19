package dev.apigeegke.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.pulumi.Context;
import com.pulumi.core.Alias;
import com.pulumi.gcp.compute.GlobalAddress;
import com.pulumi.gcp.compute.GlobalAddressArgs;
import com.pulumi.kubernetes.Provider;
import com.pulumi.kubernetes.ProviderArgs;
import com.pulumi.kubernetes.core.v1.ConfigMap;
import com.pulumi.kubernetes.core.v1.ConfigMapArgs;
import com.pulumi.kubernetes.meta.v1.inputs.ObjectMetaArgs;
import com.pulumi.resources.CustomTimeouts;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import dev.apigeegke.apigee.resources.Developer;
import dev.apigeegke.apigee.resources.DeveloperArgs;
import dev.apigeegke.preview.Plan;
import dev.apigeegke.testing.Harness;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * The offline diff matches resources as Pulumi does: through their aliases, and without the inputs their
 * ignoreChanges option names; it replaces what a new provider configuration replaces, applies the options, and lists
 * what Pulumi records without a diff apart.
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

    private static final String CONFIG_MAP = "kubernetes:core/v1:ConfigMap";

    private static PlanDiff diff(Consumer<Context> before, Consumer<Context> now) throws Exception {
        return PlanDiff.between("before", PlanDiff.tree(Harness.preview(before)), Harness.preview(now));
    }

    private static Plan withConfig(Map<String, String> config, Consumer<Context> program) {
        var result = Harness.preview(config, Set.of(), program);
        assertThat(result.errors()).isEmpty();
        return result.plan();
    }

    /** A kubeconfig whose current context points at the cluster at {@code server}, signed in with {@code token}. */
    private static String kubeconfig(String server, String token) {
        return "apiVersion: v1\nkind: Config\ncurrent-context: ctx\n"
                + "clusters:\n- name: gke\n  cluster:\n    server: https://" + server + "\n"
                + "contexts:\n- name: ctx\n  context:\n    cluster: gke\n    user: me\n"
                + "users:\n- name: me\n  user:\n    token: " + token + "\n";
    }

    /** A ConfigMap {@code name} served by an explicit Kubernetes provider {@code provider} with {@code kubeconfig}. */
    private static Consumer<Context> configMap(String provider, String kubeconfig) {
        return ctx -> new ConfigMap("settings", ConfigMapArgs.builder()
                .metadata(ObjectMetaArgs.builder().name("settings").build()).data(Map.of("k", "v")).build(),
                CustomResourceOptions.builder().provider(new Provider(provider,
                        ProviderArgs.builder().kubeconfig(kubeconfig).build())).build());
    }

    private static PlanDiff.Change change(PlanDiff diff, String type) {
        return diff.changes().stream().filter(c -> c.type().equals(type)).findFirst().orElseThrow();
    }

    @Test
    void aKubernetesObjectMovedToAnotherClustersProviderIsReplacedAndPulumiShowsTheProviderChange() throws Exception {
        var diff = diff(configMap("east", kubeconfig("10.0.0.1", "t")), configMap("west", kubeconfig("10.9.9.9", "t")));
        var object = change(diff, CONFIG_MAP);
        assertThat(object.op()).isEqualTo(PlanDiff.Op.REPLACE);
        assertThat(object.replaceReasons()).containsExactly("provider");
        // The west provider is new: its ID is known only after apply.
        assertThat(object.oldProvider()).endsWith("pulumi:providers:kubernetes::east");
        assertThat(object.newProvider()).endsWith("pulumi:providers:kubernetes::west::[unknown]");
        String text = TextDiff.render(diff);
        assertThat(text).contains("+- kubernetes:core/v1:ConfigMap settings (replace)\n        [provider: "
                + object.oldProvider() + " => " + object.newProvider() + "]\n        [replace reasons: provider]\n");
        assertThat(text).contains("+- 1 to replace").contains("+  1 to create").contains("-  1 to delete");
    }

    @Test
    void anotherProviderForTheSameClusterReplacesNothingAndIsRecordedWithoutADiff() throws Exception {
        var diff = diff(configMap("east", kubeconfig("10.0.0.1", "old")), configMap("renamed", kubeconfig("10.0.0.1", "new")));
        assertThat(diff.changes()).extracting(c -> c.op().verb + " " + c.name())
                .containsExactlyInAnyOrder("create renamed", "delete east");
        assertThat(diff.unchanged()).isEqualTo(2);
        assertThat(diff.recorded()).singleElement().satisfies(r -> {
            assertThat(r.name()).isEqualTo("settings");
            assertThat(r.properties()).singleElement().satisfies(p -> {
                assertThat(p.path()).isEqualTo("provider");
                assertThat(p.after().asText()).endsWith("::renamed::[unknown]");
            });
        });
        assertThat(TextDiff.render(diff)).contains(TextDiff.RECORDED + ":\n    kubernetes:core/v1:ConfigMap settings\n"
                + "        ~ provider: ");
    }

    @Test
    void aKubeconfigForAnotherClusterReplacesTheProviderAndEveryObjectItServes() throws Exception {
        var diff = diff(configMap("k8s", kubeconfig("10.0.0.1", "t")), configMap("k8s", kubeconfig("10.0.0.2", "t")));
        var provider = change(diff, "pulumi:providers:kubernetes");
        assertThat(provider.op()).isEqualTo(PlanDiff.Op.REPLACE);
        assertThat(provider.properties()).singleElement().satisfies(p -> assertThat(p.replaces()).isEqualTo("kubeconfig"));
        var object = change(diff, CONFIG_MAP);
        assertThat(object.op()).isEqualTo(PlanDiff.Op.REPLACE);
        assertThat(object.newProvider()).isEqualTo(object.oldProvider() + "::[unknown]");
        assertThat(TextDiff.render(diff)).contains("+- 2 to replace").contains("\n    1 unchanged");

        // A new token for the same cluster: the provider is updated in place and the object keeps it.
        var sameCluster = diff(configMap("k8s", kubeconfig("10.0.0.1", "old")), configMap("k8s", kubeconfig("10.0.0.1", "new")));
        assertThat(sameCluster.changes()).extracting(c -> c.op().verb + " " + c.type())
                .containsExactly("update pulumi:providers:kubernetes");
        assertThat(sameCluster.unchanged()).isEqualTo(2);
    }

    @Test
    void aNewApigeeOrganizationReplacesEveryApigeeResourceButANewGcpProjectReplacesNoneThroughTheProvider() throws Exception {
        Consumer<Context> program = ctx -> {
            new Developer("dev", developer("dev@example.com", "Dev"), null);
            new GlobalAddress("ip", GlobalAddressArgs.builder().build());
        };
        var config = Map.of("apigee:organization", "org-a", "apigee:flavor", "x", "gcp:project", "p-a");
        var before = PlanDiff.tree(withConfig(config, program));
        var otherOrg = PlanDiff.between("before", before, withConfig(
                Map.of("apigee:organization", "org-b", "apigee:flavor", "x", "gcp:project", "p-a"), program));
        var developer = change(otherOrg, DEVELOPER);
        assertThat(developer.op()).isEqualTo(PlanDiff.Op.REPLACE);
        assertThat(developer.replaceReasons()).containsExactly("provider");
        // The default provider is named after the plugin version the resources ask for, as the engine names it.
        assertThat(developer.newProvider()).endsWith("pulumi:providers:apigee::default_"
                + dev.apigeegke.apigee.resources.ApigeePlugin.VERSION.replace('.', '_') + "::[unknown]");
        // Default providers are the engine's own: their step is never shown, their new configuration is recorded.
        assertThat(otherOrg.recorded()).singleElement().satisfies(r -> assertThat(r.type()).isEqualTo("pulumi:providers:apigee"));

        var otherProject = PlanDiff.between("before", before, withConfig(
                Map.of("apigee:organization", "org-a", "apigee:flavor", "x", "gcp:project", "p-b"), program));
        assertThat(otherProject.changes()).isEmpty();
        assertThat(otherProject.recorded()).singleElement().satisfies(r -> assertThat(r.type()).isEqualTo("pulumi:providers:gcp"));
        assertThat(TextDiff.render(otherProject)).contains("no changes (3 unchanged)");
    }

    @Test
    void aNewDependencyIsNoChangeButIsListedAsRecordedWithoutADiff() throws Exception {
        Consumer<Context> before = ctx -> {
            new Developer("a", developer("a@example.com", "A"), null);
            new Developer("b", developer("b@example.com", "B"), null);
        };
        Consumer<Context> now = ctx -> {
            var a = new Developer("a", developer("a@example.com", "A"), null);
            new Developer("b", developer("b@example.com", "B"), CustomResourceOptions.builder().dependsOn(a).build());
        };
        var diff = diff(before, now);
        assertThat(diff.changes()).isEmpty();
        assertThat(diff.unchanged()).isEqualTo(3);
        assertThat(diff.recorded()).singleElement().satisfies(r -> {
            assertThat(r.name()).isEqualTo("b");
            assertThat(r.properties()).extracting(p -> p.kind().symbol + " " + p.path() + " " + p.after().asText())
                    .containsExactly("+ dependencies.dependsOn " + STACK + DEVELOPER + "::a");
        });
        String text = TextDiff.render(diff);
        assertThat(text).contains("no changes (3 unchanged)")
                .contains(TextDiff.RECORDED + ":\n    " + DEVELOPER + " b\n        + dependencies.dependsOn: \""
                        + STACK + DEVELOPER + "::a\"\n");
    }

    @Test
    void protectingOrUnprotectingIsASameStepPulumiAlwaysShowsWithALock() throws Exception {
        Consumer<Context> open = ctx -> new Developer("dev", developer("dev@example.com", "Dev"), null);
        Consumer<Context> locked = ctx -> new Developer("dev", developer("dev@example.com", "Dev"),
                CustomResourceOptions.builder().protect(true).build());
        var protecting = diff(open, locked);
        assertThat(protecting.changes()).singleElement().satisfies(c -> assertThat(c.op()).isEqualTo(PlanDiff.Op.SAME));
        assertThat(TextDiff.render(protecting)).contains("     " + DEVELOPER + " dev (same) 🔒\n")
                .contains("no changes (2 unchanged)");
        assertThat(TextDiff.render(diff(locked, open))).contains("     " + DEVELOPER + " dev (same) 🔓\n");
        // An update of a protected resource keeps the lock in its header.
        Consumer<Context> lockedAda = ctx -> new Developer("dev", developer("dev@example.com", "Ada"),
                CustomResourceOptions.builder().protect(true).build());
        assertThat(TextDiff.render(diff(locked, lockedAda))).contains("~  " + DEVELOPER + " dev (update) 🔒\n");
        // Pulumi's preview refuses to delete or replace a protected resource.
        Consumer<Context> lockedNewEmail = ctx -> new Developer("dev", developer("ada@example.com", "Dev"),
                CustomResourceOptions.builder().protect(true).build());
        assertThat(TextDiff.render(diff(locked, lockedNewEmail))).contains("+- " + DEVELOPER + " dev (replace) 🔒\n"
                + "        [protected: pulumi preview fails here: it does not replace a protected resource; remove protect first]");
        assertThat(TextDiff.render(diff(locked, ctx -> { }))).contains("-  " + DEVELOPER + " dev (delete) 🔒\n"
                + "        [protected: pulumi preview fails here: it does not delete a protected resource; remove protect first]");
    }

    @Test
    void replaceOnChangesTurnsAnUpdateOfTheInputItListsIntoAReplacement() throws Exception {
        Consumer<Context> before = ctx -> new Developer("dev", developer("dev@example.com", "Dev"), null);
        Consumer<Context> listing = ctx -> new Developer("dev", developer("dev@example.com", "Ada"),
                CustomResourceOptions.builder().replaceOnChanges("firstName").build());
        assertThat(changes(before, listing)).containsExactly("replace " + STACK + DEVELOPER + "::dev ~firstName!");
        assertThat(TextDiff.render(diff(before, listing)))
                .contains("~ firstName: \"Dev\" → \"Ada\"  [forces replacement: replaceOnChanges: firstName]");
        Consumer<Context> listingAnother = ctx -> new Developer("dev", developer("dev@example.com", "Ada"),
                CustomResourceOptions.builder().replaceOnChanges("lastName").build());
        assertThat(changes(before, listingAnother)).containsExactly("update " + STACK + DEVELOPER + "::dev ~firstName");
    }

    @Test
    void retainOnDeleteMarksTheDeleteAndDeleteBeforeReplaceTheReplacementsOrder() throws Exception {
        Consumer<Context> retained = ctx -> new Developer("dev", developer("dev@example.com", "Dev"),
                CustomResourceOptions.builder().retainOnDelete(true).build());
        assertThat(TextDiff.render(diff(retained, ctx -> { })))
                .contains("-  " + DEVELOPER + " dev (delete[retain])\n");
        Consumer<Context> dbr = ctx -> new Developer("dev", developer("ada@example.com", "Dev"),
                CustomResourceOptions.builder().deleteBeforeReplace(true).retainOnDelete(true).build());
        var replaced = diff(retained, dbr);
        assertThat(change(replaced, DEVELOPER).deleteBeforeReplace()).isTrue();
        assertThat(TextDiff.render(replaced)).contains("+- " + DEVELOPER + " dev (replace[retain])\n"
                + "        [replace order: delete-replaced first, then create-replacement (deleteBeforeReplace)]\n");
        Consumer<Context> plain = ctx -> new Developer("dev", developer("ada@example.com", "Dev"), null);
        Consumer<Context> open = ctx -> new Developer("dev", developer("dev@example.com", "Dev"), null);
        assertThat(TextDiff.render(diff(open, plain))).contains("+- " + DEVELOPER + " dev (replace)\n")
                .doesNotContain("replace order");
    }

    @Test
    void newTimeoutsAreNoChangeButAreRecorded() throws Exception {
        Consumer<Context> before = ctx -> new Developer("dev", developer("dev@example.com", "Dev"), null);
        Consumer<Context> slow = ctx -> new Developer("dev", developer("dev@example.com", "Dev"),
                CustomResourceOptions.builder().customTimeouts(CustomTimeouts.builder().create(Duration.ofMinutes(30)).build())
                        .build());
        var diff = diff(before, slow);
        assertThat(diff.changes()).isEmpty();
        assertThat(diff.recorded()).singleElement().satisfies(r -> assertThat(r.properties())
                .extracting(p -> p.kind().symbol + " " + p.path()).containsExactly("+ options.customTimeouts.create"));
    }

    @Test
    void aPlanWrittenBeforeProvidersAndOptionsWereRecordedComparesWithoutSpuriousChanges() throws Exception {
        Consumer<Context> program = ctx -> {
            var a = new Developer("a", developer("a@example.com", "A"), CustomResourceOptions.builder().protect(true).build());
            new Developer("b", developer("b@example.com", "B"), CustomResourceOptions.builder().dependsOn(a).build());
            configMap("k8s", kubeconfig("10.0.0.1", "t")).accept(ctx);
        };
        var old = (com.fasterxml.jackson.databind.node.ObjectNode) PlanDiff.tree(Harness.preview(program));
        old.remove("providers");
        old.get("resources").forEach(r -> ((com.fasterxml.jackson.databind.node.ObjectNode) r)
                .remove(List.of("provider", "dependencies", "options")));
        var diff = PlanDiff.between("before", old, Harness.preview(program));
        assertThat(diff.changes()).isEmpty();
        assertThat(diff.recorded()).isEmpty();
        assertThat(diff.earlierRecordsOptions()).isFalse();
        String text = TextDiff.render(diff);
        assertThat(text).contains("no changes (5 unchanged)");
        assertThat(text.split("The earlier plan records no providers/options", -1)).hasSize(2);
    }
}
