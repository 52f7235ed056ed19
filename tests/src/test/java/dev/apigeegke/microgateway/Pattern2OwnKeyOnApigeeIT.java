package dev.apigeegke.microgateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@link Pattern2OnApigee} with the key and secret of the organization's own {@code edgemicro configure} run
 * (edgemicro-auth, the {@code microgateway} key value map and the registered key made beforehand, the key and secret
 * given as stack secrets): the program creates no setup and the gateway runs with the stack's key.
 */
class Pattern2OwnKeyOnApigeeIT extends Pattern2OnApigee {

    @Override
    Map<String, String> keySettings() {
        org.edgemicroConfigure();
        return Map.of("apigee-gke:microgatewayKey", org.gatewayKey, "apigee-gke:microgatewaySecret", org.gatewaySecret);
    }

    @Override
    String expectedCertificate() {
        return org.keys.certificatePem();
    }

    @Test
    void theGatewayRunsWithTheStacksKeyAndSecret() {
        assertThat(ProgramOnApigee.sha256(pod.key())).as("the pod's key is the stack's").isEqualTo(ProgramOnApigee.sha256(org.gatewayKey));
        assertThat(ProgramOnApigee.sha256(pod.secret())).as("the pod's secret is the stack's")
                .isEqualTo(ProgramOnApigee.sha256(org.gatewaySecret));
        assertThat(cloud.createdTypes()).doesNotContain("apigee:index:MicrogatewayCredential", "apigee:index:RsaKeyPair");
    }
}
