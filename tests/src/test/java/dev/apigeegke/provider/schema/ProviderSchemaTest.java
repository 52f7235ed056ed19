package dev.apigeegke.provider.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What the provider's handlers and the preview read from schema.json, as the reader gives it to them. */
class ProviderSchemaTest {
    private static final ProviderSchema SCHEMA = ProviderSchema.get();

    @Test
    void givesEachResourceItsInputsOutputsAndRequiredInputsInSchemaOrder() {
        var proxy = SCHEMA.require("apigee:index:ApiProxy");
        assertThat(proxy.inputNames()).containsExactly("name", "bundle", "bundleHash", "environments", "serviceAccount",
                "adoptExisting");
        assertThat(proxy.outputNames()).containsExactly("name", "bundleHash", "environments", "revision", "deployedRevisions",
                "serviceAccount");
        assertThat(proxy.requiredInputs()).containsExactly("name", "bundle", "bundleHash", "environments");
        assertThat(SCHEMA.resources()).extracting(ResourceSchema::token).containsExactly("apigee:index:ApiProxy",
                "apigee:index:TargetServer", "apigee:index:ApiProduct", "apigee:index:Developer", "apigee:index:DeveloperApp",
                "apigee:index:KeyValueMap", "apigee:index:RsaKeyPair", "apigee:index:MicrogatewayCredential");
    }

    @Test
    void givesTheIdentityInputsSecretOutputsAndDefaultsTheProviderActsOn() {
        var target = SCHEMA.require("apigee:index:TargetServer");
        assertThat(target.replaceOnChanges()).containsExactly("environment", "name");
        assertThat(target.inputDefaults()).isEqualTo(Map.of("sslEnabled", false, "enabled", true));
        assertThat(target.input("port").orElseThrow().type()).isEqualTo("integer");
        var app = SCHEMA.require("apigee:index:DeveloperApp");
        assertThat(app.secretOutputs()).isEqualTo(Set.of("consumerKey", "consumerSecret"));
        assertThat(app.replaceOnChanges()).containsExactly("developerEmail", "name");
        var kvm = SCHEMA.require("apigee:index:KeyValueMap");
        assertThat(kvm.replaceOnChanges()).containsExactly("environment", "name", "encrypted");
        assertThat(kvm.inputDefaults()).isEqualTo(Map.of("encrypted", true));
        assertThat(kvm.secretOutputs()).isEqualTo(Set.of("hashKey"));
        assertThat(kvm.input("entries").orElseThrow().secret()).isTrue();
        assertThat(SCHEMA.provider().replaceOnChanges()).containsExactly("flavor", "organization");
        assertThat(SCHEMA.provider().inputNames()).containsExactly("flavor", "baseUrl", "microgatewayServicesUrl",
                "organization", "accessToken", "username", "password", "useApplicationDefaultCredentials");
    }

    @Test
    void givesTheOptionalInputsOfATypeThatAHandlerSendsAsTheyAre() {
        var product = SCHEMA.require("apigee:index:ApiProduct");
        assertThat(product.optionalInputsOfType("array")).containsExactly("apiResources", "environments", "proxies", "scopes");
        assertThat(product.optionalInputsOfType("string")).containsExactly("displayName", "description", "approvalType",
                "quota", "quotaInterval", "quotaTimeUnit");
        assertThat(product.input("attributes").orElseThrow().elementType()).isEqualTo("string");
    }

    @Test
    void servesTheSchemaTextAsShippedAndNamesTheMissingResource() {
        assertThat(SCHEMA.json()).startsWith("{").contains("\"apigee:index:DeveloperApp\"");
        assertThat(SCHEMA.name()).isEqualTo("apigee");
        assertThat(SCHEMA.resource("apigee:index:Nope")).isEmpty();
        assertThatThrownBy(() -> SCHEMA.require("apigee:index:Nope")).hasMessage("schema.json has no resource "
                + "\"apigee:index:Nope\"; "
                + "it describes apigee:index:ApiProxy, apigee:index:TargetServer, apigee:index:ApiProduct, "
                        + "apigee:index:Developer, "
                + "apigee:index:DeveloperApp, apigee:index:KeyValueMap, apigee:index:RsaKeyPair, "
                + "apigee:index:MicrogatewayCredential");
    }

    @Test
    void aSchemaThatRequiresAnUndescribedInputOrHasAnUnknownTypeIsRejected() {
        assertThatThrownBy(() -> ProviderSchema.parse(resource("{\"a\": {\"type\": \"string\"}}", List.of("b"))))
                .hasMessage("schema.json: apigee:index:T.requiredInputs names [b], which inputProperties does not have");
        assertThatThrownBy(() -> ProviderSchema.parse(resource("{\"a\": {\"$ref\": \"#/types/x\"}}", List.of())))
                .hasMessage("schema.json: apigee:index:T.inputProperties.a has a type this reader does not know: "
                        + "{\"$ref\":\"#/types/x\"}");
        var ok = ProviderSchema.parse(resource("{\"a\": {\"type\": \"boolean\", \"default\": true, \"replaceOnChanges\": true}}",
                List.of("a")));
        assertThat(ok.require("apigee:index:T").input("a").orElseThrow())
                .isEqualTo(new PropertySchema("a", "boolean", null, true, false, true, true, ""));
    }

    private static String resource(String inputProperties, List<String> required) {
        var names = String.join(",", required.stream().map(n -> "\"" + n + "\"").toList());
        return "{\"name\": \"apigee\", \"version\": \"0.0.1\", \"resources\": {\"apigee:index:T\": {\"inputProperties\": "
                + inputProperties + ", \"requiredInputs\": [" + names + "]}}}";
    }
}
