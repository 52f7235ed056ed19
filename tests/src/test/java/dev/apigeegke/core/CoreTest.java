package dev.apigeegke.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** How problems are collected and reported: the message every component's user reads. */
class CoreTest {

    @Test
    void reportsEveryProblemInOneExceptionNamingArgumentValueAndFix() {
        var problems = new Problems("GkeCluster \"main\"")
                .add("project", "My_Project", "use the project id")
                .add("nodesPerZone", 0, "at least 1")
                .add("location", null, "set a region or zone");
        assertThatThrownBy(problems::throwIfAny)
                .isInstanceOfSatisfying(InvalidArgumentsException.class, e -> assertThat(e.problems()).containsExactly(
                        new Problem("project", "\"My_Project\"", "use the project id"),
                        new Problem("nodesPerZone", "0", "at least 1"),
                        new Problem("location", "(not set)", "set a region or zone")))
                .hasMessage("GkeCluster \"main\": 3 invalid arguments"
                        + "\n  - project = \"My_Project\": use the project id"
                        + "\n  - nodesPerZone = 0: at least 1"
                        + "\n  - location = (not set): set a region or zone");
    }

    @Test
    void saysInvalidArgumentInTheSingularForOneProblem() {
        assertThatThrownBy(() -> new Problems("Microservice").add("port", 0, "1 to 65535").throwIfAny())
                .hasMessage("Microservice: 1 invalid argument\n  - port = 0: 1 to 65535");
    }

    @Test
    void throwsNothingWhenEveryCheckPasses() {
        var problems = new Problems("x").check(true, "a", 1, "never shown");
        assertThat(problems.isEmpty()).isTrue();
        assertThatCode(problems::throwIfAny).doesNotThrowAnyException();
    }

    @Test
    void checkRecordsAProblemOnlyWhenTheConditionFails() {
        var problems = new Problems("x").check(false, "a", "v", "fix a").check(true, "b", "v", "fix b");
        assertThat(problems.list()).containsExactly(new Problem("a", "\"v\"", "fix a"));
    }

    @Test
    void takesOverTheProblemsOfNestedArguments() {
        var nested = new Problems("inner").add("rules[0]", "x", "fix").list();
        var outer = new Problems("outer").add("name", "N", "lowercase").addAll(nested);
        assertThat(outer.list()).containsExactly(new Problem("name", "\"N\"", "lowercase"), new Problem("rules[0]", "\"x\"", "fix"));
    }

    @Test
    void theReportedListCannotBeChangedAfterwards() {
        var problems = new Problems("x").add("a", 1, "fix");
        assertThatThrownBy(() -> problems.list().clear()).isInstanceOf(UnsupportedOperationException.class);
        try {
            problems.throwIfAny();
        } catch (InvalidArgumentsException e) {
            problems.add("b", 2, "later");
            assertThat(e.problems()).hasSize(1);
            assertThatThrownBy(() -> e.problems().add(new Problem("c", "3", "f"))).isInstanceOf(UnsupportedOperationException.class);
            return;
        }
        throw new AssertionError("expected an exception");
    }

    @Test
    void anInvalidArgumentIsAnIllegalArgument() {
        assertThatThrownBy(() -> new Problems("x").add("a", 1, "fix").throwIfAny()).isInstanceOf(IllegalArgumentException.class);
    }
}
