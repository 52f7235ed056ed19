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
}
