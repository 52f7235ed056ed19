package dev.apigeegke.provider.grpc;

import static dev.apigeegke.provider.grpc.ProviderHarness.base64;
import static dev.apigeegke.provider.grpc.ProviderHarness.failure;
import static dev.apigeegke.provider.grpc.ProviderHarness.plain;
import static dev.apigeegke.provider.grpc.ProviderHarness.sha256;
import static dev.apigeegke.provider.grpc.ProviderHarness.struct;
import static dev.apigeegke.provider.grpc.ProviderHarness.with;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Struct;
import dev.apigeegke.provider.api.ApigeePlatform;
import dev.apigeegke.provider.conformance.ConformanceExtension;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import pulumirpc.Provider.CreateRequest;
import pulumirpc.Provider.ErrorResourceInitFailed;

/**
 * An API proxy through what goes wrong in its life on a real organization: renames onto the same base path, a proxy
 * of the same name made outside the stack, service account changes, bundles Apigee X rejects, route conflicts,
 * deployments that fail after the import, imports whose answer is lost, and undeployments that finish late.
 */
@ExtendWith(ConformanceExtension.class)
class ApiProxyLifecycleTest {
    private static final String PROXY = "apigee:index:ApiProxy";
    private static final String RUNNER = "proxy-runner@shop-project.iam.gserviceaccount.com";
    private static final String OTHER_RUNNER = "other-runner@shop-project.iam.gserviceaccount.com";

    private ProviderHarness h;

    @AfterEach
    void stop() {
        if (h != null) {
            h.close();
        }
    }

    /** A bundle serving {@code basePath}, with these extra files (path → XML). */
    private static byte[] bundle(String name, String basePath, Map<String, String> extra) {
        var files = new LinkedHashMap<String, String>();
        files.put("apiproxy/" + name + ".xml", "<APIProxy name=\"" + name + "\"/>");
        files.put("apiproxy/proxies/default.xml", "<ProxyEndpoint name=\"default\"><HTTPProxyConnection><BasePath>"
                + basePath + "</BasePath></HTTPProxyConnection><RouteRule name=\"default\"><TargetEndpoint>default"
                + "</TargetEndpoint></RouteRule></ProxyEndpoint>");
        files.put("apiproxy/targets/default.xml", "<TargetEndpoint name=\"default\"><HTTPTargetConnection><URL>"
                + "http://orders.internal</URL></HTTPTargetConnection></TargetEndpoint>");
        files.putAll(extra);
        var out = new ByteArrayOutputStream();
        try (var zip = new ZipOutputStream(out)) {
            for (var f : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(f.getKey()));
                zip.write(f.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private Struct inputs(String name, String basePath, String... envs) {
        var zip = bundle(name, basePath, Map.of());
        return h.checked(PROXY, struct("name", name, "bundle", base64(zip), "bundleHash", sha256(zip),
                "environments", List.of(envs)));
    }

    /** The partial result a failed create or update hands the engine, which keeps it in the state. */
    private static ErrorResourceInitFailed partial(StatusRuntimeException e) {
        var details = StatusProto.fromThrowable(e).getDetailsList();
        assertThat(details).as("details of %s", e.getStatus()).hasSize(1);
        try {
            return details.get(0).unpack(ErrorResourceInitFailed.class);
        } catch (InvalidProtocolBufferException notInitFailed) {
            throw new AssertionError(notInitFailed);
        }
    }

    @ParameterizedTest
    @EnumSource(ApigeePlatform.class)
    void aRenameOntoTheSameBasePathDeletesTheOldProxyFirstAsApigeeRefusesTheOtherOrder(ApigeePlatform platform) {
        h = ProviderHarness.configured(platform);
        var orders = inputs("orders", "/orders", "test");
        var outputs = h.create(PROXY, orders, false).getProperties();

        var renamed = inputs("orders-v2", "/orders", "test");
        var diff = h.diff(PROXY, "orders", outputs, orders, renamed);
        assertThat(diff.getReplacesList()).containsExactly("name");
        assertThat(diff.getDeleteBeforeReplace()).isTrue();
        // A new name on another base path can run beside the old proxy until the switch: no downtime.
        assertThat(h.diff(PROXY, "orders", outputs, orders, inputs("orders-v2", "/v2/orders", "test"))
                .getDeleteBeforeReplace()).isFalse();

        // The order Apigee refuses (a copy beside the proxy on its base path), with the conflict named.
        var refused = failure(() -> h.create(PROXY, inputs("orders-copy", "/orders", "test"), false));
        assertThat(refused.getStatus().getDescription()).contains(platform == ApigeePlatform.EDGE
                ? "Path /orders conflicts with existing deployment path for revision 1 of the APIProxy orders"
                : "organizations/acme/apis/orders/revisions/1: Existing deployment of "
                + "\"organizations/acme/apis/orders/revisions/1\" contains conflicting base paths: [/orders]");
        // The order the engine takes after that diff.
        h.delete(PROXY, "orders", outputs);
        var v2 = h.create(PROXY, renamed, false);
        assertThat(plain(v2.getProperties())).containsEntry("deployedRevisions", Map.of("test", "1"));
        assertThat(h.apigee.deployedRevision("test", "orders-v2")).contains(1);
        assertThat(h.apigee.revisions("orders")).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(ApigeePlatform.class)
    void createRefusesAProxyMadeOutsideTheStackNamingThePulumiImportCommandUnlessAdoptExistingIsSet(ApigeePlatform platform) {
        h = ProviderHarness.configured(platform);
        var theirs = inputs("orders", "/orders", "test");
        h.create(PROXY, theirs, false);

        var ours = inputs("orders", "/orders", "test", "prod");
        var e = failure(() -> h.create(PROXY, ours, false));
        assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.ALREADY_EXISTS);
        assertThat(e.getStatus().getDescription()).contains("API proxy 'orders' already exists in organization 'acme'")
                .contains("`pulumi import apigee:index:ApiProxy r orders`").contains("adoptExisting: true");
        assertThat(h.apigee.revisions("orders")).containsExactly(1);
        assertThat(h.apigee.deployedRevision("prod", "orders")).isEmpty();
        // Inside a component the import needs the parent, which the child's URN does not name.
        var child = failure(() -> h.stub.create(CreateRequest.newBuilder().setType(PROXY).setName("api-proxy")
                .setUrn("urn:pulumi:dev::apigee-gke::apigee-gke:index:ApigeeProxy$" + PROXY + "::api-proxy")
                .setProperties(ours).build()));
        assertThat(child.getStatus().getDescription())
                .contains("`pulumi import apigee:index:ApiProxy api-proxy orders --parent <parent name>=<the parent's URN");

        var adopted = h.create(PROXY, with(ours, "adoptExisting", true), false);
        assertThat(plain(adopted.getProperties())).containsEntry("revision", "2")
                .containsEntry("deployedRevisions", Map.of("prod", "2", "test", "2"));
        // Whether to adopt is no difference to the proxy once it exists.
        assertThat(h.diff(PROXY, "orders", adopted.getProperties(), with(ours, "adoptExisting", true), ours)
                .getDiffsList()).isEmpty();
    }

    @Test
    void aServiceAccountChangeDeploysTheRevisionAgainAndIsReadBackOnX() {
        h = ProviderHarness.configured(ApigeePlatform.X);
        var inputs = with(inputs("orders", "/orders", "test", "prod"), "serviceAccount", RUNNER);
        var created = h.create(PROXY, inputs, false).getProperties();
        var other = h.checked(PROXY, with(inputs, "serviceAccount", OTHER_RUNNER));
        assertThat(h.diff(PROXY, "orders", created, inputs, other).getDiffsList()).containsExactly("serviceAccount");

        var updated = h.update(PROXY, "orders", created, other, false).getProperties();
        assertThat(plain(updated)).containsEntry("revision", "1").containsEntry("serviceAccount", OTHER_RUNNER);
        assertThat(h.apigee.deployedServiceAccount("test", "orders")).contains(OTHER_RUNNER);
        assertThat(h.apigee.deployedServiceAccount("prod", "orders")).contains(OTHER_RUNNER);
        assertThat(h.apigee.requests("POST", "/apis")).hasSize(1);

        // Someone deploys it as another account by hand: the refresh shows it, and the next up puts it back.
        h.update(PROXY, "orders", updated, inputs, false);
        var read = h.read(PROXY, "orders", updated, other);
        assertThat(plain(read.getProperties())).containsEntry("serviceAccount", RUNNER);
        assertThat(h.diff(PROXY, "orders", read.getProperties(), read.getInputs(), other).getDiffsList())
                .containsExactly("serviceAccount");
    }

    @Test
    void aServiceAccountIsRejectedOnEdgeBeforeAnythingIsSent() {
        h = ProviderHarness.configured(ApigeePlatform.EDGE);
        var check = h.check(PROXY, with(inputs("orders", "/orders", "test"), "serviceAccount", RUNNER));
        assertThat(check.getFailuresList()).singleElement().satisfies(f -> {
            assertThat(f.getProperty()).isEqualTo("serviceAccount");
            assertThat(f.getReason()).contains(RUNNER).contains("only Apigee X has")
                    .contains("pulumi config set apigee:flavor x");
        });
        assertThat(h.apigee.requests()).isEmpty();
    }

    @Test
    void xBundleErrorsNameEachFileAndWhatIsWrongWithIt() {
        h = ProviderHarness.configured(ApigeePlatform.X);
        var zip = bundle("orders", "/orders", Map.of(
                "apiproxy/policies/AM-headers.xml", "<AssignMessage name=\"AM-Headers\"/>",
                "apiproxy/targets/default.xml", "<TargetEndpoint name=\"default\"><PreFlow><Request><Step><Name>"
                        + "VK-key</Name></Step></Request></PreFlow><HTTPTargetConnection><URL>http://o</URL>"
                        + "</HTTPTargetConnection></TargetEndpoint>"));
        var e = failure(() -> h.create(PROXY, h.checked(PROXY, struct("name", "orders", "bundle", base64(zip),
                "bundleHash", sha256(zip), "environments", List.of("test"))), false));

        assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(e.getStatus().getDescription()).contains("Apigee said: bundle contains errors")
                .contains("\n  - apiproxy/policies/AM-headers.xml: The policy named \"AM-Headers\" must be in a file "
                        + "named AM-Headers.xml.")
                .contains("\n  - apiproxy/targets/default.xml: Step \"VK-key\" references a policy that is not in the bundle.");
    }

    @Test
    void aReadyDeploymentWithRouteConflictsIsReportedAndKeptSoTheNextUpDoesNotDeployItAgain() {
        h = ProviderHarness.configured(ApigeePlatform.X);
        h.apigee.environmentGroup("shop", "test", "prod");
        h.create(PROXY, inputs("legacy", "/orders", "test"), false);

        var inputs = inputs("orders", "/orders", "prod");
        var e = failure(() -> h.create(PROXY, inputs, false));
        assertThat(e.getStatus().getDescription()).contains("revision 1 of API proxy 'orders' is deployed")
                .contains("in environment 'prod', base path /orders in environment group 'shop' goes to API proxy "
                        + "'legacy' revision 1 in environment 'test'");
        var kept = partial(e);
        assertThat(kept.getId()).isEqualTo("orders");
        assertThat(kept.getReasonsList()).singleElement().asString().contains("goes to API proxy 'legacy'");
        assertThat(plain(kept.getProperties())).containsEntry("revision", "1")
                .containsEntry("deployedRevisions", Map.of("prod", "1"));
        assertThat(h.apigee.deployedRevision("prod", "orders")).contains(1);

        h.apigee.clearRequests();
        h.update(PROXY, "orders", kept.getProperties(), inputs, false);
        assertThat(h.apigee.requests("POST", "/deployments")).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(ApigeePlatform.class)
    void aCreateWhoseDeploymentFailsKeepsTheImportedRevisionSoTheNextUpDeploysItInsteadOfImportingAnother(ApigeePlatform platform) {
        h = ProviderHarness.configured(platform);
        h.apigee.failDeployments("Unresolved target server orders-backend");
        var inputs = inputs("orders", "/orders", "test", "prod");

        var e = failure(() -> h.create(PROXY, inputs, false));
        assertThat(e.getStatus().getDescription()).contains("Unresolved target server orders-backend");
        var kept = partial(e);
        assertThat(kept.getId()).isEqualTo("orders");
        assertThat(plain(kept.getProperties())).containsEntry("revision", "1")
                .containsEntry("bundleHash", ProviderHarness.str(inputs, "bundleHash"))
                .containsEntry("deployedRevisions", Map.of());

        // The target server is created; the next up is an update from the kept state.
        h.apigee.failDeployments(null);
        var updated = h.update(PROXY, "orders", kept.getProperties(), inputs, false).getProperties();
        assertThat(plain(updated)).containsEntry("deployedRevisions", Map.of("prod", "1", "test", "1"));
        assertThat(h.apigee.revisions("orders")).containsExactly(1);
        assertThat(h.apigee.requests("POST", "/apis")).hasSize(1);
    }

    @Test
    void anUpdateWhoseDeploymentFailsKeepsTheNewRevisionSoTheNextUpDeploysIt() {
        h = ProviderHarness.configured(ApigeePlatform.EDGE);
        var v1 = inputs("orders", "/orders", "test");
        var created = h.create(PROXY, v1, false).getProperties();
        var v2 = inputs("orders", "/v2/orders", "test");
        h.apigee.failDeployments("Unresolved target server orders-backend");

        var kept = partial(failure(() -> h.update(PROXY, "orders", created, v2, false)));
        assertThat(plain(kept.getProperties())).containsEntry("revision", "2")
                .containsEntry("bundleHash", ProviderHarness.str(v2, "bundleHash"));

        h.apigee.failDeployments(null);
        var updated = h.update(PROXY, "orders", kept.getProperties(), v2, false).getProperties();
        assertThat(plain(updated)).containsEntry("deployedRevisions", Map.of("test", "2"));
        assertThat(h.apigee.revisions("orders")).containsExactly(1, 2);
    }

    @ParameterizedTest
    @EnumSource(ApigeePlatform.class)
    void destroyWaitsUntilTheUndeploymentHasFinishedThenDeletes(ApigeePlatform platform) {
        h = ProviderHarness.configured(platform);
        var outputs = h.create(PROXY, inputs("orders", "/orders", "test"), false).getProperties();
        h.apigee.undeployTakes(Duration.ofSeconds(20));

        h.delete(PROXY, "orders", outputs);

        assertThat(h.apigee.revisions("orders")).isEmpty();
        assertThat(h.apigee.requests("DELETE", "/apis/orders")).hasSizeGreaterThan(1);
        assertThat(h.time.elapsed()).isGreaterThanOrEqualTo(Duration.ofSeconds(20)).isLessThan(Duration.ofSeconds(30));
    }

    @Test
    void destroyGivesUpAfterTheDeployTimeoutSayingWhatToCheck() {
        h = ProviderHarness.configured(ApigeePlatform.EDGE);
        var outputs = h.create(PROXY, inputs("orders", "/orders", "test"), false).getProperties();
        h.apigee.undeployTakes(Duration.ofHours(1));

        var e = failure(() -> h.delete(PROXY, "orders", outputs));

        assertThat(e.getStatus().getDescription()).contains("Undeploy the ApiProxy and try again")
                .contains("waited 10 min for the undeployment of API proxy 'orders' to finish");
        assertThat(h.time.elapsed()).isEqualTo(Duration.ofMinutes(10));
    }

    @ParameterizedTest
    @EnumSource(ApigeePlatform.class)
    void anImportThatHappenedButAnsweredUnavailableIsNotSentAgain(ApigeePlatform platform) {
        h = ProviderHarness.configured(platform);
        // 503 with Retry-After may be retried, but not before checking that the import did not happen.
        h.apigee.failAfterProcessing("POST", "/apis", 503, Duration.ofSeconds(2));
        var first = h.create(PROXY, inputs("orders", "/orders", "test"), false).getProperties();
        // A gateway timeout is never retried for a create: the revision that appeared is the import's.
        h.apigee.failAfterProcessing("POST", "/apis", 504, null);
        var second = h.update(PROXY, "orders", first, inputs("orders", "/v2/orders", "test"), false).getProperties();

        assertThat(h.apigee.requests("POST", "/apis")).hasSize(2);
        assertThat(h.apigee.revisions("orders")).containsExactly(1, 2);
        assertThat(plain(first)).containsEntry("revision", "1");
        assertThat(plain(second)).containsEntry("revision", "2").containsEntry("deployedRevisions", Map.of("test", "2"));
    }

    @Test
    void anImportThatFailedIsNotSentAgainAndSaysWhetherRunningUpAgainIsSafe() {
        h = ProviderHarness.configured(ApigeePlatform.X);
        h.apigee.fail("POST", "/apis", 500, null);

        var e = failure(() -> h.create(PROXY, inputs("orders", "/orders", "test"), false));

        assertThat(e.getStatus().getDescription()).contains("HTTP 500 on POST /organizations/acme/apis")
                .contains("was not sent again, because Apigee would take a repeated import as another revision")
                .contains("No new revision of 'orders' appeared, so running `pulumi up` again is safe");
        assertThat(h.apigee.requests("POST", "/apis")).hasSize(1);
        assertThat(h.apigee.revisions("orders")).isEmpty();
    }

    @Test
    void aRetriedEdgeDeploymentThatHadHappenedIsTakenAsDone() {
        h = ProviderHarness.configured(ApigeePlatform.EDGE);
        h.apigee.failAfterProcessing("POST", "/revisions/1/deployments", 503, Duration.ofSeconds(1));

        var created = h.create(PROXY, inputs("orders", "/orders", "test"), false).getProperties();

        assertThat(h.apigee.requests("POST", "/revisions/1/deployments")).hasSize(2);
        assertThat(plain(created)).containsEntry("deployedRevisions", Map.of("test", "1"));
        assertThat(h.apigee.deployedRevision("test", "orders")).contains(1);
    }
}
