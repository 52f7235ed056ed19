package dev.apigeegke.cli.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.Map;
import java.util.regex.Pattern;
import java.util.zip.ZipInputStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.GenerationMode;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.statistics.Statistics;

/**
 * Stack files that look odd but are valid, previewed with {@code --out}: the preview succeeds (exit 0) and keeps
 * what it was given; a secret, whatever characters it holds, appears in no output in any encoding.
 */
class OddButValidStackTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper YAML = new YAMLMapper();
    private static final Pattern BASE64_TOKEN = Pattern.compile("[A-Za-z0-9+/_-]{16,}={0,2}");
    /** The most secret keys a pattern reads (patterns 2 and 3: the provider's two and the gateway's key and secret). */
    private static final int MOST_SECRETS = 4;

    @Provide
    Arbitrary<String> patterns() {
        return Arbitraries.of(StackKeys.P1, StackKeys.P2, StackKeys.P3);
    }

    @Property(tries = 5, generation = GenerationMode.RANDOMIZED, shrinking = ShrinkingMode.BOUNDED)
    void acceptsHundredsOfMixedIpv4AndIpv6AllowlistRanges(@ForAll("patterns") String pattern,
                                                          @ForAll("allowlists") List<String> ranges) throws IOException {
        Statistics.label("IPv6 ranges").collect(ranges.stream().filter(r -> r.contains(":")).count() / 25 * 25 + "+");
        var config = Stacks.base(pattern);
        config.put("apigee-gke:allowlist", ranges);
        var stack = Stacks.file(pattern, config, List.of(), ranges.size() + " allowlist ranges");
        try (var run = PreviewRun.of(stack)) {
            assertThat(run.code()).as("%s\nprinted:\n%s", stack, run.printed()).isZero();
            String plan = Files.readString(run.outDir().resolve("plan.json"));
            // Each range reaches the Cloud Armor policy: none dropped when the rules are split.
            assertThat(ranges).as("ranges in plan.json").allMatch(r -> plan.contains("\"" + r + "\""));
        }
    }

    @Property(tries = 5, generation = GenerationMode.RANDOMIZED, shrinking = ShrinkingMode.BOUNDED)
    void acceptsNamesAtTheirLengthLimits(@ForAll("patterns") String pattern, @ForAll("maximalNames") Map<String, Object> names) {
        var config = Stacks.base(pattern);
        config.putAll(names);
        var stack = Stacks.file(pattern, config, List.of(), "names at their limits");
        try (var run = PreviewRun.of(stack)) {
            assertThat(run.code()).as("%s\nprinted:\n%s", stack, run.printed()).isZero();
            assertThat(run.out()).as("the cluster is named after the prefix").contains((String) names.get("apigee-gke:prefix"));
        }
    }

    @Property(tries = 6, generation = GenerationMode.RANDOMIZED, shrinking = ShrinkingMode.BOUNDED)
    void writesNoSecretInAnyEncoding(@ForAll("patterns") String pattern, @ForAll("secrets") List<String> secrets) throws IOException {
        var keys = StackKeys.of(pattern).stream().filter(k -> k.kind() == StackKeys.Kind.SECRET).map(Key::name).toList();
        Statistics.label("secret keys").collect(keys.size());
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

    @Provide
    Arbitrary<List<String>> allowlists() {
        var ipv4 = Combinators.combine(Arbitraries.integers().between(1, 223), Arbitraries.integers(), Arbitraries.integers().between(8, 32))
                .as((first, rest, prefix) -> range(ByteArrayOf.ipv4(first, rest), prefix));
        var ipv6 = Combinators.combine(Arbitraries.longs(), Arbitraries.longs(), Arbitraries.integers().between(16, 128))
                .as((high, low, prefix) -> range(ByteArrayOf.ipv6(0x2001_0db8L << 32 | (high & 0xFFFF_FFFFL), low), prefix));
        return Arbitraries.oneOf(ipv4, ipv6).list().ofMinSize(100).ofMaxSize(150).uniqueElements()
                .filter(list -> list.stream().anyMatch(r -> r.contains(":")) && list.stream().anyMatch(r -> !r.contains(":")));
    }

    @Provide
    Arbitrary<Map<String, Object>> maximalNames() {
        return Combinators.combine(name(24), name(63), name(63)).as((prefix, org, env) -> {
            var names = new LinkedHashMap<String, Object>();
            names.put("apigee-gke:prefix", prefix);
            names.put("apigee:organization", org);
            names.put("apigee-gke:apigeeEnvironments", List.of(env));
            return names;
        });
    }

    @Provide
    Arbitrary<List<String>> secrets() {
        var odd = Arbitraries.of("\"", "'", "\n", "$", "${HOME}", "`", "`id`", "\\", "\\n", "\u00FC", "\u4E2D", "\uD83D\uDD11", "\r\n", "\t", ": ", "#");
        var core = Arbitraries.strings().alpha().numeric().ofLength(12);
        var secret = Combinators.combine(core, odd.list().ofMinSize(1).ofMaxSize(4), core).as((a, specials, b) -> a + String.join("", specials) + b);
        return secret.list().ofSize(MOST_SECRETS).uniqueElements();
    }

    /** A DNS label of exactly {@code length} characters: a letter, then letters, digits and '-', ending with a letter. */
    private static Arbitrary<String> name(int length) {
        var inner = Arbitraries.strings().withCharRange('a', 'z').withCharRange('0', '9').withChars('-').ofLength(length - 2);
        return Combinators.combine(Arbitraries.chars().range('a', 'z'), inner, Arbitraries.chars().range('a', 'z'))
                .as((first, middle, last) -> first + middle + last);
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
