package dev.apigeegke.provider.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** Secrets are masked in every message the provider shows, and nothing else in the message is touched. */
class FailureMaskingTest {
    private static Failures failures(Credentials credentials) {
        return new Failures(ApigeeConfig.of(ApigeePlatform.EDGE, URI.create("https://api.enterprise.apigee.com/v1"),
                "acme", credentials), new ObjectMapper());
    }

    @Test
    void aShortPasswordDoesNotGarbleTheWordsItAppearsIn() {
        var scrub = failures(new Credentials.Basic("ops", "api"));

        String hint = "check apigee:accessToken / apigee:username+password; roles/apigee.apiAdminV2";

        assertThat(scrub.scrub(hint)).isEqualTo(hint);
    }

    @Test
    void aPasswordIsMaskedWhereItStandsAloneButNotInsideALongerWord() {
        var scrub = failures(new Credentials.Basic("ops", "Hx72pass"));

        assertThat(scrub.scrub("login ops:Hx72pass@mgmt rejected; password Hx72pass.")).isEqualTo(
                "login ops:***@mgmt rejected; password ***.");
        assertThat(scrub.scrub("revision AHx72passB")).isEqualTo("revision AHx72passB");
    }

    @Test
    void basicAuthorizationValuesAreMaskedWholeWithTheirBase64() {
        var basic = Base64.getEncoder().encodeToString("ops@example.com:pw-Hx72-SECRET".getBytes(StandardCharsets.UTF_8));
        var scrub = failures(new Credentials.Basic("ops@example.com", "pw-Hx72-SECRET"));

        assertThat(scrub.scrub("echo: Authorization: Basic " + basic + " (pw-Hx72-SECRET)"))
                .isEqualTo("echo: Authorization: Basic *** (***)");
    }

    @Test
    void tokensAfterBearerOrBasicAreMaskedButSentencesAboutThemAreNot() {
        var scrub = failures(new Credentials.Bearer("tok-Zq81-SECRET"));

        assertThat(scrub.scrub("sent Bearer ya29.a0AfH6SMBx-3kq and bearer tok-Zq81-SECRET"))
                .isEqualTo("sent Bearer *** and bearer ***");
        String sentence = "Basic authentication is disabled; Bearer credentials required.";
        assertThat(scrub.scrub(sentence)).isEqualTo(sentence);
    }

    @Test
    void aGatewaysKeyAndSecretAreMaskedInWhatTheMicrogatewayServicesEcho() {
        var key = "4f1c0b2e9a7d4c3b8e6f5a1d2c3b4a596877665544332211aabbccddeeff0011";
        var secret = "9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a2f1e0d9c8b7a6f5e4d3c2b1a0f9e8d";
        var body = "{\"message\":\"credential {\\\"key\\\":\\\"" + key + "\\\",\\\"secret\\\":\\\"" + secret
                + "\\\"} refused\"}";
        var answer = new Transport.Response(400, body, java.net.http.HttpHeaders.of(java.util.Map.of(), (a, b) -> true));

        var failure = failures(new Credentials.Bearer("tok-Zq81-SECRET")).masking(key, secret)
                .services("POST", "https://edgemicroservices.apigee.net/edgemicro/credential/organization/acme/environment/test",
                        "registering the Edge Microgateway key of environment 'test'", answer);

        assertThat(failure.getMessage()).doesNotContain(key).doesNotContain(secret)
                .contains("HTTP 400 on POST https://edgemicroservices.apigee.net/edgemicro/credential/organization/acme/"
                        + "environment/test (registering the Edge Microgateway key of environment 'test')")
                .contains("credential {\"key\":\"***\",\"secret\":\"***\"} refused");
    }
}
