package dev.apigeegke.provider.resources;

import dev.apigeegke.provider.api.ApigeeClient;
import dev.apigeegke.provider.api.ApigeePlatform;
import dev.apigeegke.provider.schema.ProviderSchema;
import dev.apigeegke.provider.schema.ResourceSchema;
import java.util.Map;
import java.util.Optional;

/** {@code apigee:index:MicrogatewayCredential}: an Edge Microgateway's key and secret for one environment. */
final class MicrogatewayCredentialHandler implements ResourceHandler {
    private static final ResourceSchema SCHEMA = ProviderSchema.get().require("apigee:index:MicrogatewayCredential");

    @Override
    public ResourceSchema schema() {
        return SCHEMA;
    }

    @Override
    public void check(Checks c) {
        c.pathSegment("environment");
        if (c.platform() == ApigeePlatform.X) {
            c.fail("environment", "a MicrogatewayCredential works only with Apigee Edge (apigee:flavor edge): Edge "
                    + "Microgateway does not run against Apigee X or hybrid; use the Apigee Adapter for Envoy there");
        }
    }

    @Override
    public Created create(ApigeeClient client, Map<String, Object> in) {
        throw new UnsupportedOperationException("not yet");
    }

    @Override
    public Optional<Map<String, Object>> read(ApigeeClient client, String id, Map<String, Object> state) {
        return Optional.of(state);
    }

    @Override
    public Map<String, Object> update(ApigeeClient client, String id, Map<String, Object> olds, Map<String, Object> news) {
        return olds;
    }

    @Override
    public void delete(ApigeeClient client, String id, Map<String, Object> olds) {
        throw new UnsupportedOperationException("not yet");
    }
}
