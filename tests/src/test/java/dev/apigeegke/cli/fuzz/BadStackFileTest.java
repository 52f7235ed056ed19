package dev.apigeegke.cli.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apigeegke.cli.fuzz.Stacks.StackCase;
import java.util.HashSet;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/**
 * What a user sees when a stack file is wrong, over generated bad files of every pattern
 * ({@link BadStackFiles}): the preview refuses it with one report that names every broken key by its stack key, with
 * its value and a fix, prints no stack trace and nothing twice, and the program registers no resource. Each property
 * is a QuickTheories theory of 55 examples (a repeat of an example already run is skipped), at least 300 bad files a
 * run; a failing case is shrunk (for a bounded number of cycles) and printed as its stack file, with the seed that
 * reproduces it: see {@link Fuzz} for {@code -Dfuzz.seed}. Each property prints its examples by kind of case and by
 * pattern.
 */
class BadStackFileTest {
    private static final int TRIES = 55;
    /** A problem line of the report: {@code    - <stack key>[<index>] = <value>: <fix>}. */
    private static final Pattern PROBLEM_LINE = Pattern.compile("^    - .*");
    static final Pattern KEY_VALUE_FIX = Pattern.compile(
            "^    - (gcp|apigee|apigee-gke):[A-Za-z]+(\\[\\d+\\])?(\\.[A-Za-z]+)? = (\\(not set\\)|\".*\"|\\S.*?): \\S.*");
    static final Pattern TRACE = Pattern.compile("(?m)^\\s+at [\\w$.]+\\(|\\tat |^\\s*Caused by|\\b[A-Z]\\w*(Exception|Error)\\b|\\bjava\\.[a-z]+\\.");
    private static final Pattern CONFIG_WORD = Pattern.compile("(?<![-\\w])" + BadStackFiles.CONFIG + "(?![\\w-])");
    private static final String STACK_RESOURCE = "pulumi:pulumi:Stack";
    private static final Pattern STACK_FILE_REFUSAL = Pattern.compile("^apigee-gke: \\S+\\.yaml(, line \\d+)?: ");
    private static final Pattern DECLARATION_REFUSAL = Pattern.compile(
            "validating stack config: .*'(gcp|apigee|apigee-gke):[A-Za-z]+'");

    @Test
    void exitsWithOneOrTwo(TestInfo test) {
        check(test, stack -> {
            try (var run = PreviewRun.of(stack)) {
                assertThat(run.code()).as("exit code; printed:\n%s", run.printed()).isIn(1, 2);
            }
        });
    }

    @Test
    void namesEveryBrokenKeyByItsStackKey(TestInfo test) {
        check(test, stack -> {
            try (var run = PreviewRun.of(stack)) {
                var keys = BadStackFiles.keysToName(stack);
                if (refusedByDeclaration(run)) {
                    // As the Pulumi CLI does, the declaration's type check stops at the first key of the wrong type.
                    assertThat(keys).as("the refusal names a broken key; it printed:\n%s", run.printed())
                            .anyMatch(key -> run.err().contains("'" + key + "'"));
                    return;
                }
                for (String key : keys) {
                    assertThat(names(run, key)).as("the report names %s; it printed:\n%s", key, run.printed()).isTrue();
                }
            }
        });
    }

    @Test
    void printsNoStackTrace(TestInfo test) {
        check(test, stack -> {
            try (var run = PreviewRun.of(stack)) {
                var trace = TRACE.matcher(run.printed());
                boolean found = trace.find();
                assertThat(found).as("printed a trace or Java class name (%s):\n%s", found ? trace.group() : "", run.printed()).isFalse();
            }
        });
    }

    @Test
    void registersNoResource(TestInfo test) {
        check(test, stack -> {
            // On the engine itself: the command line writes no plan for a failed run, whatever the program registered first.
            assertThat(PreviewRun.registered(stack)).as("the resources the program registered (only the stack itself may be)")
                    .allMatch(STACK_RESOURCE::equals);
        });
    }

    @Test
    void everyReportLineNamesAKeyAValueAndAFix(TestInfo test) {
        check(test, stack -> {
            try (var run = PreviewRun.of(stack)) {
                var problems = problemLines(run.err());
                if (refusedByDeclaration(run)) {
                    assertThat(run.err()).as("the CLI's one-line refusal names the key; printed:\n%s", run.printed())
                            .containsPattern(DECLARATION_REFUSAL);
                    return;
                }
                if (refusedFile(run)) {
                    return;
                }
                if (run.code() == 1) {
                    assertThat(problems).as("a failed program reports its problems; it printed:\n%s", run.printed()).isNotEmpty();
                }
                assertThat(problems).as("every problem line is `- <key>[<index>] = <value>: <fix>`; printed:\n%s", run.printed())
                        .allMatch(line -> KEY_VALUE_FIX.matcher(line).matches());
            }
        });
    }

    @Test
    void printsNothingTwice(TestInfo test) {
        check(test, stack -> {
            try (var run = PreviewRun.of(stack)) {
                // Lines indented 8 or more continue a problem's fix (an example of the stack file): those may repeat.
                var seen = new HashSet<String>();
                var twice = run.printed().lines().filter(l -> !l.isBlank() && !l.startsWith("        ")).filter(l -> !seen.add(l)).toList();
                assertThat(twice).as("lines printed twice; printed:\n%s", run.printed()).isEmpty();
            }
        });
    }

    /** Checks {@code property} on {@link #TRIES} bad stack files, counting them by kind of case and by pattern. */
    private static void check(TestInfo test, Property property) {
        try (var counts = new Counts(test)) {
            Fuzz.qt(TRIES).forAll(BadStackFiles.any()).checkAssert(stack -> counts.run(() -> property.check(stack),
                    "case", BadStackFiles.label(stack), "pattern", stack.pattern()));
        }
    }

    /** A property of one bad stack file. */
    @FunctionalInterface
    private interface Property {
        void check(StackCase stack) throws Exception;
    }

    /** Whether the report names {@code key}: as a problem line's key, or in the one-line refusal of a usage error. */
    static boolean names(PreviewRun run, String key) {
        if (key.equals(BadStackFiles.CONFIG)) {
            return CONFIG_WORD.matcher(run.err()).find();
        }
        if (refusedFile(run) && run.err().contains("key '" + key + "'")) {
            return true;
        }
        boolean asProblem = problemLines(run.err()).stream().anyMatch(l -> l.startsWith("    - " + key + " ")
                || l.startsWith("    - " + key + "[") || l.startsWith("    - " + key + "."));
        return asProblem || (run.code() == 2 && run.err().contains(key));
    }

    /**
     * Whether the stack was refused before the program ran, as the Pulumi CLI refuses a stack against the project's
     * config declaration ("error: validating stack config: ...", one key, or the missing ones).
     */
    static boolean refusedByDeclaration(PreviewRun run) {
        return run.code() == 1 && run.err().contains("validating stack config: ");
    }

    /** Whether the stack file itself was refused (not a mapping, a key given twice, not YAML): one line naming the file. */
    static boolean refusedFile(PreviewRun run) {
        return run.code() == 1 && STACK_FILE_REFUSAL.matcher(run.err()).find();
    }

    static List<String> problemLines(String err) {
        return err.lines().filter(l -> PROBLEM_LINE.matcher(l).matches()).toList();
    }
}
