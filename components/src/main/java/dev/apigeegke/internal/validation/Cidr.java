package dev.apigeegke.internal.validation;

import com.google.common.net.InetAddresses;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
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
    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
    private static final Pattern IPV6_CHARS = Pattern.compile("[0-9a-fA-F:.]+");

    /**
     * Parses {@code text}; an empty result carries no detail, {@link #problem(String)} says what is wrong.
     */
    public static Optional<Cidr> parse(String text) {
        return problem(text) == null ? Optional.of(build(text)) : Optional.empty();
    }

    /** What is wrong with {@code text} as a range, or {@code null} when it is valid. */
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
        byte[] address = literal(parts[0]);
        if (address == null) {
            return "not an IPv4 or IPv6 address; give a CIDR such as 203.0.113.0/24 or 2001:db8::/32 (host names are not accepted)";
        }
        int bits = address.length * 8;
        if (parts.length == 1) {
            return null;
        }
        int prefix;
        try {
            prefix = Integer.parseInt(parts[1]);
        } catch (NumberFormatException e) {
            return "the prefix length after '/' must be a number from 0 to " + bits;
        }
        if (prefix < 0 || prefix > bits || !parts[1].equals(Integer.toString(prefix))) {
            return "the prefix length after '/' must be a number from 0 to " + bits;
        }
        BigInteger value = new BigInteger(1, address);
        BigInteger hostMask = BigInteger.ONE.shiftLeft(bits - prefix).subtract(BigInteger.ONE);
        if (!value.and(hostMask).equals(BigInteger.ZERO)) {
            BigInteger network = value.andNot(hostMask);
            return "host bits are set; write the range as " + canonical(network, address.length) + "/" + prefix;
        }
        return null;
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

    /** The address bytes of an IP literal; null when not a literal. Never looks a name up. */
    private static byte[] literal(String s) {
        if (!IPV4.matcher(s).matches() && !(s.contains(":") && IPV6_CHARS.matcher(s).matches())) {
            return null;
        }
        if (IPV4.matcher(s).matches()) {
            for (String octet : s.split("\\.")) {
                if (octet.length() > 1 && octet.startsWith("0")) {
                    return null;
                }
            }
        }
        if (!InetAddresses.isInetAddress(s)) {
            return null;
        }
        byte[] b = InetAddresses.forString(s).getAddress();
        // An IPv4-mapped IPv6 literal comes back as IPv4: not a form Cloud Armor documents.
        return (s.contains(":") && b.length == 4) ? null : b;
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
