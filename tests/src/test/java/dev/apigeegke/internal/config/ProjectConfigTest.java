package dev.apigeegke.internal.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.apigeegke.testing.Repo;
import java.nio.file.Files;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * What the Pulumi CLI does with a project's config declarations before the program runs, with its messages
 * (sdk/go/common/workspace: project.go {@code Project.Validate}, {@code ValidateConfigValue}; config.go
 * {@code mergeConfig}, {@code validateStackConfigValues}).
 */
class ProjectConfigTest {
    private static final String PROJECT = """
            name: shop
            runtime: java
            config:
              shop:region:
                type: string
              shop:size:
                type: integer
                default: 3
              zones:
                type: array
                items:
                  type: string
                default: []
              shop:public:
                type: boolean
                default: true
              shop:labels:
                type: object
                default: {}
              shop:owner: nobody
              gcp:project:
                value: shared-project
            """;

    private static ProjectConfig project(String yaml) throws Exception {
        return ProjectConfig.parse(yaml);
    }

    private static Map<String, String> apply(Map<String, String> stack, Set<String> objects) throws Exception {
        return project(PROJECT).apply("dev", stack, objects, Set.of());
    }

    @Test
    void appliesEveryDefaultAndValueAsTheProgramReceivesThem() throws Exception {
        assertThat(apply(Map.of("shop:region", "europe-west1"), Set.of())).containsExactlyInAnyOrderEntriesOf(Map.of(
                "shop:region", "europe-west1",
                "shop:size", "3",
                "shop:zones", "[]",
                "shop:public", "true",
                "shop:labels", "{}",
                "shop:owner", "nobody",
                "gcp:project", "shared-project"));
    }

    @Test
    void aStackValueWinsOverTheDefaultAndTheProjectValue() throws Exception {
        var merged = apply(Map.of("shop:region", "us-east1", "shop:size", "5", "gcp:project", "mine"), Set.of());
        assertThat(merged).containsEntry("shop:size", "5").containsEntry("gcp:project", "mine");
    }

    @Test
    void refusesAStackWithoutARequiredKeyNamingEveryMissingOne() throws Exception {
        assertThatThrownBy(() -> apply(Map.of(), Set.of()))
                .hasMessage("Stack 'dev' is missing configuration value 'shop:region'");
        var three = project(PROJECT + "  shop:zone:\n    type: string\n  shop:tier:\n    type: string\n");
        assertThatThrownBy(() -> three.apply("dev", Map.of(), Set.of(), Set.of()))
                .hasMessage("Stack 'dev' is missing configuration values 'shop:region', 'shop:tier' and 'shop:zone'");
    }

    @Test
    void aKeyOfAnotherNamespaceIsNeverRequired() throws Exception {
        var other = project("name: shop\nconfig:\n  gcp:zone:\n    value: europe-west1-b\n");
        assertThat(other.apply("dev", Map.of(), Set.of(), Set.of())).containsEntry("gcp:zone", "europe-west1-b");
    }

    @Test
    void refusesAValueOfAnotherTypeNamingTheKeyAndTheType() throws Exception {
        var base = Map.of("shop:region", "europe-west1");
        assertThatThrownBy(() -> apply(with(base, "shop:size", "three"), Set.of()))
                .hasMessage("Stack 'dev' with configuration key 'shop:size' must be of type 'integer'");
        assertThatThrownBy(() -> apply(with(base, "shop:public", "yes"), Set.of()))
                .hasMessage("Stack 'dev' with configuration key 'shop:public' must be of type 'boolean'");
        // A list written as text is text, not a list.
        assertThatThrownBy(() -> apply(with(base, "shop:zones", "[\"a\"]"), Set.of()))
                .hasMessage("Stack 'dev' with configuration key 'zones' must be of type 'array<string>'");
        assertThatThrownBy(() -> apply(with(base, "shop:zones", "[1, 2]"), Set.of("shop:zones")))
                .hasMessage("Stack 'dev' with configuration key 'zones' must be of type 'array<string>'");
        assertThatThrownBy(() -> apply(with(base, "shop:labels", "[\"a\"]"), Set.of("shop:labels")))
                .hasMessage("Stack 'dev' with configuration key 'shop:labels' must be of type 'object'");
        assertThatThrownBy(() -> apply(with(base, "shop:region", "[\"a\"]"), Set.of("shop:region")))
                .hasMessage("Stack 'dev' with configuration key 'shop:region' must be of type 'string'");
    }

    @Test
    void acceptsWhatTheCliAccepts() throws Exception {
        var base = Map.of("shop:region", "1234");
        assertThat(apply(with(with(base, "shop:size", "-7"), "shop:public", "false"), Set.of())).containsEntry("shop:size", "-7");
        assertThat(apply(with(base, "shop:zones", "[\"a\",\"b\"]"), Set.of("shop:zones"))).containsEntry("shop:zones", "[\"a\",\"b\"]");
        assertThat(apply(with(base, "shop:labels", "{\"team\":\"a\"}"), Set.of("shop:labels"))).containsKey("shop:labels");
    }

    @Test
    void anEncryptedValueIsNotCheckedButADeclaredSecretMustBeEncrypted() throws Exception {
        var secret = project("name: shop\nconfig:\n  shop:token:\n    type: integer\n    secret: true\n");
        assertThat(secret.apply("dev", Map.of("shop:token", "offline-placeholder"), Set.of(), Set.of("shop:token")))
                .containsKey("shop:token");
        assertThatThrownBy(() -> secret.apply("dev", Map.of("shop:token", "12"), Set.of(), Set.of()))
                .hasMessage("Stack 'dev' with configuration key 'shop:token' must be encrypted as it's secret");
    }

    @Test
    void refusesADeclarationTheCliRefuses() throws Exception {
        assertThat(project("name: shop\nconfig:\n  gcp:region:\n    type: string\n").validate())
                .contains("Configuration key 'gcp:region' is not namespaced by the project and should not define a type");
        assertThat(project("name: shop\nconfig:\n  gcp:region:\n    default: x\n").validate())
                .contains("Configuration key 'gcp:region' is not namespaced by the project and should not define a default "
                        + "value. Did you mean to use the 'value' attribute instead of 'default'?");
        assertThat(project("name: shop\nconfig:\n  gcp:region:\n    description: where\n").validate())
                .contains("Configuration key 'gcp:region' is namespaced and must provide an attribute 'value'");
        assertThat(project("name: shop\nconfig:\n  shop:n:\n    type: integer\n    default: many\n").validate())
                .contains("The default value specified for configuration key 'shop:n' is not of the expected type 'integer'");
        assertThat(project("name: shop\nconfig:\n  shop:l:\n    type: array\n").validate())
                .contains("The configuration key 'shop:l' declares an array but does not specify the underlying type via the "
                        + "'items' attribute");
        assertThat(project("name: shop\nconfig:\n  shop:n:\n    default: 1\n    value: 2\n").validate())
                .contains("project config 'shop:n' cannot have both a 'default' and 'value' attribute");
        assertThat(project(PROJECT).validate()).isEmpty();
    }

    @Test
    void theRootProjectsDeclarationIsOneTheCliAccepts() throws Exception {
        var root = project(Files.readString(Repo.root().resolve("Pulumi.yaml")));
        assertThat(root.project()).isEqualTo("apigee-gke");
        assertThat(root.validate()).isEmpty();
        assertThat(root.declarations()).allSatisfy(d -> {
            assertThat(d.type()).as(d.key()).isNotNull();
            assertThat(d.description()).as(d.key()).isNotBlank();
        });
    }

    @Test
    void readsEveryKeyOfTheConfigurationTheCliHandsTheProgram() {
        // The language host's PULUMI_CONFIG, in either of the forms the SDK accepts.
        assertThat(StackKeys.parse("{\"apigee-gke:allowList\":\"[]\",\"gcp:config:project\":\"p\"}"))
                .containsExactlyInAnyOrder("apigee-gke:allowList", "gcp:project");
        assertThat(StackKeys.parse(null)).isEmpty();
    }

    private static Map<String, String> with(Map<String, String> base, String key, String value) {
        var copy = new java.util.TreeMap<>(base);
        copy.put(key, value);
        return copy;
    }
}
