package dev.apigeegke.internal.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CidrTest {
    private static final String HOST_NAME = "a host name, not an address: a range is matched against a client's address and "
            + "never looks a name up; give the range of its addresses, e.g. 203.0.113.0/24";
    private static final String MAPPED = "Cloud Armor and GKE match an IPv4 client by its IPv4 address, never a mapped one; ";

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
    @CsvSource(delimiter = '|', value = {
        "10.0.0.0/33 | the prefix length 33 is above 32, the length of an IPv4 address",
        "10.0.0.0/4294967328 | the prefix length 4294967328 is above 32, the length of an IPv4 address",
        "2001:db8::/129 | the prefix length 129 is above 128, the length of an IPv6 address",
        "10.0.0.0/-1 | the prefix length after '/' must be a whole number from 0 to 32",
        "10.0.0.0/abc | the prefix length after '/' must be a whole number from 0 to 32",
        "10.0.0.0/+8 | the prefix length after '/' must be a whole number from 0 to 32",
        "'10.0.0.0/ 8' | the prefix length after '/' must be a whole number from 0 to 32",
        "2001:db8::/x | the prefix length after '/' must be a whole number from 0 to 128",
        "10.0.0.0/08 | the prefix length 08 has a leading zero: write /8",
        "2001:db8::/032 | the prefix length 032 has a leading zero: write /32",
        "10.0.0.0/ | nothing after '/': give the prefix length, 0 to 32, or drop the '/' for the single address",
        "/24 | no address before '/'; give a CIDR such as 203.0.113.0/24 or 2001:db8::/32",
    })
    void namesWhatIsWrongWithThePrefixLength(String text, String problem) {
        assertThat(Cidr.problem(text)).isEqualTo(problem);
        assertThat(Cidr.parse(text)).isEmpty();
    }

    @Test
    void rejectsMoreThanOneSlash() {
        assertThat(Cidr.problem("10.0.0.0/8/8")).isEqualTo("a range has one '/': address/prefix, e.g. 203.0.113.0/24");
    }

    @ParameterizedTest
    @ValueSource(strings = {"localhost", "example.com", "metadata.google.internal", "localhost/32", "example.com/24", "cafe",
        "api.example.com.", "Proxy-Subnet"})
    void rejectsHostNamesSayingARangeNeverLooksANameUp(String text) {
        assertThat(Cidr.problem(text)).isEqualTo(HOST_NAME);
        assertThat(Cidr.parse(text)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.0.0.0 8", "10,0,0,0/8", "2001:db8::g/32", "10.0.0.0-10.0.0.255", "@/8"})
    void rejectsAnythingElseThatIsNotAnIpLiteral(String text) {
        assertThat(Cidr.problem(text)).isEqualTo("not an IPv4 or IPv6 address; give a CIDR such as 203.0.113.0/24 or 2001:db8::/32");
    }

    @Test
    void neverResolvesAHostNameEvenOneThatWouldResolve() {
        // "localhost" resolves on every machine; accepting it would mean a lookup decided the range.
        assertThat(Cidr.parse("localhost")).isEmpty();
        assertThat(Cidr.parse("localhost/8")).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "010.0.0.0/8 | the number 010 has a leading zero, which some tools read as octal: write the address as 10.0.0.0",
        "10.00.0.0/16 | the number 00 has a leading zero, which some tools read as octal: write the address as 10.0.0.0",
        "192.168.001.0/24 | the number 001 has a leading zero, which some tools read as octal: write the address as 192.168.1.0",
        "1.2.3.04 | the number 04 has a leading zero, which some tools read as octal: write the address as 1.2.3.4",
        "256.0.0.0/8 | the number 256 is above 255: each of an IPv4 address's four numbers is from 0 to 255",
        "1.2.3.4444 | the number 4444 is above 255: each of an IPv4 address's four numbers is from 0 to 255",
        "300.1.1.0/24 | the number 300 is above 255: each of an IPv4 address's four numbers is from 0 to 255",
        "1.2.3/24 | an IPv4 address has four numbers from 0 to 255 separated by '.', e.g. 203.0.113.0; this has 3",
        "1.2.3.4.5 | an IPv4 address has four numbers from 0 to 255 separated by '.', e.g. 203.0.113.0; this has 5",
        "1.2..4 | an IPv4 address has four numbers from 0 to 255 separated by '.', e.g. 203.0.113.0; this has 3",
        "10 | an IPv4 address has four numbers from 0 to 255 separated by '.', e.g. 203.0.113.0; this has 1",
    })
    void namesWhatIsWrongWithAnIpv4AddressLeadingZerosLargeOrMissingNumbers(String text, String problem) {
        assertThat(Cidr.problem(text)).isEqualTo(problem);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dead:beef:cafe", "2001:db8:::1/64", "1:2:3:4:5:6:7:8:9", "2001:db8::12345/64", "::1::"})
    void rejectsMalformedIpv6Addresses(String text) {
        assertThat(Cidr.problem(text)).isEqualTo("not an IPv6 address: up to eight groups of 1 to 4 hex digits separated by ':', "
                + "with '::' once for a run of zero groups, e.g. 2001:db8::/32");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "::ffff:10.0.0.0/104 | an IPv4-mapped IPv6 range: " + MAPPED + "write it as 10.0.0.0/8",
        "::ffff:a00:0/104 | an IPv4-mapped IPv6 range: " + MAPPED + "write it as 10.0.0.0/8",
        "::FFFF:203.0.113.0/120 | an IPv4-mapped IPv6 range: " + MAPPED + "write it as 203.0.113.0/24",
        "::ffff:203.0.113.7/120 | an IPv4-mapped IPv6 range: " + MAPPED + "write it as 203.0.113.0/24",
        "::ffff:0.0.0.0/96 | an IPv4-mapped IPv6 range: " + MAPPED + "write it as 0.0.0.0/0",
        "::ffff:203.0.113.7 | an IPv4-mapped IPv6 address: " + MAPPED + "write it as 203.0.113.7",
        "::ffff:203.0.113.7/128 | an IPv4-mapped IPv6 address: " + MAPPED + "write it as 203.0.113.7",
        "::ffff:0:0/80 | an IPv4-mapped IPv6 range: " + MAPPED + "a prefix shorter than /96 reaches beyond the mapped block "
                + "::ffff:0:0/96: list the IPv4 range and the IPv6 range you mean separately",
    })
    void rejectsIpv4MappedRangesNamingTheIpv4RangeToWrite(String text, String problem) {
        assertThat(Cidr.problem(text)).isEqualTo(problem);
        assertThat(Cidr.parse(text)).isEmpty();
    }

    @Test
    void acceptsIpv4CompatibleAndOtherIpv6FormsThatAreNotMapped() {
        assertThat(Cidr.parse("::a00:0/104")).hasValueSatisfying(c -> assertThat(c.ipv6()).isTrue());
        assertThat(Cidr.problem("2001:0db8:0000:0000:0000:0000:0000:0000/32")).isNull();
        assertThat(Cidr.problem("64:ff9b::/96")).as("NAT64, an IPv6 range in its own right").isNull();
        assertThat(Cidr.problem("64:ff9b::203.0.113.0/120")).isNull();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "fe80::1%eth0 | a zone index ('%eth0') names a network interface of one machine, which no range can match: remove it",
        "fe80::%2/64 | a zone index ('%2') names a network interface of one machine, which no range can match: remove it",
    })
    void rejectsAZoneIndex(String text, String problem) {
        assertThat(Cidr.problem(text)).isEqualTo(problem);
    }

    @ParameterizedTest
    @ValueSource(strings = {"[::1]", "[2001:db8::]/32", "[2001:db8::/32]"})
    void rejectsBracketsThatBelongInUrls(String text) {
        assertThat(Cidr.problem(text)).isEqualTo("remove the brackets: they enclose an IPv6 address in a URL, a range is written "
                + "without them, e.g. 2001:db8::/32");
    }

    @Test
    void rejectsTheWildcardThatWouldAdmitEverySource() {
        assertThat(Cidr.problem("*")).isEqualTo("'*' is every source, which an allowlist would admit: list the ranges to admit "
                + "(0.0.0.0/0 and ::/0 for a public API)");
    }

    @Test
    void acceptsAHundredAndTwentyMixedRangesAtEveryPrefixLength() {
        var ranges = new ArrayList<String>();
        for (int prefix = 0; prefix <= 32; prefix++) {
            ranges.add(network4(prefix));
        }
        for (int prefix = 0; prefix <= 128; prefix += 2) {
            ranges.add(network6(prefix));
        }
        ranges.addAll(List.of("203.0.113.7", "2001:db8::7", "::", "::1", "0.0.0.0", "::a00:1", "2001:DB8::/32",
                "2001:0db8:85a3:0000:0000:8a2e:0370:7334", "fe80::/10", "ff00::/8", "100.64.0.0/10", "192.0.2.0/24",
                "2001:db8:0:0:1:0:0:1", "2001:db8::1:0:0:1/128", "0:0:0:0:0:0:0:0/0", "198.51.100.0/24", "64:ff9b::/96",
                "fc00::/7", "2002::/16", "240.0.0.0/4", "224.0.0.0/4"));
        assertThat(ranges).hasSizeGreaterThanOrEqualTo(100);
        assertThat(ranges).allSatisfy(r -> assertThat(Cidr.problem(r)).as(r).isNull());
    }

    /** The network of 255.255.255.255 at {@code prefix}: every network bit set, so every prefix is exercised. */
    private static String network4(int prefix) {
        long value = prefix == 0 ? 0 : (0xFFFFFFFFL << (32 - prefix)) & 0xFFFFFFFFL;
        return (value >> 24) + "." + ((value >> 16) & 255) + "." + ((value >> 8) & 255) + "." + (value & 255) + "/" + prefix;
    }

    /** The network of ffff:...:ffff at {@code prefix}, written in full. */
    private static String network6(int prefix) {
        var groups = new ArrayList<String>();
        for (int g = 0; g < 8; g++) {
            int bits = Math.max(0, Math.min(16, prefix - 16 * g));
            groups.add(Integer.toHexString(bits == 0 ? 0 : (0xFFFF << (16 - bits)) & 0xFFFF));
        }
        return String.join(":", groups) + "/" + prefix;
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
