package dev.apigeegke.provider.grpc;

import static dev.apigeegke.provider.grpc.KeyValueMapLifecycleTest.KVM;
import static dev.apigeegke.provider.grpc.KeyValueMapLifecycleTest.hashes;
import static dev.apigeegke.provider.grpc.KeyValueMapLifecycleTest.inputs;
import static dev.apigeegke.provider.grpc.ProviderHarness.isSecret;
import static dev.apigeegke.provider.grpc.ProviderHarness.plain;
import static dev.apigeegke.provider.grpc.ProviderHarness.secret;
import static dev.apigeegke.provider.grpc.ProviderHarness.sha256;
import static dev.apigeegke.provider.grpc.ProviderHarness.struct;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import dev.apigeegke.provider.api.ApigeePlatform;
import dev.apigeegke.provider.conformance.ConformanceExtension;
import io.grpc.StatusRuntimeException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A key value map's values are secrets: in clear only in what reaches Apigee; in every answer to the engine either a
 * secret or absent, never in the outputs, nor in a failure or a log line, and not guessable from the hashes.
 */
@ExtendWith(ConformanceExtension.class)
class KeyValueMapSecretsTest {
    private static final String VALUE = "pa55word-in-clear";
    private static final String SHORT = "1234";

    private ProviderHarness h;
    private ProviderLogRecorder log;

    @AfterEach
    void stop() {
        if (log != null) {
            log.close();
        }
        if (h != null) {
            h.close();
        }
    }

    /** The struct as text with every secret's content left out: what the engine could show or keep in clear. */
    static String clear(Struct s) {
        return clear(Value.newBuilder().setStructValue(s).build()).toString();
    }

    private static Value clear(Value v) {
        if (isSecret(v)) {
            return Value.newBuilder().setStringValue("[secret]").build();
        }
        if (v.hasStructValue()) {
            var b = Struct.newBuilder();
            v.getStructValue().getFieldsMap().forEach((k, e) -> b.putFields(k, clear(e)));
            return Value.newBuilder().setStructValue(b).build();
        }
        if (v.hasListValue()) {
            var b = com.google.protobuf.ListValue.newBuilder();
            v.getListValue().getValuesList().forEach(e -> b.addValues(clear(e)));
            return Value.newBuilder().setListValue(b).build();
        }
        return v;
    }

    @ParameterizedTest
    @EnumSource(ApigeePlatform.class)
    void theValuesAreSecretsInEveryAnswerAndAbsentFromOutputsFailuresAndLogs(ApigeePlatform platform) {
        log = new ProviderLogRecorder();
        h = ProviderHarness.configured(platform);
        var answers = new ArrayList<Struct>();
        var inputs = inputs(h, Map.of("password", VALUE, "pin", SHORT));
        answers.add(inputs);
        var created = h.create(KVM, inputs, false);
        var outputs = created.getProperties();
        answers.add(outputs);
        var changed = inputs(h, Map.of("password", VALUE + "-2", "pin", SHORT));
        answers.add(changed);
        // A throttled write is retried, and the retry is logged.
        h.apigee.failNext(1, 429, null);
        var updated = h.update(KVM, created.getId(), outputs, changed, false).getProperties();
        answers.add(updated);
        var read = h.read(KVM, created.getId(), updated, changed);
        answers.add(read.getProperties());
        answers.add(read.getInputs());
        answers.add(h.update(KVM, created.getId(), updated, inputs, true).getProperties());
        assertThat(isSecret(read.getInputs().getFieldsOrThrow("entries"))).isTrue();
        assertThat(isSecret(outputs.getFieldsOrThrow("hashKey"))).isTrue();

        for (var answer : answers) {
            assertThat(clear(answer)).doesNotContain(VALUE).doesNotContain(SHORT);
        }
        for (var out : List.of(outputs, updated, read.getProperties())) {
            assertThat(plain(out).toString()).as("outputs, secrets revealed").doesNotContain(VALUE).doesNotContain(SHORT);
        }
        // Apigee refuses a second map of the same name: its failure names the map, not a value.
        assertThatThrownBy(() -> h.create(KVM, inputs, false)).isInstanceOf(StatusRuntimeException.class)
                .hasMessageContaining("ALREADY_EXISTS").hasMessageContaining("backend")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(VALUE).doesNotContain(SHORT));
        assertThat(log.lines()).as("the retry's log line").isNotEmpty();
        assertThat(log.text()).doesNotContain(VALUE).doesNotContain(SHORT);
        assertThat(h.apigee.keyValueMap("test", "backend")).contains(Map.of("password", VALUE + "-2", "pin", SHORT));
    }

    @Test
    void theHashesCannotBeMatchedAgainstGuessesWithoutTheSecretKey() {
        h = ProviderHarness.configured(ApigeePlatform.EDGE);
        var first = h.create(KVM, inputs(h, Map.of("a", SHORT, "b", SHORT)), false).getProperties();
        var second = h.create(KVM, h.checked(KVM, struct("environment", "prod", "name", "backend", "entries",
                secret(Map.of("a", SHORT)))), false).getProperties();
        var hashes = hashes(first);
        // Neither the plain hash of the value, nor of key and value, nor the same hash for the same value elsewhere.
        assertThat(hashes.values()).doesNotContain(sha256(bytes(SHORT)), sha256(bytes("a" + SHORT)), sha256(bytes("a:" + SHORT)));
        assertThat(hashes.get("a")).isNotEqualTo(hashes.get("b"));
        assertThat(hashes(second).get("a")).isNotEqualTo(hashes.get("a"));
        assertThat(hashes.get("a")).matches("[0-9a-f]{64}");
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** Property → reason of every failure of Check. */
    private Map<String, String> failures(Struct news) {
        var out = new TreeMap<String, String>();
        h.check(KVM, news).getFailuresList().forEach(f -> out.merge(f.getProperty(), f.getReason(), (a, b) -> a + " | " + b));
        return out;
    }

    @Test
    void checkNamesTheBadEntryByItsKeyWithoutShowingAnyValue() {
        h = ProviderHarness.configured(ApigeePlatform.EDGE);
        var bad = failures(struct("environment", "test", "name", "back#end", "entries",
                secret(Map.of("ok", VALUE, "a/b", VALUE, "empty", "", "number", 8675309))));
        assertThat(bad).containsOnlyKeys("name", "entries");
        assertThat(bad.get("name")).contains("back#end").contains(". _ - $ %");
        assertThat(bad.get("entries")).contains("key \"a/b\" must be non-empty, without '/'")
                .contains("value of key \"empty\" must be a non-empty string")
                .contains("value of key \"number\" must be a non-empty string")
                .doesNotContain("\"ok\"").doesNotContain(VALUE).doesNotContain("8675309");
        assertThat(failures(struct("environment", "test", "name", "backend", "encrypted", false))).isEmpty();
    }

    @Test
    void onXAnUnencryptedMapIsRefusedByCheck() {
        h = ProviderHarness.configured(ApigeePlatform.X);
        assertThat(failures(struct("environment", "test", "name", "backend", "encrypted", false)))
                .containsOnlyKeys("encrypted").hasEntrySatisfying("encrypted", r -> assertThat(r)
                        .contains("must be true on Apigee X and hybrid"));
        assertThat(failures(struct("environment", "test", "name", "backend"))).isEmpty();
    }
}
