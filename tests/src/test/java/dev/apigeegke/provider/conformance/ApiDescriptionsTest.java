package dev.apigeegke.provider.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apigeegke.provider.api.ApigeePlatform;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The loader reads every operation of both descriptions, with what the judge checks. */
class ApiDescriptionsTest {
    private final ApiDescriptions descriptions = ApiDescriptions.get();

    private static String text(String resource) throws IOException {
        try (InputStream in = ApiDescriptions.class.getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static long count(String text, String regex) {
        return Pattern.compile(regex, Pattern.MULTILINE).matcher(text).results().count();
    }

    @Test
    void everyMethodOfTheDiscoveryDocumentAndEveryOperationOfTheEdgeFilesIsLoaded() throws IOException {
        long xMethods = count(text(ApiDescriptions.X_FILE), "\"httpMethod\":");
        long edgeOperations = 0;
        for (var file : new String[] {"app-keys", "deployments", "developer-apps", "developers", "environments",
                "key-value-maps", "keystores-and-trustores", "organizations", "products", "proxies", "references",
                "virtual-hosts"}) {
            edgeOperations += count(text(ApiDescriptions.EDGE_DIR + "/" + file + ".yaml"), "^      operationId:");
        }

        assertThat(descriptions.operations(ApigeePlatform.X)).hasSize((int) xMethods);
        assertThat(descriptions.operations(ApigeePlatform.EDGE).stream().filter(Operation::published)).hasSize((int) edgeOperations);
    }

    @Test
    void anXMethodCarriesItsFlatPathQueryParametersAndSchemas() {
        var deploy = descriptions.operation(ApigeePlatform.X, "apigee.organizations.environments.apis.revisions.deploy");
        var create = descriptions.operation(ApigeePlatform.X, "apigee.organizations.apiproducts.create");

        assertThat(deploy.method()).isEqualTo("POST");
        assertThat(deploy.path().text())
                .isEqualTo("/v1/organizations/{organizationsId}/environments/{environmentsId}/apis/{apisId}/revisions/{revisionsId}/deployments");
        assertThat(deploy.query().get("override").type()).isEqualTo("boolean");
        assertThat(deploy.query().get("serviceAccount").type()).isEqualTo("string");
        assertThat(deploy.query()).containsKey("prettyPrint").doesNotContainKey("name");
        assertThat(deploy.requests()).isEmpty();
        assertThat(create.requests().get("application/json").path("$ref").asText()).isEqualTo("GoogleCloudApigeeV1ApiProduct");
        assertThat(descriptions.operation(ApigeePlatform.X, ProseRules.X_IMPORT).requests()).containsOnlyKeys(Operation.ANY_MEDIA);
    }

    @Test
    void anEdgeOperationCarriesItsParametersBodiesAndAnswersByStatus() {
        var deploy = descriptions.operation(ApigeePlatform.EDGE, ProseRules.EDGE_DEPLOY);
        var product = descriptions.operation(ApigeePlatform.EDGE, "createAPIProduct");

        assertThat(deploy.path().text())
                .isEqualTo("/v1/organizations/{org_name}/environments/{env_name}/apis/{api_name}/revisions/{revision_number}/deployments");
        assertThat(deploy.query()).containsOnlyKeys("delay", "override");
        assertThat(deploy.headers().get("content-type").required()).isTrue();
        assertThat(product.requests().get("application/json").path("$ref").asText())
                .isEqualTo("#/components/schemas/APIProductRequest");
        assertThat(product.answers()).containsOnlyKeys("201", "400");
        // Named only in the import's description, and added from its words.
        assertThat(descriptions.operation(ApigeePlatform.EDGE, ProseRules.EDGE_IMPORT).query())
                .containsOnlyKeys("action", "name", "validate");
    }
}
