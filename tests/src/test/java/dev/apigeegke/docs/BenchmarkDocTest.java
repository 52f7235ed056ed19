package dev.apigeegke.docs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.apigeegke.cli.Patterns;
import dev.apigeegke.testing.Markdown;
import dev.apigeegke.testing.Repo;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The benchmark tables in docs/benchmarks.md are the committed results files, and those cover what the benchmark
 * promises: every pattern with 1, 10, 100 and 500 services, on a described machine.
 */
class BenchmarkDocTest {
    static final String DOC = "docs/benchmarks.md";

    @ParameterizedTest
    @ValueSource(strings = {"summary.md", "profile.md", "start.md"})
    void theDocShowsTheCommittedResults(String file) throws Exception {
        String table = Files.readString(Repo.root().resolve("bench/results").resolve(file)).strip();
        assertThat(Markdown.read(DOC)).as(DOC + " holds bench/results/" + file + " (copy it after bench/run)").contains(table);
    }

    @Test
    @SuppressWarnings("unchecked")
    void resultsCoverEveryPatternUpTo500ServicesOnADescribedMachine() throws Exception {
        Map<String, Object> summary = new ObjectMapper().readValue(
                Repo.root().resolve("bench/results/summary.json").toFile(), Map.class);
        var machine = (Map<String, Object>) summary.get("machine");
        assertThat((Integer) machine.get("cores")).isPositive();
        assertThat((String) machine.get("cpu")).isNotBlank();
        assertThat((String) machine.get("java")).isNotBlank();
        var workloads = new ArrayList<String>();
        for (var row : (List<Map<String, Object>>) summary.get("rows")) {
            workloads.add(row.get("pattern") + "/" + row.get("services"));
            assertThat((Integer) row.get("runs")).isGreaterThanOrEqualTo(5);
        }
        var expected = new ArrayList<String>();
        for (String pattern : Patterns.names()) {
            for (int n : List.of(1, 10, 100, 500)) {
                expected.add(pattern + "/" + n);
            }
        }
        assertThat(workloads).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(Markdown.read(DOC)).contains((String) summary.get("date"));
    }
}
