package dev.apigeegke.internal.validation;

import com.google.common.net.InetAddresses;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An IPv4 or IPv6 address range as Cloud Armor takes it in {@code srcIpRanges}: {@code a.b.c.d/n},
 * {@code x:y::/n}, or a single address.
 *
 * @param text   the range as given
 * @param ipv6   whether it is an IPv6 range
 * @param prefix the prefix length (32 or 128 for a single address)
 */
public record Cidr(String text, boolean ipv6, int prefix) {
    /** Digits and dots only: meant as IPv4, so the reasons it is not one can be told exactly. */
    private static final Pattern DOTTED = Pattern.compile("[0-9.]+");
    private static final Pattern IPV6_CHARS = Pattern.compile("[0-9a-fA-F:.]+");
    private static final Pattern HOST_NAME = Pattern.compile("(?=.*[A-Za-z])[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*\\.?");

    /**
     * Parses {@code text}; an empty result carries no detail, {@link #problem(String)} says what is wrong.
     */
    public static Optional<Cidr> parse(String text) {
        return problem(text) == null ? Optional.of(build(text)) : Optional.empty();
    }

    /**
     * What is wrong with {@code text} as a range, or {@code null} when it is valid. Each rejection names its reason:
     * an empty value, spaces, a host name, a zone index, brackets, an octet above 255 or with a leading zero, an
     * IPv4-mapped IPv6 range (with the IPv4 range to write instead), a prefix length that is missing, not a number,
     * written with a leading zero or out of range, or host bits set (with the network to write instead).
     */
    public static String problem(String text) {
        if (text == null || text.isBlank()) {
            return "an empty range; give an IPv4 or IPv6 CIDR such as 203.0.113.0/24 or 2001:db8::/32";
        }
        if (!text.equals(text.strip())) {
            return "remove the surrounding spaces";
        }
        String[] parts = text.split("/", -1);
        if (parts.length > 2) {
            return "a range has one '/': address/prefix, e.g. 203.0.113.0/24";
        }
        String addressProblem = addressProblem(parts[0]);
        if (addressProblem != null) {
            return addressProblem;
        }
        byte[] address = InetAddresses.forString(parts[0]).getAddress();
        int bits = address.length * 8;
        if (parts.length == 1) {
            return mapped(parts[0], address) ? mappedProblem(address, 128) : null;
        }
        String prefixProblem = prefixProblem(parts[1], mapped(parts[0], address) ? 128 : bits);
        if (prefixProblem != null) {
            return prefixProblem;
        }
        int prefix = Integer.parseInt(parts[1]);
        if (mapped(parts[0], address)) {
            return mappedProblem(address, prefix);
        }
        BigInteger value = new BigInteger(1, address);
        BigInteger hostMask = BigInteger.ONE.shiftLeft(bits - prefix).subtract(BigInteger.ONE);
        if (!value.and(hostMask).equals(BigInteger.ZERO)) {
            BigInteger network = value.andNot(hostMask);
            return "host bits are set; write the range as " + canonical(network, address.length) + "/" + prefix;
        }
        return null;
    }

    /** What keeps {@code s} from being an IPv4 or IPv6 literal, or null when it is one (mapped forms included). */
    private static String addressProblem(String s) {
        if (s.isEmpty()) {
            return "no address before '/'; give a CIDR such as 203.0.113.0/24 or 2001:db8::/32";
        }
        if (s.startsWith("[") || s.endsWith("]")) {
            return "remove the brackets: they enclose an IPv6 address in a URL, a range is written without them, e.g. 2001:db8::/32";
        }
        if (s.equals("*")) {
            return "'*' is every source, which an allowlist would admit: list the ranges to admit (0.0.0.0/0 and ::/0 "
                    + "for a public API)";
        }
        int zone = s.indexOf('%');
        if (zone >= 0) {
            return "a zone index ('" + s.substring(zone) + "') names a network interface of one machine, which no range "
                    + "can match: remove it";
        }
        if (DOTTED.matcher(s).matches()) {
            return ipv4Problem(s);
        }
        if (s.contains(":") && IPV6_CHARS.matcher(s).matches()) {
            return InetAddresses.isInetAddress(s) ? null
                    : "not an IPv6 address: up to eight groups of 1 to 4 hex digits separated by ':', with '::' once for a run "
                            + "of zero groups, e.g. 2001:db8::/32";
        }
        if (HOST_NAME.matcher(s).matches()) {
            return "a host name, not an address: a range is matched against a client's address and never looks a name up; "
                    + "give the range of its addresses, e.g. 203.0.113.0/24";
        }
        return "not an IPv4 or IPv6 address; give a CIDR such as 203.0.113.0/24 or 2001:db8::/32";
    }

    private static String ipv4Problem(String s) {
        String[] octets = s.split("\\.", -1);
        if (octets.length != 4 || Arrays.stream(octets).anyMatch(String::isEmpty)) {
            return "an IPv4 address has four numbers from 0 to 255 separated by '.', e.g. 203.0.113.0; this has "
                    + Arrays.stream(octets).filter(o -> !o.isEmpty()).count();
        }
        for (String octet : octets) {
            if (octet.length() > 3 || Integer.parseInt(octet) > 255) {
                return "the number " + octet + " is above 255: each of an IPv4 address's four numbers is from 0 to 255";
            }
        }
        for (String octet : octets) {
            if (octet.length() > 1 && octet.startsWith("0")) {
                String plain = String.join(".", Arrays.stream(octets).map(o -> Integer.toString(Integer.parseInt(o))).toList());
                return "the number " + octet + " has a leading zero, which some tools read as octal: write the address as " + plain;
            }
        }
        return null;
    }

    private static String prefixProblem(String prefix, int bits) {
        if (prefix.isEmpty()) {
            return "nothing after '/': give the prefix length, 0 to " + bits + ", or drop the '/' for the single address";
        }
        if (!prefix.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return "the prefix length after '/' must be a whole number from 0 to " + bits;
        }
        if (prefix.length() > 1 && prefix.startsWith("0")) {
            return "the prefix length " + prefix + " has a leading zero: write /" + new BigInteger(prefix);
        }
        if (prefix.length() > 3 || Integer.parseInt(prefix) > bits) {
            return "the prefix length " + prefix + " is above " + bits + ", the length of an " + (bits == 32 ? "IPv4" : "IPv6")
                    + " address";
        }
        return null;
    }

    /** An IPv6 literal of the IPv4-mapped block ::ffff:0:0/96, which the parser hands back as an IPv4 address. */
    private static boolean mapped(String s, byte[] address) {
        return s.contains(":") && address.length == 4;
    }

    /**
     * Cloud Armor documents IPv4 and IPv6 ranges; an IPv4 client reaches it over IPv4 and is matched by its IPv4
     * address, so a mapped range would admit no one. The same addresses written as IPv4 do what was meant.
     */
    private static String mappedProblem(byte[] ipv4, int prefix) {
        String what = "an IPv4-mapped IPv6 " + (prefix == 128 ? "address" : "range")
                + ": Cloud Armor and GKE match an IPv4 client by its IPv4 address, never a mapped one; ";
        if (prefix < 96) {
            return what + "a prefix shorter than /96 reaches beyond the mapped block ::ffff:0:0/96: list the IPv4 range "
                    + "and the IPv6 range you mean separately";
        }
        int v4 = prefix - 96;
        BigInteger value = new BigInteger(1, ipv4);
        BigInteger hostMask = BigInteger.ONE.shiftLeft(32 - v4).subtract(BigInteger.ONE);
        String network = canonical(value.andNot(hostMask), 4);
        return what + "write it as " + network + (v4 == 32 ? "" : "/" + v4);
    }

    /** Whether every address of {@code other} lies in this range; ranges of different families never do. */
    public boolean contains(Cidr other) {
        if (other == null || ipv6 != other.ipv6 || other.prefix < prefix) {
            return false;
        }
        int bits = ipv6 ? 128 : 32;
        BigInteger hostMask = BigInteger.ONE.shiftLeft(bits - prefix).subtract(BigInteger.ONE);
        return address().andNot(hostMask).equals(other.address().andNot(hostMask));
    }

    private BigInteger address() {
        return new BigInteger(1, literal(text.split("/", -1)[0]));
    }

    private static Cidr build(String text) {
        String[] parts = text.split("/", -1);
        byte[] address = literal(parts[0]);
        int bits = address.length * 8;
        return new Cidr(text, address.length == 16, parts.length == 1 ? bits : Integer.parseInt(parts[1]));
    }

    /** The address bytes of an IP literal that {@link #problem} accepted. Never looks a name up. */
    private static byte[] literal(String s) {
        return InetAddresses.forString(s).getAddress();
    }

    private static String canonical(BigInteger value, int length) {
        byte[] raw = value.toByteArray();
        byte[] b = new byte[length];
        int copy = Math.min(raw.length, length);
        System.arraycopy(raw, raw.length - copy, b, length - copy, copy);
        try {
            return InetAddresses.toAddrString(InetAddress.getByAddress(b));
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
