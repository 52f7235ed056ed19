package dev.apigeegke.docs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.apigeegke.examples.common.StackReader;
import dev.apigeegke.internal.config.ProjectConfig;
import dev.apigeegke.testing.Repo;
import java.nio.file.Files;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The stack keys have one declaration, the root Pulumi.yaml: the programs read it, it lists exactly the keys they read,
 * and docs/deploying.md's key tables are generated from it.
 */
class StackKeyTablesTest {
    private static ProjectConfig declared;
    private static Map<String, Set<String>> read;

    @BeforeAll
    static void runTheSampleStacks() throws Exception {
        declared = ProjectConfig.parse(Files.readString(Repo.root().resolve("Pulumi.yaml")));
        if (Boolean.getBoolean("stackkeys.write")) {
            StackKeyTables.write();
        }
        read = StackKeyTables.keysRead();
    }

    @Test
    void theDocsTablesAreWhatTheDeclarationGives() throws Exception {
        String doc = Files.readString(Repo.root().resolve(StackKeyTables.DOC));
        assertThat(doc).contains("<!-- stack keys of pattern1: generated from Pulumi.yaml, do not edit -->",
                "<!-- stack keys of pattern2: generated from Pulumi.yaml, do not edit -->",
                "<!-- stack keys of pattern3: generated from Pulumi.yaml, do not edit -->");
        assertThat(doc).as(StackKeyTables.DOC + "'s stack key tables differ from Pulumi.yaml's declaration; regenerate them: "
                + StackKeyTables.REGENERATE).isEqualTo(StackKeyTables.render(doc, declared, read));
    }

    @Test
    void aHandEditedRowIsWhatTheCheckFinds() throws Exception {
        String doc = Files.readString(Repo.root().resolve(StackKeyTables.DOC));
        String edited = doc.replace("| `apigee-gke:quotaCount` | `integer` | `1000` |", "| `apigee-gke:quotaCount` | `integer` | `500` |");
        assertThat(edited).isNotEqualTo(doc);
        assertThat(StackKeyTables.render(edited, declared, read)).isEqualTo(StackKeyTables.render(doc, declared, read));
    }

    @Test
    void aTableListsTheKeysItsPatternReadsWithTheirDefaults() {
        String table = StackKeyTables.table(declared, "pattern1", read.get("pattern1"));
        assertThat(table.lines()).contains(
                "| key | type | default | meaning |",
                "| `apigee-gke:rateBanCount` | `integer` | `0` | turns on a Cloud Armor rate-based ban per client: requests allowed "
                        + "per interval, 1 to 10000; clients are counted by the client-IP header the proxy sets. 0: no rate ban |");
        assertThat(table).contains("| `apigee-gke:apigeeEnvironments` | `array<string>` | required |")
                .doesNotContain("apigee-gke:internal");
        assertThat(StackKeyTables.table(declared, "pattern2", read.get("pattern2")))
                .contains("| `apigee-gke:internal` | `boolean` | `false` |").doesNotContain("apigee-gke:rateBanCount");
    }

    @Test
    void everyKeyAProgramReadsIsDeclaredOrItsProvidersKey() throws Exception {
        var providers = new TreeSet<String>(Set.of("gcp:project", "gcp:region"));
        var schema = new ObjectMapper().readTree(Repo.root().resolve(
                "provider-schema/src/main/resources/dev/apigeegke/provider/schema/schema.json").toFile());
        schema.path("config").path("variables").fieldNames().forEachRemaining(name -> providers.add("apigee:" + name));
        var undeclared = new TreeSet<String>();
        read.values().forEach(keys -> keys.stream()
                .filter(k -> declared.get(k).isEmpty() && !providers.contains(k)).forEach(undeclared::add));
        assertThat(undeclared).as("read but neither declared in Pulumi.yaml nor a provider's key").isEmpty();
        assertThat(read.get("pattern1")).contains("gcp:project", "gcp:region", "apigee:organization", "apigee:flavor");
    }

    @Test
    void everyDeclaredKeyIsReadBySomePattern() {
        var unread = new TreeSet<String>();
        for (var d : declared.declarations()) {
            String key = declared.fullKey(d.key());
            boolean selector = key.equals(StackReader.NAMESPACE + ":" + StackReader.PATTERN_KEY);
            if (!selector && read.values().stream().noneMatch(keys -> keys.contains(key))) {
                unread.add(key);
            }
        }
        assertThat(unread).as("declared in Pulumi.yaml but read by no pattern: remove them").isEmpty();
        assertThat(read.get("pattern2")).isEqualTo(read.get("pattern3"));
    }

    @Test
    void theProgramsReadTheRootDeclarationBuiltIntoTheirJar() {
        assertThat(StackReader.declared().declarations()).isEqualTo(declared.declarations());
    }
}
