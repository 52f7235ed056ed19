package dev.apigeegke.cli.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.google.common.net.InetAddresses;
import dev.apigeegke.cli.fuzz.StackKeys.Key;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.quicktheories.core.Gen;

/**
 * Stack files that look odd but are valid, previewed with {@code --out}: the preview succeeds (exit 0) and keeps
 * what it was given; a secret, whatever characters it holds, appears in no output in any encoding. QuickTheories
 * theories of 5 or 6 examples each, run and shrunk as {@link Fuzz} says (the seed: {@code -Dfuzz.seed}).
 */
class OddButValidStackTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper YAML = new YAMLMapper();
    private static final Pattern BASE64_TOKEN = Pattern.compile("[A-Za-z0-9+/_-]{16,}={0,2}");
    /** The most secret keys a pattern reads (patterns 2 and 3: the provider's two and the gateway's key and secret). */
    private static final int MOST_SECRETS = 4;
    private static final int DRAWN_RANGES = 200;
    private static final String LETTERS = "abcdefghijklmnopqrstuvwxyz";
    private static final String DIGITS = "0123456789";
    private static final String ALPHANUMERIC = LETTERS + LETTERS.toUpperCase(Locale.ROOT) + DIGITS;

    private static final Gen<String> PATTERNS = Fuzz.pick(List.of(StackKeys.P1, StackKeys.P2, StackKeys.P3));

    @Test
    void acceptsHundredsOfMixedIpv4AndIpv6AllowlistRanges(TestInfo test) {
        try (var counts = new Counts(test)) {
            Fuzz.qt(5).forAll(PATTERNS, allowlists()).checkAssert((pattern, ranges) -> counts.run(() -> {
                var config = Stacks.base(pattern);
                config.put("apigee-gke:allowlist", ranges);
                var stack = Stacks.file(pattern, config, List.of(), ranges.size() + " allowlist ranges");
                try (var run = PreviewRun.of(stack)) {
                    assertThat(run.code()).as("%s\nprinted:\n%s", stack, run.printed()).isZero();
                    String plan = Files.readString(run.outDir().resolve("plan.json"));
                    // Each range reaches the Cloud Armor policy: none dropped when the rules are split.
                    assertThat(ranges).as("ranges in plan.json").allMatch(r -> plan.contains("\"" + r + "\""));
                }
            }, "pattern", pattern, "IPv6 ranges", ranges.stream().filter(r -> r.contains(":")).count() / 25 * 25 + "+"));
        }
    }

    @Test
    void acceptsNamesAtTheirLengthLimits(TestInfo test) {
        try (var counts = new Counts(test)) {
            Fuzz.qt(5).forAll(PATTERNS, maximalNames()).checkAssert((pattern, names) -> counts.run(() -> {
                var config = Stacks.base(pattern);
                config.putAll(names);
                var edgePair = (List<?>) config.remove(EDGE_HOST_PAIR);
                if (pattern.equals(StackKeys.P1)) {
                    // Pattern 1 on Edge otherwise serves on <org>-<env>.apigee.net, one DNS label, which two names at
                    // their limits overflow (63 characters at most): such a stack has to name its host.
                    config.put("apigee-gke:apigeeHostname", "api.example.com");
                } else {
                    // Patterns 2 and 3 have no host to name: their proxies on Edge serve on <org>-<env>.apigee.net.
                    config.put("apigee:organization", edgePair.get(0));
                    config.put("apigee-gke:apigeeEnvironments", List.of(edgePair.get(1)));
                }
                if (pattern.equals(StackKeys.P2)) {
                    // Pattern 2's BackendConfig is named <prefix>-ingress-<prefix>-gateway-lb: at most 63 with 21.
                    config.put("apigee-gke:prefix", edgePair.get(2));
                }
                var stack = Stacks.file(pattern, config, List.of(), "names at their limits");
                try (var run = PreviewRun.of(stack)) {
                    assertThat(run.code()).as("%s\nprinted:\n%s", stack, run.printed()).isZero();
                    assertThat(run.out()).as("the cluster is named after the prefix").contains((String) config.get("apigee-gke:prefix"));
                }
            }, "pattern", pattern));
        }
    }

    @Test
    void writesNoSecretInAnyEncoding(TestInfo test) {
        try (var counts = new Counts(test)) {
            Fuzz.qt(6).forAll(PATTERNS, secrets()).checkAssert((pattern, secrets) -> counts.run(() -> writesNoSecret(pattern, secrets),
                    "pattern", pattern, "secret keys", secretKeys(pattern).size()));
        }
    }

    private static List<String> secretKeys(String pattern) {
        return StackKeys.of(pattern).stream().filter(k -> k.kind() == StackKeys.Kind.SECRET).map(Key::name).toList();
    }

    private static void writesNoSecret(String pattern, List<String> secrets) throws IOException {
        var keys = secretKeys(pattern);
        var config = Stacks.base(pattern);
        var given = new LinkedHashMap<String, String>();
        for (int i = 0; i < keys.size(); i++) {
            given.put(keys.get(i), secrets.get(i));
        }
        config.putAll(given);
        var stack = Stacks.file(pattern, config, List.of(), "secrets given in clear in the --config file");
        try (var run = PreviewRun.of(stack)) {
            assertThat(run.code()).as("%s\nprinted:\n%s", stack, run.printed()).isZero();
            var outputs = new LinkedHashMap<String, String>();
            outputs.put("stdout", run.out());
            outputs.put("stderr", run.err());
            for (Path file : run.written()) {
                readInto(outputs, run.outDir().relativize(file).toString(), Files.readAllBytes(file));
            }
            assertThat(outputs).as("--out wrote files").hasSizeGreaterThan(2);
            for (var secret : given.entrySet()) {
                var encodings = encodings(secret.getValue());
                for (var output : outputs.entrySet()) {
                    assertThat(encodings).as("%s's value (or an encoding of it) in %s", secret.getKey(), output.getKey())
                            .noneMatch(output.getValue()::contains);
                }
            }
        }
    }

    /**
     * 100 to 150 distinct ranges, IPv4 and IPv6 both among them: the first of 200 generated ranges that are not one
     * already taken (many short IPv6 prefixes of 2001:db8:: are the same range); a draw without enough is drawn again.
     */
    private static Gen<List<String>> allowlists() {
        var ipv4 = integers().between(1, 223).zip(integers().all(), integers().between(8, 32),
                (first, rest, prefix) -> range(ByteArrayOf.ipv4(first, rest), prefix));
        var ipv6 = longs().all().zip(longs().all(), integers().between(16, 128),
                (high, low, prefix) -> range(ByteArrayOf.ipv6(0x2001_0db8L << 32 | (high & 0xFFFF_FFFFL), low), prefix));
        return integers().between(100, 150).zip(lists().of(Fuzz.oneOf(ipv4, ipv6)).ofSize(DRAWN_RANGES),
                        (size, drawn) -> drawn.stream().distinct().limit(size).toList())
                .assuming(list -> list.size() >= 100 && list.stream().anyMatch(r -> r.contains(":")) && list.stream().anyMatch(r -> !r.contains(":")));
    }

    /**
     * The prefix at its limit and an organization and environment at theirs (63 characters each); with the shorter
     * pair under {@link #EDGE_HOST_PAIR} too, for the patterns that serve on Edge's {@code <org>-<env>.apigee.net}.
     */
    private static Gen<Map<String, Object>> maximalNames() {
        return name(24).zip(name(63), name(63), name(31).zip(name(31), name(21), List::of), (prefix, org, env, edgePair) -> {
            var names = new LinkedHashMap<String, Object>();
            names.put("apigee-gke:prefix", prefix);
            names.put("apigee:organization", org);
            names.put("apigee-gke:apigeeEnvironments", List.of(env));
            names.put(EDGE_HOST_PAIR, edgePair);
            return names;
        });
    }

    /** Not a stack key: the longest organization and environment whose Edge host label fits DNS's 63 (31 + '-' + 31). */
    private static final String EDGE_HOST_PAIR = "edge host pair";

    /** {@value #MOST_SECRETS} distinct secrets, each two alphanumeric runs around one to four odd characters. */
    private static Gen<List<String>> secrets() {
        var odd = Fuzz.pick(List.of("\"", "'", "\n", "$", "${HOME}", "`", "`id`", "\\", "\\n", "\u00FC", "\u4E2D", "\uD83D\uDD11", "\r\n", "\t", ": ", "#"));
        var core = of(ALPHANUMERIC, 12);
        var secret = core.zip(lists().of(odd).ofSizeBetween(1, 4), core, (a, specials, b) -> a + String.join("", specials) + b);
        return lists().of(secret).ofSize(MOST_SECRETS).assuming(list -> list.stream().distinct().count() == list.size());
    }

    /** A DNS label of exactly {@code length} characters: a letter, then letters, digits and '-', ending with a letter. */
    private static Gen<String> name(int length) {
        var letter = of(LETTERS, 1);
        return letter.zip(of(LETTERS + DIGITS + "-", length - 2), letter, (first, middle, last) -> first + middle + last);
    }

    /** {@code length} characters, each one of {@code characters}. */
    private static Gen<String> of(String characters, int length) {
        var character = Fuzz.pick(characters.chars().mapToObj(c -> String.valueOf((char) c)).toList());
        return lists().of(character).ofSize(length).map(chars -> String.join("", chars));
    }

    /** The canonical text of the range of {@code address} with {@code prefix} bits: host bits cleared, RFC 5952 form. */
    private static String range(byte[] address, int prefix) {
        int bits = address.length * 8;
        var value = new BigInteger(1, address).shiftRight(bits - prefix).shiftLeft(bits - prefix);
        byte[] raw = value.toByteArray();
        byte[] bytes = new byte[address.length];
        int copy = Math.min(raw.length, bytes.length);
        System.arraycopy(raw, raw.length - copy, bytes, bytes.length - copy, copy);
        try {
            return InetAddresses.toAddrString(InetAddress.getByAddress(bytes)) + "/" + prefix;
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The secret as it could appear: raw, JSON- and YAML-escaped, and base64 (standard and URL-safe). */
    private static List<String> encodings(String secret) throws IOException {
        byte[] utf8 = secret.getBytes(StandardCharsets.UTF_8);
        String json = JSON.writeValueAsString(secret);
        String yaml = YAML.writeValueAsString(secret).replaceFirst("^---\\s*", "").strip();
        return List.of(secret, json.substring(1, json.length() - 1), yaml.startsWith("\"") ? yaml.substring(1, yaml.length() - 1) : yaml,
                Base64.getEncoder().encodeToString(utf8), Base64.getUrlEncoder().withoutPadding().encodeToString(utf8));
    }

    /** Adds {@code bytes} as text under {@code name}, the entries of a zip one by one, and every base64 token decoded. */
    private static void readInto(Map<String, String> outputs, String name, byte[] bytes) throws IOException {
        if (name.endsWith(".zip")) {
            try (var zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
                for (var entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                    readInto(outputs, name + "!" + entry.getName(), zip.readAllBytes());
                }
            }
            return;
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        outputs.put(name, text);
        var decoded = new StringBuilder();
        var tokens = BASE64_TOKEN.matcher(text);
        while (tokens.find()) {
            String token = tokens.group();
            for (var decoder : List.of(Base64.getDecoder(), Base64.getUrlDecoder())) {
                try {
                    decoded.append(new String(decoder.decode(token), StandardCharsets.UTF_8)).append('\n');
                } catch (IllegalArgumentException notBase64) {
                    // Not base64 in this alphabet: nothing hidden in it.
                }
            }
        }
        outputs.put(name + " (base64 decoded)", decoded.toString());
    }

    /** Addresses from generated numbers. */
    private static final class ByteArrayOf {
        static byte[] ipv4(int first, int rest) {
            return new byte[] {(byte) first, (byte) (rest >>> 16), (byte) (rest >>> 8), (byte) rest};
        }

        static byte[] ipv6(long high, long low) {
            var b = java.nio.ByteBuffer.allocate(16);
            b.putLong(high).putLong(low);
            return b.array();
        }
    }
}
