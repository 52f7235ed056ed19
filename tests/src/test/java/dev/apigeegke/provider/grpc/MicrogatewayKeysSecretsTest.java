package dev.apigeegke.provider.grpc;

import static dev.apigeegke.provider.grpc.KeyValueMapSecretsTest.clear;
import static dev.apigeegke.provider.grpc.MicrogatewayCredentialLifecycleTest.CREDENTIAL;
import static dev.apigeegke.provider.grpc.ProviderHarness.isSecret;
import static dev.apigeegke.provider.grpc.ProviderHarness.str;
import static dev.apigeegke.provider.grpc.ProviderHarness.struct;
import static dev.apigeegke.provider.grpc.RsaKeyPairLifecycleTest.RSA;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Struct;
import dev.apigeegke.provider.api.ApigeePlatform;
import dev.apigeegke.provider.conformance.ConformanceExtension;
import dev.apigeegke.provider.testing.RecordedRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A gateway's key and secret and a key pair's private key are secrets: in every answer to the engine a secret, never
 * in a failure, a log line or a recorded request but where they must go (the secret only in the registration's body,
 * the key also in the revocation's), and the private key nowhere outside the state.
 */
@ExtendWith(ConformanceExtension.class)
class MicrogatewayKeysSecretsTest {
    private static final String CREDENTIAL_PATH = "/edgemicro/credential/organization/acme/environment/test";
    private static final Pattern REGISTERED = Pattern.compile("\\{\"key\":\"([0-9a-f]{64})\",\"secret\":\"([0-9a-f]{64})\"}");

    private ProviderHarness h;
    private ProviderLogRecorder log;

    @AfterEach
    void stop() {
        if (log != null) {
            log.close();
        }
        if (h != null) {
            h.close();
        }
    }

    /** Everything of a recorded request but its body. */
    private static String outsideTheBody(RecordedRequest r) {
        return r.method() + " " + r.path() + "?" + r.query() + " " + r.headers();
    }

    @Test
    void theKeyAndSecretTravelOnlyInTheRegistrationAndTheKeyAlsoInTheRevocation() {
        log = new ProviderLogRecorder();
        h = ProviderHarness.configured(ApigeePlatform.EDGE);
        var answers = new ArrayList<Struct>();
        var inputs = h.checked(CREDENTIAL, struct("environment", "test"));
        // Throttled calls are retried, and each retry is logged.
        h.apigee.fail("POST", CREDENTIAL_PATH, 429, null);
        h.apigee.fail("GET", "/edgemicro/region/organization/acme/environment/test", 503, Duration.ofSeconds(1));
        var created = h.create(CREDENTIAL, inputs, false);
        var out = created.getProperties();
        answers.add(out);
        answers.add(h.update(CREDENTIAL, created.getId(), out, inputs, true).getProperties());
        answers.add(h.update(CREDENTIAL, created.getId(), out, inputs, false).getProperties());
        var read = h.read(CREDENTIAL, created.getId(), out, inputs);
        answers.add(read.getProperties());
        answers.add(read.getInputs());
        h.apigee.fail("DELETE", CREDENTIAL_PATH, 503, null);
        h.delete(CREDENTIAL, created.getId(), out);
        var key = str(out, "key");
        var secret = str(out, "secret");
        assertThat(isSecret(read.getProperties().getFieldsOrThrow("key"))).isTrue();
        assertThat(isSecret(read.getProperties().getFieldsOrThrow("secret"))).isTrue();

        assertThat(answers).allSatisfy(a -> assertThat(clear(a)).doesNotContain(key).doesNotContain(secret));
        assertThat(log.lines()).as("the retries' log lines").hasSizeGreaterThanOrEqualTo(3);
        assertThat(log.text()).doesNotContain(key).doesNotContain(secret);
        var requests = h.apigee.requests();
        assertThat(requests).allSatisfy(r -> assertThat(outsideTheBody(r)).doesNotContain(key).doesNotContain(secret));
        assertThat(requests.stream().filter(r -> r.bodyText().contains(secret)))
                .as("the requests carrying the secret").extracting(RecordedRequest::method).containsExactly("POST", "POST");
        assertThat(requests.stream().filter(r -> r.bodyText().contains(key)))
                .as("the requests carrying the key").extracting(RecordedRequest::method)
                .containsExactly("POST", "POST", "DELETE", "DELETE");
        assertThat(requests).filteredOn(r -> r.bodyText().contains(key)).extracting(RecordedRequest::path)
                .containsOnly(CREDENTIAL_PATH);
    }

    @Test
    void aFailureAfterTheRegistrationNamesNeitherTheKeyNorTheSecret() {
        log = new ProviderLogRecorder();
        h = ProviderHarness.configured(ApigeePlatform.EDGE);
        h.apigee.fail("GET", "/edgemicro/region/organization/acme/environment/test", 401, null);
        var e = ProviderHarness.failure(() -> h.create(CREDENTIAL, h.checked(CREDENTIAL, struct("environment", "test")),
                false));
        var sent = REGISTERED.matcher(h.apigee.requests("POST", CREDENTIAL_PATH).get(0).bodyText());
        assertThat(sent.matches()).isTrue();
        assertThat(e.getMessage()).contains("did not accept the key they had just registered").contains("was revoked again")
                .doesNotContain(sent.group(1)).doesNotContain(sent.group(2));
        assertThat(log.text()).doesNotContain(sent.group(1)).doesNotContain(sent.group(2));
    }

    @Test
    void thePrivateKeyLeavesTheProviderOnlyAsASecret() {
        log = new ProviderLogRecorder();
        h = ProviderHarness.configured(ApigeePlatform.EDGE);
        var inputs = h.checked(RSA, struct("commonName", "acme-test"));
        var created = h.create(RSA, inputs, false);
        var out = created.getProperties();
        var pem = str(out, "privateKeyPem");
        // The base64 body of the PEM, whatever line it is cut at: one of its lines suffices to find a leak.
        var line = pem.lines().skip(1).findFirst().orElseThrow();
        var read = h.read(RSA, created.getId(), out, inputs);
        var answers = List.of(out, read.getProperties(), read.getInputs(),
                h.update(RSA, created.getId(), out, inputs, false).getProperties(),
                h.update(RSA, created.getId(), out, inputs, true).getProperties());
        var e = ProviderHarness.failure(() -> h.read(RSA, created.getId(), Struct.getDefaultInstance(), inputs));
        h.delete(RSA, created.getId(), out);

        assertThat(answers).allSatisfy(a -> assertThat(clear(a)).doesNotContain(line));
        assertThat(answers).allSatisfy(a -> assertThat(isSecret(a.getFieldsOrDefault("privateKeyPem",
                ProviderHarness.secret("absent")))).isTrue());
        assertThat(e.getMessage()).doesNotContain(line);
        assertThat(log.text()).doesNotContain(line);
        assertThat(h.apigee.requests()).isEmpty();
    }
}
