package dev.apigeegke.provider.grpc;

import static dev.apigeegke.provider.grpc.ProviderHarness.isSecret;
import static dev.apigeegke.provider.grpc.ProviderHarness.plain;
import static dev.apigeegke.provider.grpc.ProviderHarness.secret;
import static dev.apigeegke.provider.grpc.ProviderHarness.struct;
import static dev.apigeegke.provider.grpc.ProviderHarness.unknown;
import static dev.apigeegke.provider.grpc.ProviderHarness.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.Struct;
import dev.apigeegke.provider.api.ApigeePlatform;
import dev.apigeegke.provider.conformance.ConformanceExtension;
import io.grpc.StatusRuntimeException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import pulumirpc.Provider.DiffResponse.DiffChanges;
import pulumirpc.Provider.PropertyDiff.Kind;

/**
 * {@code apigee:index:KeyValueMap} through the calls of a stack's life over gRPC against the emulator: entries are
 * compared by the hashes in the state, a changed value updates that entry alone, an unchanged map makes no call.
 */
@ExtendWith(ConformanceExtension.class)
class KeyValueMapLifecycleTest {
    static final String KVM = "apigee:index:KeyValueMap";
    private static final String ID = "test/backend";
    private static final String MAP_PATH = "/environments/test/keyvaluemaps/backend";

    private ProviderHarness h;

    @AfterEach
    void stop() {
        if (h != null) {
            h.close();
        }
    }

    /** Checked inputs of map {@code backend} in {@code test} holding {@code entries}, as a secret. */
    static Struct inputs(ProviderHarness h, Map<String, String> entries) {
        return h.checked(KVM, struct("environment", "test", "name", "backend", "entries", secret(entries)));
    }

    @SuppressWarnings("unchecked")
    static Map<String, String> hashes(Struct outputs) {
        return (Map<String, String>) plain(outputs).get("entryHashes");
    }

    /** The calls that changed something, as {@code METHOD path-below-the-organization}. */
    private List<String> writes() {
        return h.apigee.requests().stream().filter(r -> !r.method().equals("GET"))
                .map(r -> r.method() + " " + r.path().substring("/v1/organizations/acme".length())).toList();
    }

    @ParameterizedTest
    @EnumSource(ApigeePlatform.class)
    void aMapIsCreatedWithItsEntriesUpdatedEntryByEntryAndDeleted(ApigeePlatform platform) {
        h = ProviderHarness.configured(platform);
        var inputs = inputs(h, Map.of("user", "orders-svc", "password", "pa55word-1"));
        assertThat(plain(inputs)).containsEntry("encrypted", true);
        assertThat(isSecret(inputs.getFieldsOrThrow("entries"))).isTrue();
        var created = h.create(KVM, inputs, false);
        assertThat(created.getId()).isEqualTo(ID);
        var outputs = created.getProperties();
        assertThat(outputs.getFieldsMap()).containsOnlyKeys("environment", "name", "encrypted", "entryHashes", "hashKey");
        assertThat(hashes(outputs)).containsOnlyKeys("password", "user");
        assertThat(h.apigee.keyValueMap("test", "backend")).contains(Map.of("user", "orders-svc", "password", "pa55word-1"));
        assertThat(writes()).hasSize(platform == ApigeePlatform.X ? 3 : 1);

        var changed = inputs(h, Map.of("user", "orders-svc", "password", "pa55word-2"));
        var diff = h.diff(KVM, ID, outputs, inputs, changed);
        assertThat(diff.getDiffsList()).containsExactly("entries");
        assertThat(diff.getDetailedDiffMap()).containsOnlyKeys("entries[\"password\"]");
        assertThat(diff.getDetailedDiffMap().get("entries[\"password\"]").getKind()).isEqualTo(Kind.UPDATE);
        assertThat(diff.getReplacesList()).isEmpty();
        h.apigee.clearRequests();
        var updated = h.update(KVM, ID, outputs, changed, false).getProperties();
        // X publishes no call that changes an entry: it is deleted and created again.
        assertThat(writes()).containsExactlyElementsOf(platform == ApigeePlatform.X
                ? List.of("DELETE " + MAP_PATH + "/entries/password", "POST " + MAP_PATH + "/entries")
                : List.of("POST " + MAP_PATH + "/entries/password"));
        assertThat(h.apigee.keyValueMap("test", "backend")).contains(Map.of("user", "orders-svc", "password", "pa55word-2"));
        assertThat(hashes(updated).get("user")).isEqualTo(hashes(outputs).get("user"));
        assertThat(hashes(updated).get("password")).isNotEqualTo(hashes(outputs).get("password"));

        var reshaped = inputs(h, Map.of("password", "pa55word-2", "timeout", "30s"));
        var reshapedDiff = h.diff(KVM, ID, updated, changed, reshaped);
        assertThat(reshapedDiff.getDetailedDiffMap()).containsOnlyKeys("entries[\"user\"]", "entries[\"timeout\"]");
        assertThat(reshapedDiff.getDetailedDiffMap().get("entries[\"user\"]").getKind()).isEqualTo(Kind.DELETE);
        assertThat(reshapedDiff.getDetailedDiffMap().get("entries[\"timeout\"]").getKind()).isEqualTo(Kind.ADD);
        h.apigee.clearRequests();
        var afterReshape = h.update(KVM, ID, updated, reshaped, false).getProperties();
        assertThat(writes()).containsExactlyInAnyOrder("POST " + MAP_PATH + "/entries", "DELETE " + MAP_PATH + "/entries/user");
        assertThat(h.apigee.keyValueMap("test", "backend")).contains(Map.of("password", "pa55word-2", "timeout", "30s"));

        var read = h.read(KVM, ID, afterReshape, reshaped);
        assertThat(hashes(read.getProperties())).isEqualTo(hashes(afterReshape));
        assertThat(h.diff(KVM, ID, read.getProperties(), read.getInputs(), reshaped).getChanges()).isEqualTo(DiffChanges.DIFF_NONE);

        for (var identity : List.of("name", "environment")) {
            var moved = h.checked(KVM, with(reshaped, identity, "other"));
            assertThat(h.diff(KVM, ID, afterReshape, reshaped, moved).getReplacesList()).containsExactly(identity);
        }
        h.delete(KVM, ID, afterReshape);
        assertThat(h.apigee.keyValueMap("test", "backend")).isEmpty();
        assertThat(h.read(KVM, ID, afterReshape, reshaped).getId()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(ApigeePlatform.class)
    void anUnchangedMapShowsNoDiffAndItsUpdateMakesNoCall(ApigeePlatform platform) {
        h = ProviderHarness.configured(platform);
        var inputs = inputs(h, Map.of("user", "orders-svc", "password", "pa55word-1"));
        var outputs = h.create(KVM, inputs, false).getProperties();
        h.apigee.clearRequests();
        assertThat(h.diff(KVM, ID, outputs, inputs, inputs(h, Map.of("password", "pa55word-1", "user", "orders-svc")))
                .getChanges()).isEqualTo(DiffChanges.DIFF_NONE);
        var updated = h.update(KVM, ID, outputs, inputs, false).getProperties();
        assertThat(h.apigee.requests()).isEmpty();
        assertThat(plain(updated)).isEqualTo(plain(outputs));
    }

    @Test
    void aChangedValueIsFoundFromTheHashInTheStateNotFromTheOldInputs() {
        h = ProviderHarness.configured(ApigeePlatform.EDGE);
        var inputs = inputs(h, Map.of("password", "pa55word-1"));
        var outputs = h.create(KVM, inputs, false).getProperties();
        var changed = inputs(h, Map.of("password", "pa55word-2"));
        // Old inputs that already hold the new value (or none at all) do not hide the change the state's hash shows.
        assertThat(h.diff(KVM, ID, outputs, changed, changed).getDetailedDiffMap()).containsOnlyKeys("entries[\"password\"]");
        assertThat(h.diff(KVM, ID, outputs, Struct.getDefaultInstance(), inputs).getChanges()).isEqualTo(DiffChanges.DIFF_NONE);
        assertThat(h.diff(KVM, ID, outputs, Struct.getDefaultInstance(), changed).getDiffsList()).containsExactly("entries");
    }

    @Test
    void anEncryptedEdgeMapIsReplacedWhenMadeUnencrypted() {
        h = ProviderHarness.configured(ApigeePlatform.EDGE);
        var inputs = inputs(h, Map.of("flag", "on"));
        var outputs = h.create(KVM, inputs, false).getProperties();
        var plainMap = h.checked(KVM, with(inputs, "encrypted", false));
        assertThat(h.diff(KVM, ID, outputs, inputs, plainMap).getReplacesList()).containsExactly("encrypted");
    }

    @Test
    void onXAValueChangedOutsideTheStackIsFoundByARefreshAndPutBack() {
        h = ProviderHarness.configured(ApigeePlatform.X);
        var inputs = inputs(h, Map.of("password", "pa55word-1", "user", "orders-svc"));
        var outputs = h.create(KVM, inputs, false).getProperties();
        h.apigee.changeEntry("test", "backend", "password", "changed-by-hand");

        var refreshed = h.read(KVM, ID, outputs, inputs);
        assertThat(hashes(refreshed.getProperties()).get("password")).isNotEqualTo(hashes(outputs).get("password"));
        var diff = h.diff(KVM, ID, refreshed.getProperties(), refreshed.getInputs(), inputs);
        assertThat(diff.getDetailedDiffMap()).containsOnlyKeys("entries[\"password\"]");
        h.update(KVM, ID, refreshed.getProperties(), inputs, false);
        assertThat(h.apigee.keyValueMap("test", "backend")).contains(Map.of("password", "pa55word-1", "user", "orders-svc"));
    }

    @Test
    void onEdgeAnEntryAddedOutsideTheStackIsFoundByARefreshAndRemoved() {
        h = ProviderHarness.configured(ApigeePlatform.EDGE);
        var inputs = inputs(h, Map.of("password", "pa55word-1"));
        var outputs = h.create(KVM, inputs, false).getProperties();
        h.apigee.changeEntry("test", "backend", "debug", "true");
        // An encrypted map hides its values: a value changed by hand cannot be seen, only keys that came or went.
        h.apigee.changeEntry("test", "backend", "password", "changed-by-hand");

        var refreshed = h.read(KVM, ID, outputs, inputs).getProperties();
        assertThat(hashes(refreshed)).containsEntry("debug", "unknown")
                .containsEntry("password", hashes(outputs).get("password"));
        var diff = h.diff(KVM, ID, refreshed, inputs, inputs);
        assertThat(diff.getDetailedDiffMap()).containsOnlyKeys("entries[\"debug\"]");
        assertThat(diff.getDetailedDiffMap().get("entries[\"debug\"]").getKind()).isEqualTo(Kind.DELETE);
        h.update(KVM, ID, refreshed, inputs, false);
        assertThat(h.apigee.keyValueMap("test", "backend")).hasValueSatisfying(m -> assertThat(m).containsOnlyKeys("password"));
    }

    @Test
    void anEdgeMapOfMoreThanAThousandEntriesIsReadWholeThroughItsKeys() {
        h = ProviderHarness.configured(ApigeePlatform.EDGE);
        var entries = new TreeMap<String, String>();
        for (int i = 0; i < 1001; i++) {
            entries.put(String.format("key-%04d", i), "value-" + i);
        }
        var outputs = h.create(KVM, inputs(h, entries), false).getProperties();
        h.apigee.clearRequests();
        var read = h.read(KVM, ID, outputs, inputs(h, entries)).getProperties();
        assertThat(hashes(read)).isEqualTo(hashes(outputs)).hasSize(1001);
        assertThat(h.apigee.requests("GET", "/keys")).extracting(r -> r.query())
                .containsExactly("count=1000", "count=1000&startkey=key-0999", "count=1000&startkey=key-1000");
    }

    @Test
    void onXACreateWhoseEntryFailsDeletesTheMapSoTheNextUpStartsOver() {
        h = ProviderHarness.configured(ApigeePlatform.X);
        var inputs = inputs(h, Map.of("a", "1", "b", "2"));
        h.apigee.failAfter(2, 400);
        assertThatThrownBy(() -> h.create(KVM, inputs, false)).isInstanceOf(StatusRuntimeException.class)
                .hasMessageContaining("INVALID_ARGUMENT").hasMessageContaining("was deleted again");
        assertThat(h.apigee.keyValueMap("test", "backend")).isEmpty();
        assertThat(h.create(KVM, inputs, false).getId()).isEqualTo(ID);
        assertThat(h.apigee.keyValueMap("test", "backend")).contains(Map.of("a", "1", "b", "2"));
    }

    @Test
    void aPreviewMakesNoCallAndShowsTheHashesUnknownOnlyWhenEntriesChange() {
        h = ProviderHarness.configured(ApigeePlatform.EDGE);
        var inputs = inputs(h, Map.of("password", "pa55word-1"));
        var preview = h.create(KVM, inputs, true).getProperties();
        assertThat(h.apigee.requests()).isEmpty();
        assertThat(preview.getFieldsOrThrow("entryHashes").getStringValue()).isEqualTo(ProviderHarness.UNKNOWN);
        var outputs = h.create(KVM, inputs, false).getProperties();
        h.apigee.clearRequests();
        var same = h.update(KVM, ID, outputs, inputs, true).getProperties();
        assertThat(plain(same).get("entryHashes")).isEqualTo(hashes(outputs));
        var changed = h.update(KVM, ID, outputs, inputs(h, Map.of("password", "pa55word-2")), true).getProperties();
        assertThat(changed.getFieldsOrThrow("entryHashes").getStringValue()).isEqualTo(ProviderHarness.UNKNOWN);
        assertThat(h.apigee.requests()).isEmpty();

        // Entries not known until apply change as a whole: no entry is shown as deleted.
        var computed = h.diff(KVM, ID, outputs, inputs, with(inputs, "entries", unknown()));
        assertThat(computed.getDiffsList()).containsExactly("entries");
        assertThat(computed.getDetailedDiffMap()).containsOnlyKeys("entries");
    }
}
