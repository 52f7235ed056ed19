package dev.apigeegke.internal.validation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CidrTest {
    private static final String NOT_AN_ADDRESS =
            "not an IPv4 or IPv6 address; give a CIDR such as 203.0.113.0/24 or 2001:db8::/32 (host names are not accepted)";

    @ParameterizedTest
    @CsvSource({
        "203.0.113.0/24, 24",
        "10.0.0.0/8, 8",
        "0.0.0.0/0, 0",
        "198.51.100.7/32, 32",
        "255.255.255.255/32, 32",
    })
    void acceptsIpv4Ranges(String text, int prefix) {
        assertThat(Cidr.problem(text)).isNull();
        assertThat(Cidr.parse(text)).contains(new Cidr(text, false, prefix));
    }

    @ParameterizedTest
    @CsvSource({
        "2001:db8::/32, 32",
        "::/0, 0",
        "2001:DB8:ABCD::/48, 48",
        "fe80::/10, 10",
        "2001:db8::1/128, 128",
    })
    void acceptsIpv6Ranges(String text, int prefix) {
        assertThat(Cidr.problem(text)).isNull();
        assertThat(Cidr.parse(text)).contains(new Cidr(text, true, prefix));
    }

    @Test
    void aSingleAddressIsAFullLengthRange() {
        assertThat(Cidr.parse("203.0.113.7")).contains(new Cidr("203.0.113.7", false, 32));
        assertThat(Cidr.parse("2001:db8::7")).contains(new Cidr("2001:db8::7", true, 128));
    }

    @Test
    void rejectsHostBitsAndNamesTheNetworkToUseInstead() {
        assertThat(Cidr.problem("10.0.0.1/8")).isEqualTo("host bits are set; write the range as 10.0.0.0/8");
        assertThat(Cidr.problem("203.0.113.77/24")).isEqualTo("host bits are set; write the range as 203.0.113.0/24");
        assertThat(Cidr.problem("192.168.1.129/25")).isEqualTo("host bits are set; write the range as 192.168.1.128/25");
        assertThat(Cidr.problem("255.255.255.255/1")).isEqualTo("host bits are set; write the range as 128.0.0.0/1");
        assertThat(Cidr.parse("10.0.0.1/8")).isEmpty();
    }

    @Test
    void rejectsIpv6HostBitsAndNamesANetworkThatIsItselfValid() {
        assertThat(Cidr.problem("2001:db8::1/32")).isEqualTo("host bits are set; write the range as 2001:db8::/32");
        assertThat(Cidr.problem("2001:db8::/32")).as("the suggested range").isNull();
        assertThat(Cidr.parse("2001:db8::/32")).hasValueSatisfying(c -> assertThat(c.ipv6()).isTrue());
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.0.0.0/33", "10.0.0.0/-1", "10.0.0.0/", "10.0.0.0/abc", "10.0.0.0/08", "10.0.0.0/+8", "10.0.0.0/ 8"})
    void rejectsAnIpv4PrefixOutside0To32(String text) {
        assertThat(Cidr.problem(text)).isEqualTo("the prefix length after '/' must be a number from 0 to 32");
        assertThat(Cidr.parse(text)).isEmpty();
    }

    @Test
    void rejectsAnIpv6PrefixOutside0To128() {
        assertThat(Cidr.problem("2001:db8::/129")).isEqualTo("the prefix length after '/' must be a number from 0 to 128");
        assertThat(Cidr.problem("2001:db8::/64")).isNull();
    }

    @Test
    void rejectsMoreThanOneSlash() {
        assertThat(Cidr.problem("10.0.0.0/8/8")).isEqualTo("a range has one '/': address/prefix, e.g. 203.0.113.0/24");
    }

    @ParameterizedTest
    @ValueSource(strings = {"localhost", "example.com", "metadata.google.internal", "localhost/32", "example.com/24",
        "cafe", "dead:beef:cafe", "[::1]", "[2001:db8::]/32"})
    void rejectsHostNamesAndAnythingThatIsNotAnIpLiteral(String text) {
        assertThat(Cidr.problem(text)).isEqualTo(NOT_AN_ADDRESS);
        assertThat(Cidr.parse(text)).isEmpty();
    }

    @Test
    void neverResolvesAHostNameEvenOneThatWouldResolve() {
        // "localhost" resolves on every machine; accepting it would mean a lookup decided the range.
        assertThat(Cidr.parse("localhost")).isEmpty();
        assertThat(Cidr.parse("localhost/8")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"010.0.0.0/8", "10.00.0.0/16", "192.168.001.0/24", "1.2.3.04"})
    void rejectsLeadingZerosWhichSomeParsersReadAsOctal(String text) {
        assertThat(Cidr.problem(text)).isEqualTo(NOT_AN_ADDRESS);
    }

    @ParameterizedTest
    @ValueSource(strings = {"256.0.0.0/8", "1.2.3/24", "1.2.3.4.5", "1.2.3.4444"})
    void rejectsMalformedIpv4Addresses(String text) {
        assertThat(Cidr.problem(text)).isEqualTo(NOT_AN_ADDRESS);
    }

    @ParameterizedTest
    @ValueSource(strings = {" 10.0.0.0/8", "10.0.0.0/8 ", "\t10.0.0.0/8", "10.0.0.0/8\n"})
    void rejectsSurroundingWhitespace(String text) {
        assertThat(Cidr.problem(text)).isEqualTo("remove the surrounding spaces");
        assertThat(Cidr.parse(text)).isEmpty();
    }

    @Test
    void rejectsAnEmptyRangeWithAnExample() {
        String empty = "an empty range; give an IPv4 or IPv6 CIDR such as 203.0.113.0/24 or 2001:db8::/32";
        assertThat(Cidr.problem(null)).isEqualTo(empty);
        assertThat(Cidr.problem("")).isEqualTo(empty);
        assertThat(Cidr.problem("   ")).isEqualTo(empty);
    }

    @ParameterizedTest
    @CsvSource({
            "10.0.0.0/8, 10.129.0.0/23, true",
            "10.0.0.0/8, 10.0.0.0/8, true",
            "10.0.0.0/8, 10.255.255.255, true",
            "10.0.0.0/8, 11.0.0.0/23, false",
            "10.129.0.0/23, 10.0.0.0/8, false",
            "172.16.0.0/12, 172.31.255.0/24, true",
            "172.16.0.0/12, 172.32.0.0/24, false",
            "0.0.0.0/0, 203.0.113.7, true",
            "2001:db8::/32, 2001:db8:1200::/48, true",
            "2001:db8::/32, 2001:db9::/48, false",
            "0.0.0.0/0, 2001:db8::/32, false",
            "::/0, 10.0.0.0/8, false"})
    void containsRangesOfItsOwnFamilyWithinItsPrefix(String range, String other, boolean contained) {
        assertThat(Cidr.parse(range).orElseThrow().contains(Cidr.parse(other).orElseThrow())).isEqualTo(contained);
    }
}
