package dev.apigeegke.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apigeegke.testing.Repo;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TimelineCommandTest {
    private static CommandRun run(String... args) {
        var all = new java.util.ArrayList<>(List.of(args));
        all.addAll(List.of("--project-dir", Repo.root().toString()));
        return CommandRun.of(all.toArray(String[]::new));
    }

    /** The lines after {@code heading} up to the next blank line. */
    private static List<String> section(String out, String heading) {
        var lines = Arrays.asList(out.split("\n"));
        int from = lines.indexOf(lines.stream().filter(l -> l.startsWith(heading)).findFirst().orElseThrow()) + 1;
        int to = from;
        while (to < lines.size() && !lines.get(to).isBlank()) {
            to++;
        }
        return lines.subList(from, to);
    }

    @ParameterizedTest
    @ValueSource(strings = {"pattern1", "pattern2", "pattern3"})
    void printsEachStepTheCriticalPathAndTheEstimatesOfTheSampleStack(String pattern) {
        var run = run("preview", pattern, "--timeline", "--parallel", "16");
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("Timeline of " + pattern + " (ESTIMATE from typical durations; 16 parallel steps)")
                .containsPattern("\\n  \\d\\d:\\d\\d  \\d\\d:\\d\\d  gcp:container/cluster:Cluster apigee-p\\d\\n")
                .containsPattern("Estimated pulumi up: +\\d\\d:\\d\\d  \\(ESTIMATE\\)")
                .containsPattern("Estimated first request served: \\d\\d:\\d\\d  \\(ESTIMATE\\)")
                .contains("Sources of the durations", "retrieved 2026-12-01");
        assertThat(run.out()).doesNotContain("pulumi:pulumi:Stack", "apigee-gke:index:");
        var critical = section(run.out(), "Critical path");
        assertThat(critical.get(0)).contains("gcp:serviceaccount/account:Account apigee-p");
        assertThat(critical.get(1)).contains("gcp:container/cluster:Cluster apigee-p");
        assertThat(critical.get(critical.size() - 1))
                .containsPattern("kubernetes:(apps/v1:Deployment|autoscaling/v2:HorizontalPodAutoscaler) ");
        var first = section(run.out(), "Estimated first request served");
        assertThat(first.get(first.size() - 2)).contains("kubernetes:networking.k8s.io/v1:Ingress");
        assertThat(first.get(first.size() - 1)).contains("then the GKE load balancer configuration propagated");
    }

    @Test
    void fewerParallelStepsNeverMakeItShorter() {
        String one = run("preview", "pattern1", "--timeline", "--parallel", "1").out();
        String many = run("preview", "pattern1", "--timeline", "--parallel", "64").out();
        assertThat(minutes(one)).isGreaterThan(minutes(many));
    }

    private static int minutes(String out) {
        var m = java.util.regex.Pattern.compile("Estimated pulumi up: +(\\d+):(\\d+)").matcher(out);
        assertThat(m.find()).isTrue();
        return Integer.parseInt(m.group(1)) * 60 + Integer.parseInt(m.group(2));
    }

    @Test
    void previewAllComparesThePatternsInOneTable() {
        var run = run("preview", "all", "--timeline", "--parallel", "16");
        assertThat(run.code()).as(run.err()).isZero();
        var rows = section(run.out(), "pattern ");
        assertThat(rows).hasSize(3);
        for (int i = 0; i < 3; i++) {
            assertThat(rows.get(i)).matches("pattern" + (i + 1) + " +\\d+ +\\d\\d:\\d\\d +\\d\\d:\\d\\d  apigee-p\\d-nodes → apigee-p\\d → .*");
        }
    }

    @Test
    void refusesWrongCombinations() {
        assertThat(run("preview", "pattern1", "--timeline", "--capacity"))
                .satisfies(r -> assertThat(r.code()).isEqualTo(2))
                .satisfies(r -> assertThat(r.err()).contains("--timeline replaces the tree like --capacity"));
        assertThat(run("preview", "pattern1", "--timeline", "--against", "old/plan.json").err())
                .contains("--timeline replaces the tree");
        assertThat(run("preview", "pattern1", "--timeline", "--diagram").err()).contains("--timeline replaces the tree");
        assertThat(run("preview", "pattern1", "--parallel", "4").err()).contains("--parallel applies to --timeline");
        assertThat(run("preview", "pattern1", "--timeline", "--parallel", "0").err())
                .contains("--parallel '0': give a whole number of at least 1");
        assertThat(run("preview", "pattern1", "--timeline", "--parallel", "x").code()).isEqualTo(2);
        assertThat(run("preview", "all", "--timeline", "--stack", "dev").err()).contains("--stack/--config select one pattern");
        assertThat(run("preview", "all").err()).contains("preview all and --compare apply to --capacity or --timeline");
    }

    @Test
    void theUsageNamesTheTimeline() {
        assertThat(CommandRun.of("--help").out()).contains("--timeline [--parallel N]", "--parallel N");
    }
}
