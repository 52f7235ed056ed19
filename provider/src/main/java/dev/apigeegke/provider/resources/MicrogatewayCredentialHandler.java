package dev.apigeegke.provider.resources;

import dev.apigeegke.provider.api.ApigeeClient;
import dev.apigeegke.provider.api.ApigeeException;
import dev.apigeegke.provider.api.ApigeePlatform;
import dev.apigeegke.provider.api.MicrogatewayServices;
import dev.apigeegke.provider.schema.ProviderSchema;
import dev.apigeegke.provider.schema.ResourceSchema;
import java.net.URI;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code apigee:index:MicrogatewayCredential}, id {@code environment/<random UUID>} (the key is a secret and stays out
 * of the id): an Edge Microgateway's key and secret as {@code edgemicro configure} makes them. Create generates and
 * registers them, then asks the region with them; delete revokes the key on the regional host. The services have no
 * call that reads a key back, so read returns the state unchanged, and the one input replaces the resource, so
 * update changes nothing.
 */
final class MicrogatewayCredentialHandler implements ResourceHandler {
    private static final ResourceSchema SCHEMA = ProviderSchema.get().require("apigee:index:MicrogatewayCredential");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int RANDOM_BYTES = 32;

    @Override
    public ResourceSchema schema() {
        return SCHEMA;
    }

    private static final String EDGE_ONLY = "a MicrogatewayCredential works only with Apigee Edge, and apigee:flavor "
            + "is x: Edge Microgateway does not run against Apigee X or hybrid. Run `pulumi config set apigee:flavor edge` "
            + "if the organization is on Apigee Edge, or use the Apigee Adapter for Envoy on Apigee X";

    @Override
    public void check(Checks c) {
        c.pathSegment("environment");
        if (c.platform() == ApigeePlatform.X) {
            c.fail("environment", EDGE_ONLY);
        }
    }

    @Override
    public Created create(ApigeeClient client, Map<String, Object> in) {
        // Check may have run before the flavor was known (a config computed by another resource).
        if (client.config().platform() == ApigeePlatform.X) {
            throw new IllegalArgumentException(EDGE_ONLY);
        }
        var env = Props.required(in, "environment");
        var services = client.microgatewayServices();
        var key = randomHex();
        var secret = randomHex();
        services.register(env, key, secret);
        MicrogatewayServices.Region region;
        try {
            region = services.region(env, key, secret);
        } catch (ApigeeException e) {
            throw revokedAgain(services, env, key, e);
        }
        var out = Props.ordered();
        out.put("environment", env);
        out.put("key", key);
        out.put("secret", secret);
        out.put("region", region.region());
        out.put("host", region.host());
        out.put("servicesUrl", services.regionalUrl(region.host()).toString());
        return new Created(env + "/" + UUID.randomUUID(), out);
    }

    /**
     * A key registered whose region could not be had is of no use to the gateway: it is revoked again on the
     * configured services, so the next {@code pulumi up} starts over with a new one.
     */
    private static ApigeeException revokedAgain(MicrogatewayServices services, String env, String key, ApigeeException e) {
        try {
            services.revoke(services.servicesUrl(), env, key);
        } catch (ApigeeException revokeFailed) {
            return new ApigeeException(e.status(), e.getMessage() + " The key registered for environment '" + env
                    + "' could not be revoked again either (" + revokeFailed.getMessage() + "); nothing holds its "
                    + "secret, so it is of no use. Run `pulumi up` again to register a new key.");
        }
        return new ApigeeException(e.status(), e.getMessage() + " The key registered for environment '" + env
                + "' was revoked again; run `pulumi up` again to register a new key.");
    }

    /** Each is the hex SHA-256 of 32 random bytes, as {@code edgemicro configure} makes them. */
    private static String randomHex() {
        var bytes = new byte[RANDOM_BYTES];
        RANDOM.nextBytes(bytes);
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this Java runtime has no SHA-256", e);
        }
    }

    /** The state as it is: the services have no call that reads a registered key back. */
    @Override
    public Optional<Map<String, Object>> read(ApigeeClient client, String id, Map<String, Object> state) {
        if (state.get("key") == null) {
            throw new IllegalArgumentException("a MicrogatewayCredential cannot be imported: the Edge Microgateway "
                    + "services cannot read a key's secret back; declare a new MicrogatewayCredential instead");
        }
        return Optional.of(state);
    }

    /** The one input replaces the resource, so an update changes nothing: the key and secret stay. */
    @Override
    public Map<String, Object> update(ApigeeClient client, String id, Map<String, Object> olds, Map<String, Object> news) {
        return olds;
    }

    /** Revokes the key on the regional host the state names (the configured services if it names none). */
    @Override
    public void delete(ApigeeClient client, String id, Map<String, Object> olds) {
        var services = client.microgatewayServices();
        var env = Optional.ofNullable(Props.str(olds, "environment")).orElseGet(() -> Props.pair(id, "environment/uuid")[0]);
        var regional = Props.str(olds, "servicesUrl");
        services.revoke(regional == null ? services.servicesUrl() : URI.create(regional), env, Props.required(olds, "key"));
    }
}
