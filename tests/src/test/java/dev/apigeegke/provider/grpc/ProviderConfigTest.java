package dev.apigeegke.provider.grpc;

import dev.apigeegke.plugin.PluginServer;
import static dev.apigeegke.provider.grpc.ProviderHarness.secret;
import static dev.apigeegke.provider.grpc.ProviderHarness.struct;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.Empty;
import com.google.protobuf.Struct;
import dev.apigeegke.provider.api.ApigeePlatform;
import dev.apigeegke.provider.conformance.ConformanceExtension;
import dev.apigeegke.provider.testing.ApigeeEmulator;
import io.grpc.CallOptions;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.ClientCalls;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import pulumirpc.Provider.CheckFailure;
import pulumirpc.Provider.CheckRequest;
import pulumirpc.Provider.ConfigureRequest;
import pulumirpc.Provider.DiffRequest;
import pulumirpc.Provider.DiffResponse.DiffChanges;

/** The plugin handshake and the provider config: CheckConfig, DiffConfig, Configure. */
@ExtendWith(ConformanceExtension.class)
class ProviderConfigTest {
    private final ProviderHarness h = ProviderHarness.start(ApigeePlatform.EDGE);

    @AfterEach
    void stop() {
        h.close();
    }

    private List<CheckFailure> checkConfig(Struct news) {
        return h.stub.checkConfig(CheckRequest.newBuilder().setUrn("urn:pulumi:dev::p::pulumi:providers:apigee::default")
                .setNews(news).build()).getFailuresList();
    }

    private static List<String> reasons(List<CheckFailure> failures) {
        return failures.stream().map(f -> f.getProperty() + ": " + f.getReason()).toList();
    }

    @Test
    void reportsVersionZeroOneZeroAndServesTheHealthService() {
        assertThat(h.stub.getPluginInfo(Empty.getDefaultInstance()).getVersion()).isEqualTo("0.1.0");
        var answer = ClientCalls.blockingUnaryCall(h.channel, PluginServer.HEALTH_CHECK, CallOptions.DEFAULT, new byte[0]);
        assertThat(answer).containsExactly(0x08, 0x01); // status: SERVING
    }

    @Test
    void missingOrganizationAndCredentialsSayWhichConfigCommandToRun() {
        assertThat(reasons(checkConfig(Struct.getDefaultInstance()))).containsExactlyInAnyOrder(
                "organization: apigee:organization is not set; run `pulumi config set apigee:organization <your-apigee-organization>`",
                "accessToken: Apigee Edge needs credentials; run `pulumi config set --secret apigee:accessToken <oauth-token>`, "
                        + "or `pulumi config set apigee:username <user>` and `pulumi config set --secret apigee:password <password>`");
    }

    @Test
    void rejectsAnUnknownFlavorABadUrlAndEdgeCredentialsOnApigeeX() {
        assertThat(reasons(checkConfig(struct("organization", "acme", "flavor", "hybrid", "accessToken", secret("t")))))
                .singleElement().asString().startsWith("flavor: apigee:flavor must be edge or x, got \"hybrid\"")
                .contains("`pulumi config set apigee:flavor x`");
        assertThat(reasons(checkConfig(struct("organization", "acme", "baseUrl", "apigee.example.com", "accessToken", "t"))))
                .singleElement().asString().contains("`pulumi config set apigee:baseUrl https://api.enterprise.apigee.com/v1`");
        assertThat(reasons(checkConfig(struct("organization", "acme", "flavor", "x", "username", "u", "password", secret("p")))))
                .singleElement().asString().contains("Apigee X does not accept a username and password")
                .contains("`pulumi config set apigee:useApplicationDefaultCredentials true`");
        assertThat(reasons(checkConfig(struct("organization", "acme", "username", "u"))))
                .containsExactly("password: apigee:username is set but apigee:password is not; run `pulumi config set --secret apigee:password <password>`");
    }

    @Test
    void theMicrogatewayServicesAreEdgeSaasUnlessAnotherUrlIsConfigured() {
        assertThat(reasons(checkConfig(struct("organization", "acme", "accessToken", "t", "microgatewayServicesUrl",
                "edgemicroservices.example.com")))).containsExactly("microgatewayServicesUrl: apigee:microgatewayServicesUrl "
                + "must be an absolute http(s) URL of the Edge Microgateway services, got \"edgemicroservices.example.com\"; "
                + "run `pulumi config set apigee:microgatewayServicesUrl https://edgemicroservices.apigee.net` (Apigee Edge "
                + "SaaS) or `pulumi config rm apigee:microgatewayServicesUrl`");
        assertThat(ProviderConfig.toApigeeConfig(Map.of("organization", "acme", "accessToken", "t"))
                .microgatewayServicesUrl()).hasToString("https://edgemicroservices.apigee.net");
        assertThat(ProviderConfig.toApigeeConfig(Map.of("organization", "acme", "accessToken", "t",
                "microgatewayServicesUrl", "https://mgw.example.com/")).microgatewayServicesUrl())
                .hasToString("https://mgw.example.com");
    }

    @Test
    void acceptsEachCredentialKindOfItsFlavor() {
        assertThat(checkConfig(struct("organization", "acme", "accessToken", secret("t")))).isEmpty();
        assertThat(checkConfig(struct("organization", "acme", "username", "u", "password", secret("p")))).isEmpty();
        assertThat(checkConfig(struct("organization", "acme", "flavor", "x", "useApplicationDefaultCredentials", "true"))).isEmpty();
        assertThat(checkConfig(struct("organization", "acme", "flavor", "x", "useApplicationDefaultCredentials", true))).isEmpty();
    }

    @Test
    void configureRepliesThatItAcceptsSecretsAndSupportsPreview() {
        var reply = h.stub.configure(ConfigureRequest.newBuilder().setAcceptSecrets(true)
                .setArgs(struct("organization", ProviderHarness.ORG, "baseUrl", h.apigee.baseUrl().toString(),
                        "accessToken", secret(ApigeeEmulator.TOKEN))).build());
        assertThat(reply.getAcceptSecrets()).isTrue();
        assertThat(reply.getSupportsPreview()).isTrue();
    }

    @Test
    void badConfigFailsConfigureWithEveryFix() {
        assertThatThrownBy(() -> h.stub.configure(ConfigureRequest.newBuilder().setArgs(struct("flavor", "x")).build()))
                .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
                    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
                    assertThat(e.getStatus().getDescription()).contains("`pulumi config set apigee:organization")
                            .contains("`pulumi config set apigee:useApplicationDefaultCredentials true`");
                });
    }

    @Test
    @SuppressWarnings("deprecation")
    void acceptsTheConfigFromTheOlderVariablesMap() {
        h.stub.configure(ConfigureRequest.newBuilder().putAllVariables(Map.of(
                "apigee:config:organization", ProviderHarness.ORG,
                "apigee:config:baseUrl", h.apigee.baseUrl().toString(),
                "apigee:config:accessToken", ApigeeEmulator.TOKEN)).build());
        var inputs = h.checked("apigee:index:ApiProduct", struct("name", "via-variables"));
        assertThat(h.create("apigee:index:ApiProduct", inputs, false).getId()).isEqualTo("via-variables");
        assertThat(h.apigee.requests("POST", "/organizations/acme/apiproducts")).hasSize(1);
    }

    @Test
    void aNewOrganizationReplacesTheProviderAndANewTokenUpdatesIt() {
        var olds = struct("organization", "acme", "accessToken", secret("t1"));
        var org = h.stub.diffConfig(DiffRequest.newBuilder().setOlds(olds).setOldInputs(olds)
                .setNews(struct("organization", "other", "accessToken", secret("t1"))).build());
        assertThat(org.getReplacesList()).containsExactly("organization");
        var token = h.stub.diffConfig(DiffRequest.newBuilder().setOlds(olds).setOldInputs(olds)
                .setNews(struct("organization", "acme", "accessToken", secret("t2"))).build());
        assertThat(token.getChanges()).isEqualTo(DiffChanges.DIFF_SOME);
        assertThat(token.getReplacesList()).isEmpty();
        assertThat(h.stub.diffConfig(DiffRequest.newBuilder().setOlds(olds).setOldInputs(olds).setNews(olds).build())
                .getChanges()).isEqualTo(DiffChanges.DIFF_NONE);
    }
}
