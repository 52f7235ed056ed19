package dev.apigeegke.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * JSON written byte for byte as Go's {@code json.MarshalIndent(v, "", "    ")} writes it, which is how the Pulumi CLI
 * prints a preview digest: four-space indent, {@code "key": value}, {@code {}} and {@code []} when empty, and the
 * HTML characters {@code < > &} and U+2028/U+2029 escaped as {@code \u003c}-style sequences with lowercase hex.
 */
final class GoJson {
    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(JsonWriteFeature.WRITE_HEX_UPPER_CASE)
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();
    private static final Pattern DURATION_PART = Pattern.compile("(\\d+\\.?\\d*|\\.\\d+)(ns|us|µs|μs|ms|s|m|h)");

    private GoJson() {
    }

    /** {@code value} as Go's {@code json.MarshalIndent} with a four-space indent writes it, and the newline of {@code fmt.Println}. */
    static String marshalIndent(JsonNode value) throws JsonProcessingException {
        var separators = Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                .withObjectEmptySeparator("")
                .withArrayEmptySeparator("");
        var indent = new DefaultIndenter("    ", "\n");
        var printer = new DefaultPrettyPrinter(separators).withObjectIndenter(indent).withArrayIndenter(indent);
        var writer = JSON.writer(printer).with(new HtmlEscapes());
        return writer.writeValueAsString(value) + "\n";
    }

    /**
     * The seconds of a Go duration ({@code 30m}, {@code 1h30m}, {@code 1.5s}, {@code 300ms}), as
     * {@code time.ParseDuration(d).Seconds()} gives them; null when it is not one.
     */
    static BigDecimal seconds(String duration) {
        String d = duration.strip();
        boolean negative = d.startsWith("-");
        if (negative || d.startsWith("+")) {
            d = d.substring(1);
        }
        if (d.equals("0")) {
            return BigDecimal.ZERO;
        }
        var m = DURATION_PART.matcher(d);
        BigDecimal nanos = BigDecimal.ZERO;
        int at = 0;
        while (m.find() && m.start() == at) {
            nanos = nanos.add(new BigDecimal(m.group(1).endsWith(".") ? m.group(1) + "0" : m.group(1))
                    .multiply(BigDecimal.valueOf(nanosPer(m.group(2)))));
            at = m.end();
        }
        if (at == 0 || at != d.length()) {
            return null;
        }
        // Go keeps whole nanoseconds, then divides by 1e9.
        var seconds = new BigDecimal(nanos.toBigInteger()).movePointLeft(9).stripTrailingZeros();
        return negative ? seconds.negate() : seconds;
    }

    private static long nanosPer(String unit) {
        return switch (unit) {
            case "ns" -> 1L;
            case "us", "µs", "μs" -> 1_000L;
            case "ms" -> 1_000_000L;
            case "s" -> 1_000_000_000L;
            case "m" -> 60_000_000_000L;
            default -> 3_600_000_000_000L;
        };
    }

    /** Go's encoding/json escapes for HTML safety on top of the JSON ones. */
    private static final class HtmlEscapes extends CharacterEscapes {
        private static final int[] ASCII = standardAsciiEscapesForJSON();

        static {
            ASCII['<'] = ESCAPE_STANDARD;
            ASCII['>'] = ESCAPE_STANDARD;
            ASCII['&'] = ESCAPE_STANDARD;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return ASCII;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            if (ch == 0x2028 || ch == 0x2029) {
                return new SerializedString(String.format("\\u%04x", ch));
            }
            return null;
        }
    }
}
