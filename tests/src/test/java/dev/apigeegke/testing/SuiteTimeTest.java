package dev.apigeegke.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apigeegke.testing.SuiteTime.Kind;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The suite-time table: its figures add up, the slowest classes come first, and each run keeps its own section. */
class SuiteTimeTest {
    private static final Instant AT = Instant.parse("2024-03-01T12:00:00Z");
    private static final long SECOND = 1_000_000_000L;

    private static String table(String run, long wallSeconds, Map<String, Long> classSeconds) {
        var classes = new LinkedHashMap<String, Long>();
        classSeconds.forEach((name, seconds) -> classes.put(name, seconds * SECOND));
        return SuiteTime.table(run, AT, wallSeconds * SECOND,
                Map.of(Kind.CHECKERS, 20 * SECOND, Kind.PREVIEWS, 50 * SECOND, Kind.OTHER, 25 * SECOND),
                classes, new int[] {9, 1, 2}, new int[] {8, 3});
    }

    @Test
    void theTableGivesTheWallTimeTheTimeByKindAndTheNodeStarts() {
        String table = table("surefire", 100, Map.of("dev.apigeegke.cli.PreviewDiffTest", 9L));
        assertThat(table.lines().toList()).containsExactly(
                "Suite time, surefire (2024-03-01T12:00:00Z): 100.0 s wall, 1 classes, 12 tests (1 failed, 2 skipped)",
                "  by kind:  Node checker runs 20.0 s (20%) | processes 0.0 s (0%) | engine previews 50.0 s (50%) | other 30.0 s (30%)",
                "  Node:     11 starts (8 checker runs, 3 gateway and pod runs)",
                "  slowest classes:",
                "       9.0 s  cli.PreviewDiffTest");
    }

    @Test
    void sampledKindsNeverAddUpToMoreThanTheWallTime() {
        // The sampler's last period may end after the plan did: the kinds are capped at the wall time.
        String table = table("surefire", 60, Map.of());
        assertThat(table).contains("Node checker runs 20.0 s (33%)", "engine previews 40.0 s (67%)", "other 0.0 s (0%)");
    }

    @Test
    void onlyTheTenSlowestClassesAreListedSlowestFirst() {
        var classes = new LinkedHashMap<String, Long>();
        for (long i = 1; i <= 12; i++) {
            classes.put("dev.apigeegke.C" + i, i);
        }
        var listed = table("failsafe", 100, classes).lines().filter(l -> l.matches(" +\\d+\\.\\d s  C\\d+")).map(String::strip).toList();
        assertThat(listed).hasSize(10).startsWith("12.0 s  C12", "11.0 s  C11").endsWith("3.0 s  C3");
    }

    @Test
    void eachRunReplacesItsOwnSectionAndKeepsTheOthers() {
        String surefire = table("surefire", 100, Map.of("dev.apigeegke.A", 1L));
        String failsafe = table("failsafe", 50, Map.of("dev.apigeegke.B", 2L));
        String both = SuiteTime.merge(SuiteTime.merge("", "surefire", surefire), "failsafe", failsafe);
        assertThat(both).isEqualTo(surefire + failsafe);

        String again = table("surefire", 80, Map.of("dev.apigeegke.A", 3L));
        assertThat(SuiteTime.merge(both, "surefire", again)).isEqualTo(again + failsafe);
    }
}
