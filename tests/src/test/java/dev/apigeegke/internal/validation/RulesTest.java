package dev.apigeegke.internal.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** The shared rules themselves: odd but valid values pass, each refusal names its reason. */
class RulesTest {
    @Test
    void hostNamesAtEveryLimitPassAndEachRefusalNamesItsReason() {
        for (String host : List.of("a.b", "a".repeat(63) + ".example.com", "xn--80ak6aa92e.com", "edgemicroservices-us-east-1.apigee.net",
                "1.example.com", "a1.b2.c3.d4.e5")) {
            assertThat(Hostnames.problem(host, "api.example.com")).as(host).isNull();
        }
        assertThat(Hostnames.problem(null, "api.example.com")).isEqualTo("give a host name such as api.example.com");
        assertThat(Hostnames.problem("api.example.com/v1", "api.example.com")).isEqualTo("remove the path: give a host name such as "
                + "api.example.com");
        assertThat(Hostnames.problem("api.example.123", "api.example.com"))
                .isEqualTo("the last label \"123\" is all digits, which no top-level domain is");
        assertThat(Hostnames.problem("10.0.0.1", "api.example.com")).isEqualTo("an IP address, not a host name: give a host name "
                + "such as api.example.com");
    }

    @Test
    void regionsZonesAndNetworksAsComputeEngineNamesThem() {
        for (String region : List.of("europe-west1", "northamerica-northeast2", "me-central2", "us-east5")) {
            assertThat(GcpNames.isRegion(region)).as(region).isTrue();
            assertThat(GcpNames.isZone(region + "-a")).isTrue();
            assertThat(GcpNames.regionOf(region + "-c")).isEqualTo(region);
        }
        assertThat(GcpNames.isRegion("europe-west1-b")).isFalse();
        assertThat(GcpNames.isNetwork("projects/p-1/global/networks/" + "n".repeat(63))).isTrue();
        assertThat(GcpNames.isNetwork("https://www.googleapis.com/compute/v1/projects/p-1/global/networks/vpc-1")).isTrue();
        assertThat(GcpNames.isNetwork("n".repeat(64))).isFalse();
        assertThat(GcpNames.isNetwork("projects/p/global/networks/Bad")).isFalse();
    }

    @Test
    void developerEmailsAreLowercaseOnXAndAnyCaseOnEdge() {
        assertThat(Emails.developerProblem("Team@Example.com", false)).isNull();
        assertThat(Emails.developerProblem("Team@Example.com", true))
                .isEqualTo("Apigee X keeps developer emails in lowercase only: use \"team@example.com\"");
        assertThat(Emails.developerProblem("team@localhost", false)).isEqualTo("a developer email such as team@example.com");
        assertThat(Emails.isServiceAccount("nodes@my-project.iam.gserviceaccount.com")).isTrue();
        assertThat(Emails.isServiceAccount("123-compute@developer.gserviceaccount.com")).isTrue();
        assertThat(Emails.isServiceAccount("nodes@example.com")).isFalse();
    }

    @Test
    void aRatePerSecondIsReadOnlyFromTheNpsForm() {
        assertThat(Rates.perSecond("30ps")).isEqualTo(OptionalInt.of(30));
        assertThat(Rates.perSecond("999999999ps")).isEqualTo(OptionalInt.of(999_999_999));
        assertThat(Rates.perSecond("600pm")).isEmpty();
        assertThat(Rates.perSecond("0ps")).isEmpty();
        assertThat(Rates.perSecond(null)).isEmpty();
    }
}
