package dev.apigeegke.provider.grpc;

import static dev.apigeegke.provider.grpc.ProviderHarness.isSecret;
import static dev.apigeegke.provider.grpc.ProviderHarness.plain;
import static dev.apigeegke.provider.grpc.ProviderHarness.str;
import static dev.apigeegke.provider.grpc.ProviderHarness.struct;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Struct;
import dev.apigeegke.provider.api.ApigeePlatform;
import dev.apigeegke.provider.conformance.ConformanceExtension;
import dev.apigeegke.provider.conformance.PublishedOperations;
import dev.apigeegke.provider.testing.ApigeeEmulator;
import dev.apigeegke.provider.testing.MicrogatewayKey;
import io.grpc.Status;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import pulumirpc.Provider.DiffResponse.DiffChanges;

/**
 * {@code apigee:index:MicrogatewayCredential} through the calls of a stack's life over gRPC against the emulator's
 * Edge Microgateway services: create registers a new key and secret and asks the region with them, delete revokes
 * the key on the regional host, and nothing else calls the services.
 */
@ExtendWith(ConformanceExtension.class)
class MicrogatewayCredentialLifecycleTest {
    static final String CREDENTIAL = "apigee:index:MicrogatewayCredential";
    private static final String CREDENTIAL_PATH = "/edgemicro/credential/organization/acme/environment/test";
    private static final String REGION_PATH = "/edgemicro/region/organization/acme/environment/test";

    private ProviderHarness h;

    @AfterEach
    void stop() {
        if (h != null) {
            h.close();
        }
    }

    static Struct inputs(ProviderHarness h, String env) {
        return h.checked(CREDENTIAL, struct("environment", env));
    }

    /** The calls made, as {@code METHOD operation}. */
    private List<String> calls() {
        return h.apigee.requests().stream().map(r -> r.method() + " " + PublishedOperations.idOf(ApigeePlatform.EDGE, r))
                .toList();
    }

    @Test
    void createRegistersANewKeyAndSecretAndKeepsTheRegionalServicesUrl() {
        h = ProviderHarness.configured(ApigeePlatform.EDGE);
        var created = h.create(CREDENTIAL, inputs(h, "test"), false);
        var out = created.getProperties();
        assertThat(out.getFieldsMap()).containsOnlyKeys("environment", "key", "secret", "region", "host", "servicesUrl");
        assertThat(isSecret(out.getFieldsOrThrow("key"))).isTrue();
        assertThat(isSecret(out.getFieldsOrThrow("secret"))).isTrue();
        assertThat(List.of("environment", "region", "host", "servicesUrl"))
                .allSatisfy(k -> assertThat(isSecret(out.getFieldsOrThrow(k))).as(k).isFalse());
        var key = str(out, "key");
        var secret = str(out, "secret");
        assertThat(key).matches("[0-9a-f]{64}");
        assertThat(secret).matches("[0-9a-f]{64}").isNotEqualTo(key);
        assertThat(created.getId()).startsWith("test/").doesNotContain(key);
        var host = h.apigee.microgatewayServicesUrl().getAuthority();
        assertThat(plain(out)).containsEntry("environment", "test").containsEntry("region", "us-east-1")
                .containsEntry("host", host).containsEntry("servicesUrl", "http://" + host);
        assertThat(h.apigee.microgatewayCredentials()).containsExactly(new MicrogatewayKey("test", key, secret));

        assertThat(calls()).containsExactly("POST registerMicrogatewayCredential", "GET getMicrogatewayRegion");
        assertThat(h.apigee.requests().get(0).path()).isEqualTo(CREDENTIAL_PATH);
        assertThat(h.apigee.requests().get(0).header("authorization")).contains("Bearer ***");
        assertThat(h.apigee.requests().get(1).path()).isEqualTo(REGION_PATH);
        assertThat(h.apigee.requests().get(1).header("authorization")).as("the gateway's own key and secret")
                .contains("Basic ***");

        var again = h.create(CREDENTIAL, inputs(h, "test"), false).getProperties();
        assertThat(str(again, "key")).isNotEqualTo(key);
        assertThat(str(again, "secret")).isNotEqualTo(secret);
        assertThat(h.apigee.microgatewayCredentials()).hasSize(2);
    }

    @Test
    void aNoOpUpARefreshAndAnUpdateCallNothingAndKeepTheKey() {
        h = ProviderHarness.configured(ApigeePlatform.EDGE);
        var inputs = inputs(h, "test");
        var created = h.create(CREDENTIAL, inputs, false);
        var out = created.getProperties();
        h.apigee.clearRequests();
        assertThat(h.diff(CREDENTIAL, created.getId(), out, inputs, inputs(h, "test")).getChanges())
                .isEqualTo(DiffChanges.DIFF_NONE);
        var read = h.read(CREDENTIAL, created.getId(), out, inputs);
        assertThat(read.getId()).isEqualTo(created.getId());
        assertThat(plain(read.getProperties())).isEqualTo(plain(out));
        assertThat(isSecret(read.getProperties().getFieldsOrThrow("secret"))).isTrue();
        var updated = h.update(CREDENTIAL, created.getId(), out, inputs, false).getProperties();
        assertThat(plain(updated)).isEqualTo(plain(out));
        assertThat(h.apigee.requests()).as("the services have no read call; nothing to update").isEmpty();
    }

    @Test
    void anotherEnvironmentReplacesTheCredential() {
        h = ProviderHarness.configured(ApigeePlatform.EDGE);
        var inputs = inputs(h, "test");
        var created = h.create(CREDENTIAL, inputs, false);
        var diff = h.diff(CREDENTIAL, created.getId(), created.getProperties(), inputs, inputs(h, "prod"));
        assertThat(diff.getReplacesList()).containsExactly("environment");
    }

    @Test
    void deleteRevokesTheKeyOnTheRegionalHostAndAKeyAlreadyGoneCountsAsRevoked() {
        h = ProviderHarness.configured(ApigeePlatform.EDGE);
        var created = h.create(CREDENTIAL, inputs(h, "test"), false);
        var other = h.create(CREDENTIAL, inputs(h, "test"), false);
        h.apigee.clearRequests();
        h.delete(CREDENTIAL, created.getId(), created.getProperties());
        assertThat(calls()).containsExactly("DELETE revokeMicrogatewayCredential");
        var revoke = h.apigee.requests().get(0);
        assertThat(revoke.path()).isEqualTo(CREDENTIAL_PATH);
        assertThat(revoke.header("authorization")).contains("Bearer ***");
        assertThat(revoke.bodyText()).isEqualTo("{\"key\":\"" + str(created.getProperties(), "key") + "\"}");
        assertThat(h.apigee.microgatewayCredentials()).extracting(MicrogatewayKey::key)
                .containsExactly(str(other.getProperties(), "key"));

        h.delete(CREDENTIAL, created.getId(), created.getProperties());
        assertThat(h.apigee.microgatewayCredentials()).hasSize(1);
    }

    @Test
    void onApigeeXCheckRefusesTheCredential() {
        h = ProviderHarness.configured(ApigeePlatform.X);
        var failures = h.check(CREDENTIAL, struct("environment", "test")).getFailuresList();
        assertThat(failures).hasSize(1);
        assertThat(failures.get(0).getProperty()).isEqualTo("environment");
        assertThat(failures.get(0).getReason()).isEqualTo("a MicrogatewayCredential works only with Apigee Edge, and "
                + "apigee:flavor is x: Edge Microgateway does not run against Apigee X or hybrid. Run `pulumi config set "
                + "apigee:flavor edge` if the organization is on Apigee Edge, or use the Apigee Adapter for Envoy on Apigee X");
        assertThat(h.check(CREDENTIAL, struct("environment", "te/st")).getFailuresCount()).isEqualTo(2);
        // Should the flavor have been unknown at Check, create refuses too, before any call.
        var e = ProviderHarness.failure(() -> h.create(CREDENTIAL, struct("environment", "test"), false));
        assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(e.getStatus().getDescription()).startsWith("a MicrogatewayCredential works only with Apigee Edge");
        assertThat(h.apigee.requests()).isEmpty();
    }

    @Test
    void aPreviewShowsTheKeyAndRegionUnknownAndMakesNoCall() {
        h = ProviderHarness.configured(ApigeePlatform.EDGE);
        var preview = h.create(CREDENTIAL, inputs(h, "test"), true).getProperties();
        for (var k : List.of("key", "secret", "region", "host", "servicesUrl")) {
            assertThat(ProviderHarness.revealed(preview.getFieldsOrThrow(k)).getStringValue()).as(k)
                    .isEqualTo(ProviderHarness.UNKNOWN);
        }
        assertThat(h.apigee.requests()).isEmpty();
    }

    @Test
    void aRegistrationThatMayHaveLandedIsNotSentAgain() {
        h = ProviderHarness.configured(ApigeePlatform.EDGE);
        h.apigee.failAfterProcessing("POST", CREDENTIAL_PATH, 502, null);
        var e = ProviderHarness.failure(() -> h.create(CREDENTIAL, inputs(h, "test"), false));
        assertThat(e.getStatus().getDescription()).contains("HTTP 502 on POST http://" + h.apigee.microgatewayServicesUrl().getAuthority()
                + CREDENTIAL_PATH).contains("may have registered the key anyway, so the provider did not send it again")
                .contains("Run `pulumi up` again to register a new key");
        assertThat(calls()).containsExactly("POST registerMicrogatewayCredential");
    }

    @Test
    void servicesThatCannotBeReachedAreNamedByTheirSetting() {
        h = ProviderHarness.start(ApigeePlatform.EDGE);
        h.stub.configure(pulumirpc.Provider.ConfigureRequest.newBuilder().setAcceptSecrets(true).setArgs(struct(
                "organization", ProviderHarness.ORG, "baseUrl", h.apigee.baseUrl().toString(), "accessToken",
                ProviderHarness.secret(ApigeeEmulator.TOKEN), "microgatewayServicesUrl", "http://127.0.0.1:9")).build());
        var e = ProviderHarness.failure(() -> h.create(CREDENTIAL, inputs(h, "test"), false));
        assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE);
        assertThat(e.getStatus().getDescription()).startsWith("POST http://127.0.0.1:9" + CREDENTIAL_PATH + " failed")
                .contains("on all 5 attempts").contains("apigee:microgatewayServicesUrl")
                .as("a connection never made registered nothing").doesNotContain("may have registered");
    }

    @Test
    void aThrottledRegistrationIsSentAgainAndItsOwnEarlierKeyIsTakenAsRegistered() {
        h = ProviderHarness.configured(ApigeePlatform.EDGE);
        h.apigee.failAfterProcessing("POST", CREDENTIAL_PATH, 429, Duration.ofSeconds(1));
        var out = h.create(CREDENTIAL, inputs(h, "test"), false).getProperties();
        assertThat(h.apigee.requests("POST", CREDENTIAL_PATH)).hasSize(2);
        assertThat(h.apigee.microgatewayCredentials()).extracting(MicrogatewayKey::key).containsExactly(str(out, "key"));
        assertThat(h.time.sleeps()).containsExactly(Duration.ofSeconds(1));
    }

    @Test
    void aKeyWhoseRegionCannotBeHadIsRevokedAgain() {
        h = ProviderHarness.configured(ApigeePlatform.EDGE);
        h.apigee.fail("GET", REGION_PATH, 403, null);
        var e = ProviderHarness.failure(() -> h.create(CREDENTIAL, inputs(h, "test"), false));
        assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED);
        assertThat(e.getStatus().getDescription()).contains("HTTP 403 on GET").contains("was revoked again");
        assertThat(calls()).containsExactly("POST registerMicrogatewayCredential", "GET getMicrogatewayRegion",
                "DELETE revokeMicrogatewayCredential");
        assertThat(h.apigee.microgatewayCredentials()).isEmpty();
    }

    @Test
    void rejectedCredentialsAndAnUnknownEnvironmentAreNamedWithTheirFix() {
        h = ProviderHarness.configured(ApigeePlatform.EDGE);
        var unknown = ProviderHarness.failure(() -> h.create(CREDENTIAL, inputs(h, "staging"), false));
        assertThat(unknown.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
        assertThat(unknown.getStatus().getDescription()).contains("know no organization 'acme' with that environment")
                .contains("apigee:microgatewayServicesUrl");
        h.apigee.acceptBearer("another-token");
        var rejected = ProviderHarness.failure(() -> h.create(CREDENTIAL, inputs(h, "test"), false));
        assertThat(rejected.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED);
        assertThat(rejected.getStatus().getDescription()).contains("rejected the credentials")
                .contains("apigee:accessToken").doesNotContain(ApigeeEmulator.TOKEN);
        assertThat(h.apigee.microgatewayCredentials()).isEmpty();
    }

    @Test
    void aStackOfAKeyPairAndACredentialCallsTheServicesOnlyToRegisterAndToRevoke() {
        h = ProviderHarness.configured(ApigeePlatform.EDGE);
        var engine = new EngineRun(h);
        var declared = List.of(
                new EngineRun.Declared(ProviderHarness.urn(RsaKeyPairLifecycleTest.RSA, "signing"), RsaKeyPairLifecycleTest.RSA,
                        struct("commonName", "acme-test")),
                new EngineRun.Declared(ProviderHarness.urn(CREDENTIAL, "gateway"), CREDENTIAL, struct("environment", "test")));
        var provider = new ArrayList<List<String>>();
        var services = new ArrayList<List<String>>();
        for (Runnable command : List.<Runnable>of(() -> engine.up(declared), () -> engine.up(declared), engine::refresh,
                engine::destroy)) {
            h.apigee.clearRequests();
            engine.takeCalls();
            command.run();
            provider.add(engine.takeCalls().stream().sorted().toList());
            services.add(calls());
        }
        assertThat(provider).containsExactly(
                List.of("Check", "Check", "Check", "Check", "Create", "Create", "Create (preview)", "Create (preview)"),
                List.of("Check", "Check", "Check", "Check", "Diff", "Diff", "Diff", "Diff"),
                List.of("Read", "Read"),
                List.of("Delete", "Delete"));
        assertThat(services).containsExactly(
                List.of("POST registerMicrogatewayCredential", "GET getMicrogatewayRegion"),
                List.of(),
                List.of(),
                List.of("DELETE revokeMicrogatewayCredential"));
        assertThat(h.apigee.microgatewayCredentials()).isEmpty();
    }
}
