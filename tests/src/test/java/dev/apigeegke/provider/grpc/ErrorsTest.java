package dev.apigeegke.provider.grpc;

import static dev.apigeegke.provider.grpc.ProviderHarness.failure;
import static dev.apigeegke.provider.grpc.ProviderHarness.proxyInputs;
import static dev.apigeegke.provider.grpc.ProviderHarness.struct;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.Struct;
import dev.apigeegke.provider.api.ApigeePlatform;
import dev.apigeegke.provider.conformance.ConformanceExtension;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Management API failures reach the engine as gRPC errors carrying the client's actionable message. */
@ExtendWith(ConformanceExtension.class)
class ErrorsTest {
    private ProviderHarness h;

    @AfterEach
    void stop() {
        h.close();
    }

    @Test
    void aRejectedTokenIsUnauthenticatedAndSaysToCheckTheCredentials() {
        h = ProviderHarness.configured(ApigeePlatform.X);
        h.apigee.acceptBearer("another-token");
        var e = failure(() -> h.create("apigee:index:ApiProduct", h.checked("apigee:index:ApiProduct", struct("name", "p")), false));
        assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED);
        assertThat(e.getStatus().getDescription()).contains("401").containsIgnoringCase("apigee:accessToken")
                .doesNotContain("emulator-token");
    }

    @Test
    void anExistingProductIsAlreadyExistsWithApigeesExplanation() {
        h = ProviderHarness.configured(ApigeePlatform.EDGE);
        var inputs = h.checked("apigee:index:ApiProduct", struct("name", "shop"));
        h.create("apigee:index:ApiProduct", inputs, false);
        var e = failure(() -> h.create("apigee:index:ApiProduct", inputs, false));
        assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.ALREADY_EXISTS);
        assertThat(e.getStatus().getDescription()).contains("409").contains("shop already exists");
    }

    @Test
    void aForbiddenCallIsPermissionDeniedAndNamesTheRoleToGrant() {
        h = ProviderHarness.configured(ApigeePlatform.X);
        h.apigee.failNext(1, 403, null);
        var e = failure(() -> h.create("apigee:index:ApiProduct", h.checked("apigee:index:ApiProduct", struct("name", "p")), false));
        assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED);
        assertThat(e.getStatus().getDescription()).contains("403").contains("roles/apigee");
    }

    @Test
    void updatingWhatWasDeletedOutsidePulumiIsNotFoundAndSaysWhat() {
        h = ProviderHarness.configured(ApigeePlatform.EDGE);
        var olds = h.checked("apigee:index:Developer", struct("email", "gone@example.com", "firstName", "G",
                "lastName", "One", "userName", "gone"));
        var news = h.checked("apigee:index:Developer", struct("email", "gone@example.com", "firstName", "Gina",
                "lastName", "One", "userName", "gone"));
        var e = failure(() -> h.update("apigee:index:Developer", "gone@example.com", olds, news, false));
        assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
        assertThat(e.getStatus().getDescription()).contains("404").contains("gone");
    }

    @Test
    void anUnavailableApigeeIsRetriedThenReportedAsUnavailable() {
        h = ProviderHarness.configured(ApigeePlatform.EDGE);
        var inputs = h.checked("apigee:index:ApiProduct", struct("name", "shop"));
        // One transient failure asking to come back: retried, and the create succeeds.
        h.apigee.failNext(1, 503, Duration.ofSeconds(1));
        var created = h.create("apigee:index:ApiProduct", inputs, false);
        assertThat(created.getId()).isEqualTo("shop");
        assertThat(h.apigee.requests("POST", "/apiproducts")).hasSize(2);
        assertThat(h.time.sleeps()).containsExactly(Duration.ofSeconds(1));
        // Failing on every one of the 5 attempts, 1 s apart and doubling: the engine gets UNAVAILABLE with the
        // advice to retry later.
        h.apigee.failNext(5, 503, null);
        var e = failure(() -> h.read("apigee:index:ApiProduct", "shop", created.getProperties(), inputs));
        assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE);
        assertThat(e.getStatus().getDescription()).contains("503").containsIgnoringCase("retry later")
                .contains("still after 5 attempts");
        assertThat(h.time.sleeps()).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(2),
                Duration.ofSeconds(4), Duration.ofSeconds(8));
    }

    @Test
    void aCreateThatHappenedButWasAnsweredRetryLaterEndsWithWhatItCreated() {
        h = ProviderHarness.configured(ApigeePlatform.X);
        var inputs = h.checked("apigee:index:ApiProduct", struct("name", "shop", "quota", "10", "quotaInterval", "1",
                "quotaTimeUnit", "minute"));
        h.apigee.failAfterProcessing("POST", "/apiproducts", 503, Duration.ofSeconds(2));

        var created = h.create("apigee:index:ApiProduct", inputs, false);

        assertThat(created.getId()).isEqualTo("shop");
        assertThat(ProviderHarness.plain(created.getProperties())).containsEntry("quota", "10");
        assertThat(h.apigee.requests("POST", "/apiproducts")).hasSize(2);
    }

    @Test
    void aTargetServerCreateThatHappenedButWasAnsweredRetryLaterEndsWithWhatItCreated() {
        h = ProviderHarness.configured(ApigeePlatform.EDGE);
        h.apigee.failAfterProcessing("POST", "/targetservers", 503, Duration.ofSeconds(1));

        var created = h.create("apigee:index:TargetServer", h.checked("apigee:index:TargetServer", struct("environment",
                "test", "name", "orders-backend", "host", "10.0.0.7", "port", 8080)), false);

        assertThat(created.getId()).isEqualTo("test/orders-backend");
        assertThat(h.apigee.requests("POST", "/targetservers")).hasSize(2);
    }

    @Test
    void aCreateThatFailedWithoutSayingWhetherItHappenedIsNotRepeatedAndSaysHowToCheck() {
        h = ProviderHarness.configured(ApigeePlatform.EDGE);
        h.apigee.failAfterProcessing("POST", "/developers", 502, null);

        var e = failure(() -> h.create("apigee:index:Developer", h.checked("apigee:index:Developer", struct("email",
                "jane@example.com", "firstName", "Jane", "lastName", "Doe", "userName", "jane")), false));

        assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE);
        assertThat(e.getStatus().getDescription()).contains("Apigee may have created developer 'jane@example.com' anyway")
                .contains("GET " + h.apigee.baseUrl() + "/organizations/acme/developers/jane%40example.com");
        assertThat(h.apigee.requests("POST", "/developers")).hasSize(1);
    }

    @Test
    void aFailedDeploymentFailsTheCreateWithApigeesReason() {
        h = ProviderHarness.configured(ApigeePlatform.X);
        h.apigee.failDeployments("TargetServer orders-backend not found");
        var e = failure(() -> h.create("apigee:index:ApiProxy", h.checked("apigee:index:ApiProxy",
                proxyInputs("orders", "http://o", "test")), false));
        assertThat(e.getStatus().getDescription()).contains("TargetServer orders-backend not found");
    }

    @Test
    void aDeploymentThatNeverBecomesReadyFailsTheCreateAfterTenMinutes() {
        h = ProviderHarness.configured(ApigeePlatform.X);
        h.apigee.deployAfterPolls(Integer.MAX_VALUE);
        var e = failure(() -> h.create("apigee:index:ApiProxy", h.checked("apigee:index:ApiProxy",
                proxyInputs("orders", "http://o", "test")), false));
        assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE);
        assertThat(e.getStatus().getDescription()).contains("timed out after 10 min").contains("last state: PROGRESSING");
        assertThat(h.time.elapsed()).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void callsBeforeConfigureSayToSetTheOrganization() {
        h = ProviderHarness.start(ApigeePlatform.EDGE);
        assertThatThrownBy(() -> h.read("apigee:index:ApiProduct", "p", Struct.getDefaultInstance(), Struct.getDefaultInstance()))
                .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
                    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
                    assertThat(e.getStatus().getDescription()).contains("pulumi config set apigee:organization");
                });
    }

    @Test
    void anUnknownTypeNamesTheServedTypes() {
        h = ProviderHarness.configured(ApigeePlatform.EDGE);
        var e = failure(() -> h.check("apigee:index:Environment", Struct.getDefaultInstance()));
        assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(e.getStatus().getDescription()).contains("apigee:index:ApiProxy").contains("apigee:index:DeveloperApp");
    }

    @Test
    void afterCancelNoNewOperationStarts() {
        h = ProviderHarness.configured(ApigeePlatform.EDGE);
        h.cancel();
        h.apigee.clearRequests();
        var e = failure(() -> h.create("apigee:index:ApiProduct", h.checked("apigee:index:ApiProduct", struct("name", "p")), false));
        assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.CANCELLED);
        assertThat(h.apigee.requests()).isEmpty();
    }
}
