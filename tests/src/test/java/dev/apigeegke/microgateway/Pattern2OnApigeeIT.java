package dev.apigeegke.microgateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apigeegke.provider.testing.MicrogatewayKey;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.Map;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * {@link Pattern2OnApigee} as the sample stack runs it, with no key of its own: the program sets Edge Microgateway up
 * (edgemicro-auth, an RsaKeyPair in the encrypted {@code microgateway} key value map, a registered
 * MicrogatewayCredential) and gives the gateway that key; {@code cloud.destroy()} revokes it.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class Pattern2OnApigeeIT extends Pattern2OnApigee {

    @Override
    Map<String, String> keySettings() {
        return Map.of();
    }

    @Override
    String expectedCertificate() {
        return (String) keyPair().get("certificatePem");
    }

    private Map<String, Object> keyPair() {
        return ProgramOnApigee.outputsOfTheOne(cloud, "apigee:index:RsaKeyPair");
    }

    private Map<String, Object> credential() {
        return ProgramOnApigee.outputsOfTheOne(cloud, "apigee:index:MicrogatewayCredential");
    }

    @Test
    void theGatewayRunsWithTheKeyTheProgramRegistered() {
        var credential = credential();
        assertThat(ProgramOnApigee.sha256(pod.key())).as("the pod's key is the credential's")
                .isEqualTo(ProgramOnApigee.sha256((String) credential.get("key")));
        assertThat(ProgramOnApigee.sha256(pod.secret())).as("the pod's secret is the credential's")
                .isEqualTo(ProgramOnApigee.sha256((String) credential.get("secret")));
        assertThat(cloud.apigee().microgatewayCredentials()).extracting(k -> ProgramOnApigee.sha256(k.key()))
                .as("the keys registered with the hosted service").containsExactly(ProgramOnApigee.sha256(pod.key()));
        assertThat(cloud.apigee().deployedRevision(ENV, "edgemicro-auth")).as("edgemicro-auth deployed").isPresent();
    }

    @Test
    void theMicrogatewayKeyValueMapHoldsTheKeyPairAndEdgemicroAuthServesItsCertificate() {
        var keyPair = keyPair();
        var vault = cloud.apigee().keyValueMap(ENV, "microgateway").orElseThrow();
        assertThat(ProgramOnApigee.sha256(vault.get("private_key"))).as("private_key is the key pair's private key")
                .isEqualTo(ProgramOnApigee.sha256((String) keyPair.get("privateKeyPem")));
        assertThat(vault.get("public_key")).isEqualTo(keyPair.get("certificatePem"));
        assertThat(vault.get("public_key1")).isEqualTo(keyPair.get("publicKeyPem"));
        var answer = GatewayOrganization.send(HttpRequest.newBuilder(
                URI.create(cloud.apigee().runtimeUrl(ENV) + "/edgemicro-auth/publicKey")).GET());
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo(keyPair.get("certificatePem"));
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void destroyRevokesTheGatewaysKey() {
        cloud.destroy();
        assertThat(cloud.apigee().microgatewayCredentials()).extracting(MicrogatewayKey::environment).as("keys left registered").isEmpty();
    }
}
