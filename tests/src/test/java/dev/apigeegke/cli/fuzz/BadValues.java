package dev.apigeegke.cli.fuzz;

import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.strings;

import dev.apigeegke.cli.fuzz.StackKeys.Key;
import dev.apigeegke.cli.fuzz.StackKeys.Kind;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import org.quicktheories.core.Gen;

/**
 * The malformed values of one stack key, by the kind of mistake a user makes. Every value made here is one that key's
 * documented rule refuses: a value that might be valid (a boolean {@code true} read as the name "true") is left out.
 */
final class BadValues {
    /** A kind of mistake. */
    enum Mistake {
        WRONG_TYPE, EMPTY, NULL, TOO_LONG, ILLEGAL_CHARACTERS, UNICODE, DUPLICATES, BOUNDARY_NUMBER, REFUSED
    }

    /**
     * One broken key.
     *
     * @param key     the key
     * @param mistake what is wrong with it
     * @param value   the value written into the stack file (null: YAML null)
     */
    record Bad(Key key, Mistake mistake, Object value) {
        @Override
        public String toString() {
            return key.name() + " = " + Stacks.visible(String.valueOf(value)) + " (" + mistake + ")";
        }
    }

    /** Keys a stack cannot do without: an empty list there is a mistake, not "none". */
    private static final Set<String> REQUIRED_LISTS = Set.of("apigee-gke:allowlist", "apigee-gke:apigeeEnvironments");
    /** Keys only the Apigee provider reads: any string is a credential. */
    private static final Set<String> PROVIDER_SECRETS = Set.of("apigee:accessToken", "apigee:password");
    private static final List<String> LABEL_ILLEGAL = List.of(" ", "_", "!", "/", "#", "*", "%", ":", ",", "A", "\"", "'");
    private static final List<String> HOST_ILLEGAL = List.of(" ", "_", "!", "/", "#", "*", "%", ":", ",", "\"", "'");
    private static final List<String> EMAIL_ILLEGAL = List.of(" ", "@", "\t");
    private static final List<String> MALFORMED_CIDRS = List.of("300.1.1.1/24", "203.0.113.0/33", "2001:db8::/129",
            "203.0.113.0/", "203.0.113.0/24/8", "example.com", "203.0.113", "203.0.113.0/+24", " 203.0.113.0/24",
            "2001:db8::g/32", "010.0.0.0/8", "203.0.113.0/024", "203.0.113.0-24", "203.0.113.0/24 ");
    private static final List<String> MALFORMED_INTEGERS = List.of("12abc", "1_000", "0x10", "ten", "1,000", "1 000", "5s", "--1");
    private static final List<String> MALFORMED_BOOLEANS = List.of("yes", "no", "on", "off", "y", "truee", "t rue", "enabled");
    private static final Map<Character, Character> HOMOGLYPHS = Map.of('a', '\u0430', 'c', '\u0441', 'e', '\u0435', 'o', '\u043E',
            'p', '\u0440', 'x', '\u0445', 'i', '\u0456', 's', '\u0455', 'y', '\u0443');
    /** Zero-width space, non-joiner, joiner, byte-order mark; right-to-left override, mark, Arabic letter mark; an emoji. */
    private static final List<String> INVISIBLE = List.of("\u200B", "\u200C", "\u200D", "\uFEFF");
    private static final List<String> RTL = List.of("\u202E", "\u200F", "\u061C");
    private static final List<String> EMOJI = List.of("\uD83D\uDE80", "\uD83D\uDE00", "\u2764\uFE0F");

    private BadValues() {
    }

    /** The broken values of {@code key} with {@code mistake}; empty when no value of that kind is wrong for the key. */
    static Optional<Gen<Bad>> of(Key key, Mistake mistake) {
        return values(key, mistake).map(values -> values.map(v -> new Bad(key, mistake, notTheDefault(key, v))));
    }

    /**
     * The root Pulumi.yaml's declared defaults, as the program receives them (the CLI passes a declared default as if
     * the stack had set it, so the program reads the default's value as "unset": writing it is not a mistake).
     */
    private static final Map<String, String> DECLARED_DEFAULTS = declaredDefaults();

    private static Map<String, String> declaredDefaults() {
        try {
            var mapper = new com.fasterxml.jackson.databind.ObjectMapper(new com.fasterxml.jackson.dataformat.yaml.YAMLFactory());
            Map<?, ?> root = mapper.readValue(java.nio.file.Files.readString(dev.apigeegke.testing.Repo.root().resolve("Pulumi.yaml")), Map.class);
            var defaults = new java.util.HashMap<String, String>();
            ((Map<?, ?>) root.get("config")).forEach((k, v) -> {
                if (v instanceof Map<?, ?> declaration && declaration.containsKey("default")) {
                    Object d = declaration.get("default");
                    defaults.put(String.valueOf(k), d instanceof String text ? text : String.valueOf(d));
                }
            });
            return defaults;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** {@code value}, unless the program would read it as the key's declared default: then a blank, or -1, in its place. */
    private static Object notTheDefault(Key key, Object value) {
        String declared = DECLARED_DEFAULTS.get(key.name());
        if (declared == null) {
            return value;
        }
        String received = value == null ? "" : value instanceof List<?> l && l.isEmpty() ? "[]" : String.valueOf(value);
        if (!received.equals(declared)) {
            return value;
        }
        return key.kind() == Kind.INTEGER ? new YamlNumber("-1") : key.kind() == Kind.CIDRS || key.kind() == Kind.NAMES ? List.of(" ") : " ";
    }

    private static Optional<Gen<Object>> values(Key key, Mistake mistake) {
        // Only the Apigee provider reads its credentials, and a real program receives a list there as JSON text it
        // cannot tell from a password: the provider's own configuration check is the one that applies.
        if (PROVIDER_SECRETS.contains(key.name())) {
            return Optional.empty();
        }
        return switch (mistake) {
            case WRONG_TYPE -> Optional.of(wrongType(key));
            case EMPTY -> Optional.of(empty(key));
            case NULL -> Optional.of(Fuzz.constant(null));
            case TOO_LONG -> tooLong(key);
            case ILLEGAL_CHARACTERS -> illegal(key);
            case UNICODE -> unicode(key);
            case DUPLICATES -> duplicates(key);
            case BOUNDARY_NUMBER -> boundary(key);
            case REFUSED -> key.refused().isEmpty() ? Optional.empty() : Optional.of(Fuzz.pick(key.refused()));
        };
    }

    private static Gen<Object> wrongType(Key key) {
        Object e = key.example();
        var values = new ArrayList<Object>();
        switch (key.kind()) {
            case CIDRS, NAMES -> values.addAll(List.of(e, new YamlNumber("5"), true, Map.of("first", e), List.of(List.of(e))));
            case INTEGER -> values.addAll(List.of("many", true, List.of(e), Map.of("value", e)));
            case BOOLEAN -> values.addAll(List.of("maybe", new YamlNumber("1"), List.of(true), Map.of("value", true)));
            case OBJECT -> values.addAll(List.of("proxy-only-europe-west1", List.of("proxy-only-europe-west1", "10.129.0.0/23"),
                    new YamlNumber("5"), true));
            default -> {
                values.addAll(List.of(List.of(e, e), Map.of("value", e), List.of(List.of(e))));
                if (key.kind() != Kind.SECRET) {
                    // Every name here starts with a letter, and no host, rate, email, region or flavor is a bare number.
                    values.addAll(List.of(new YamlNumber("12345"), new YamlNumber("1.5")));
                }
                if (key.kind() != Kind.SECRET && key.kind() != Kind.NAME) {
                    values.addAll(List.of(true, false));
                }
            }
        }
        return Fuzz.pick(values);
    }

    private static Gen<Object> empty(Key key) {
        return switch (key.kind()) {
            case CIDRS, NAMES -> REQUIRED_LISTS.contains(key.name()) ? Fuzz.pick(List.of(List.of(), List.of(""))) : Fuzz.constant(List.of(""));
            case OBJECT -> Fuzz.pick(List.of(Map.of(), Map.of("name", "", "cidr", "")));
            default -> Fuzz.pick(List.of("", " "));
        };
    }

    private static Optional<Gen<Object>> tooLong(Key key) {
        int limit = key.maxLength();
        if (key.name().equals("apigee-gke:domains")) {
            // A ManagedCertificate takes at most 100 domains; and no DNS label is longer than 63 characters.
            return Optional.of(Fuzz.oneOf(
                    integers().between(101, 110).map(n -> (Object) IntStream.rangeClosed(1, n).mapToObj(i -> "d" + i + ".example.com").toList()),
                    integers().between(64, 80).map(n -> (Object) List.of("a".repeat(n) + ".example.com"))));
        }
        if (key.name().equals("apigee-gke:apigeeEnvironments")) {
            return Optional.of(label(64, 80).map(name -> (Object) List.of(name)));
        }
        if (key.kind() == Kind.RATE) {
            return Optional.of(strings().betweenCodePoints('1', '9').ofLength(1).zip(digits(10, 29), (first, rest) -> (Object) (first + rest + "ps")));
        }
        if (limit == 0) {
            return Optional.empty();
        }
        return Optional.of(switch (key.kind()) {
            case NAME -> label(limit + 1, limit + 20).map(s -> (Object) s);
            case HOST -> Fuzz.oneOf(
                    integers().between(64, 80).map(n -> (Object) ("a".repeat(n) + ".example.com")),
                    integers().between(5, 7).map(n -> (Object) (String.join(".", Collections.nCopies(n, "a".repeat(50))) + ".com")));
            case EMAIL -> Fuzz.oneOf(
                    integers().between(65, 80).map(n -> (Object) ("a".repeat(n) + "@example.com")),
                    integers().between(5, 7).map(n -> (Object) ("team@" + String.join(".", Collections.nCopies(n, "b".repeat(50))) + ".com")));
            default -> digits(limit, limit + 10).map(d -> (Object) ("e2-standard-" + d));
        });
    }

    /** Lowercase letters only, so only the length is wrong. */
    private static Gen<String> label(int min, int max) {
        return strings().betweenCodePoints('a', 'z').ofLengthBetween(min, max);
    }

    /** Decimal digits, {@code min} to {@code max} of them. */
    private static Gen<String> digits(int min, int max) {
        return strings().betweenCodePoints('0', '9').ofLengthBetween(min, max);
    }

    private static Optional<Gen<Object>> illegal(Key key) {
        return switch (key.kind()) {
            case NAME, STRING, RATE -> Optional.of(inserted(String.valueOf(key.example()), LABEL_ILLEGAL));
            case HOST -> Optional.of(inserted(String.valueOf(key.example()), HOST_ILLEGAL));
            case EMAIL -> Optional.of(inserted(String.valueOf(key.example()), EMAIL_ILLEGAL));
            case CIDRS -> Optional.of(inList(Fuzz.pick(MALFORMED_CIDRS).map(s -> (Object) s)));
            case NAMES -> Optional.of(inList(inserted(String.valueOf(key.example()),
                    key.name().equals("apigee-gke:domains") ? HOST_ILLEGAL : LABEL_ILLEGAL)));
            case INTEGER -> Optional.of(Fuzz.pick(MALFORMED_INTEGERS).map(s -> (Object) s));
            case BOOLEAN -> Optional.of(Fuzz.pick(MALFORMED_BOOLEANS).map(s -> (Object) s));
            case OBJECT -> Optional.of(inserted("proxy-only-europe-west1", LABEL_ILLEGAL)
                    .map(name -> (Object) Map.of("name", name, "cidr", "10.129.0.0/23")));
            case SECRET -> Optional.empty();
        };
    }

    /** {@code value} with one of {@code characters} put in at some position (the start and end included). */
    private static Gen<Object> inserted(String value, List<String> characters) {
        return integers().between(0, value.length()).zip(Fuzz.pick(characters), (at, c) -> (Object) (value.substring(0, at) + c + value.substring(at)));
    }

    /** The malformed element among valid ones, at some position. */
    private static Gen<Object> inList(Gen<Object> element) {
        return integers().between(0, 2).zip(element, (at, bad) -> {
            var list = new ArrayList<Object>(List.of("198.51.100.0/24", "2001:db8:1200::/48"));
            list.add(at, bad);
            return (Object) list;
        });
    }

    private static Optional<Gen<Object>> unicode(Key key) {
        String example = String.valueOf(key.example());
        return switch (key.kind()) {
            case NAME, STRING, RATE, HOST -> Optional.of(unicodeOf(example, true));
            // Internationalised addresses are valid mail: only the invisible and direction characters are wrong.
            case EMAIL -> Optional.of(inserted(example, concat(INVISIBLE, RTL)));
            case CIDRS -> Optional.of(inList(unicodeOf("203.0.113.0/24", false).map(s -> s)));
            case NAMES -> Optional.of(inList(unicodeOf(example, true)));
            case INTEGER -> Optional.of(Fuzz.pick(List.of(digits(example, '\uFF10'), digits(example, '\u0660'), digits(example, '\u0966'),
                    example + "\u200B", "\u202E" + example)).map(s -> (Object) s));
            case BOOLEAN -> Optional.of(Fuzz.pick(List.of("\uFF54\uFF52\uFF55\uFF45", "true\u200B", "tru\u0435", "\u202Efalse", "f\u0430lse"))
                    .map(s -> (Object) s));
            case OBJECT -> Optional.of(unicodeOf("proxy-only-europe-west1", true)
                    .map(name -> (Object) Map.of("name", name, "cidr", "10.129.0.0/23")));
            case SECRET -> Optional.empty();
        };
    }

    /** {@code value} with a homoglyph for one of its letters (when {@code homoglyphs}), or an invisible, RTL or emoji character put in. */
    private static Gen<Object> unicodeOf(String value, boolean homoglyphs) {
        var positions = IntStream.range(0, value.length()).filter(i -> HOMOGLYPHS.containsKey(value.charAt(i))).boxed().toList();
        var inserted = inserted(value, concat(concat(INVISIBLE, RTL), EMOJI));
        if (!homoglyphs || positions.isEmpty()) {
            return inserted;
        }
        var replaced = Fuzz.pick(positions).map(i -> (Object) (value.substring(0, i) + HOMOGLYPHS.get(value.charAt(i)) + value.substring(i + 1)));
        return Fuzz.oneOf(replaced, inserted);
    }

    /** {@code number} written with the digits of another script, starting at {@code zero}: {@code Integer.parseInt} reads them. */
    private static String digits(String number, char zero) {
        var sb = new StringBuilder();
        number.chars().forEach(c -> sb.append(Character.isDigit(c) ? (char) (zero + (c - '0')) : (char) c));
        return sb.toString();
    }

    private static Optional<Gen<Object>> duplicates(Key key) {
        Object e = key.example();
        return switch (key.kind()) {
            case CIDRS -> Optional.of(Fuzz.pick(List.of(List.of(e, e), List.of(e, "2001:db8:1200::/48", e),
                    List.of("2001:db8:1200::/48", "2001:DB8:1200::/48"), List.of("2001:db8:1200::/48", "2001:db8:1200:0::/48"))));
            case NAMES -> Optional.of(Fuzz.pick(List.of(List.of(e, e), List.of(e, e, e))));
            default -> Optional.empty();
        };
    }

    private static Optional<Gen<Object>> boundary(Key key) {
        if (key.kind() == Kind.RATE) {
            return Optional.of(Fuzz.pick(List.of("0ps", "-1ps", "2147483648ps", "1e309ps", "1.5ps")).map(s -> (Object) s));
        }
        if (key.kind() != Kind.INTEGER) {
            return Optional.empty();
        }
        var values = new ArrayList<Object>();
        for (long n : new long[] {0, -1, key.min() - 1, key.max() + 1, 1L << 31, -(1L << 31) - 1, Integer.MAX_VALUE, Long.MAX_VALUE}) {
            if (!key.inRange(n) && !values.contains(new YamlNumber(Long.toString(n)))) {
                values.add(new YamlNumber(Long.toString(n)));
            }
        }
        values.addAll(List.of(new YamlNumber("1.5"), new YamlNumber("1e309"), new YamlNumber("-1e309"), new YamlNumber("1e3"),
                new YamlNumber("99999999999999999999"), new YamlNumber(".nan"), new YamlNumber(key.example() + ".0")));
        return Optional.of(Fuzz.pick(values));
    }

    private static List<String> concat(List<String> a, List<String> b) {
        var all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
