package dev.apigeegke.cli.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apigeegke.cli.fuzz.Stacks.StackCase;
import java.util.HashSet;
import java.util.List;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.GenerationMode;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.statistics.Statistics;

/**
 * What a user sees when a stack file is wrong, over generated bad files of every pattern
 * ({@link BadStackFiles}): the preview refuses it with one report that names every broken key by its stack key, with
 * its value and a fix, prints no stack trace and nothing twice, and the program registers no resource. 50 tries per
 * property, 300 bad files a run; a failing case is shrunk and printed as its stack file.
 */
class BadStackFileTest {
    private static final int TRIES = 50;
    /** A problem line of the report: {@code    - <stack key>[<index>] = <value>: <fix>}. */
    private static final Pattern PROBLEM_LINE = Pattern.compile("^    - .*");
    static final Pattern KEY_VALUE_FIX = Pattern.compile(
            "^    - (gcp|apigee|apigee-gke):[A-Za-z]+(\\[\\d+\\])?(\\.[A-Za-z]+)? = (\\(not set\\)|\".*\"|\\S.*?): \\S.*");
    static final Pattern TRACE = Pattern.compile("(?m)^\\s+at [\\w$.]+\\(|\\tat |^\\s*Caused by|\\b[A-Z]\\w*(Exception|Error)\\b|\\bjava\\.[a-z]+\\.");
    private static final Pattern CONFIG_WORD = Pattern.compile("(?<![-\\w])" + BadStackFiles.CONFIG + "(?![\\w-])");
    private static final String STACK_RESOURCE = "pulumi:pulumi:Stack";

    @Provide
    Arbitrary<StackCase> badStackFiles() {
        return BadStackFiles.any();
    }

    @Property(tries = TRIES, generation = GenerationMode.RANDOMIZED, edgeCases = EdgeCasesMode.NONE, shrinking = ShrinkingMode.BOUNDED)
    void exitsWithOneOrTwo(@ForAll("badStackFiles") StackCase stack) {
        count(stack);
        try (var run = PreviewRun.of(stack)) {
            assertThat(run.code()).as("exit code; printed:\n%s", run.printed()).isIn(1, 2);
        }
    }

    @Property(tries = TRIES, generation = GenerationMode.RANDOMIZED, edgeCases = EdgeCasesMode.NONE, shrinking = ShrinkingMode.BOUNDED)
    void namesEveryBrokenKeyByItsStackKey(@ForAll("badStackFiles") StackCase stack) {
        count(stack);
        try (var run = PreviewRun.of(stack)) {
            for (String key : BadStackFiles.keysToName(stack)) {
                assertThat(names(run, key)).as("the report names %s; it printed:\n%s", key, run.printed()).isTrue();
            }
        }
    }

    @Property(tries = TRIES, generation = GenerationMode.RANDOMIZED, edgeCases = EdgeCasesMode.NONE, shrinking = ShrinkingMode.BOUNDED)
    void printsNoStackTrace(@ForAll("badStackFiles") StackCase stack) {
        count(stack);
        try (var run = PreviewRun.of(stack)) {
            var trace = TRACE.matcher(run.printed());
            boolean found = trace.find();
            assertThat(found).as("printed a trace or Java class name (%s):\n%s", found ? trace.group() : "", run.printed()).isFalse();
        }
    }

    @Property(tries = TRIES, generation = GenerationMode.RANDOMIZED, edgeCases = EdgeCasesMode.NONE, shrinking = ShrinkingMode.BOUNDED)
    void registersNoResource(@ForAll("badStackFiles") StackCase stack) throws Exception {
        count(stack);
        // On the engine itself: the command line writes no plan for a failed run, whatever the program registered first.
        assertThat(PreviewRun.registered(stack)).as("the resources the program registered (only the stack itself may be)")
                .allMatch(STACK_RESOURCE::equals);
    }

    @Property(tries = TRIES, generation = GenerationMode.RANDOMIZED, edgeCases = EdgeCasesMode.NONE, shrinking = ShrinkingMode.BOUNDED)
    void everyReportLineNamesAKeyAValueAndAFix(@ForAll("badStackFiles") StackCase stack) {
        count(stack);
        try (var run = PreviewRun.of(stack)) {
            var problems = problemLines(run.err());
            if (run.code() == 1) {
                assertThat(problems).as("a failed program reports its problems; it printed:\n%s", run.printed()).isNotEmpty();
            }
            assertThat(problems).as("every problem line is `- <key>[<index>] = <value>: <fix>`; printed:\n%s", run.printed())
                    .allMatch(line -> KEY_VALUE_FIX.matcher(line).matches());
        }
    }

    @Property(tries = TRIES, generation = GenerationMode.RANDOMIZED, edgeCases = EdgeCasesMode.NONE, shrinking = ShrinkingMode.BOUNDED)
    void printsNothingTwice(@ForAll("badStackFiles") StackCase stack) {
        count(stack);
        try (var run = PreviewRun.of(stack)) {
            // Lines indented 8 or more continue a problem's fix (an example of the stack file): those may repeat.
            var seen = new HashSet<String>();
            var twice = run.printed().lines().filter(l -> !l.isBlank() && !l.startsWith("        ")).filter(l -> !seen.add(l)).toList();
            assertThat(twice).as("lines printed twice; printed:\n%s", run.printed()).isEmpty();
        }
    }

    /** Reports the cases of each property by kind and by pattern. */
    private static void count(StackCase stack) {
        Statistics.label("case").collect(BadStackFiles.label(stack));
        Statistics.label("pattern").collect(stack.pattern());
    }

    /** Whether the report names {@code key}: as a problem line's key, or in the one-line refusal of a usage error. */
    static boolean names(PreviewRun run, String key) {
        if (key.equals(BadStackFiles.CONFIG)) {
            return CONFIG_WORD.matcher(run.err()).find();
        }
        boolean asProblem = problemLines(run.err()).stream().anyMatch(l -> l.startsWith("    - " + key + " ")
                || l.startsWith("    - " + key + "[") || l.startsWith("    - " + key + "."));
        return asProblem || (run.code() == 2 && run.err().contains(key));
    }

    static List<String> problemLines(String err) {
        return err.lines().filter(l -> PROBLEM_LINE.matcher(l).matches()).toList();
    }
}
