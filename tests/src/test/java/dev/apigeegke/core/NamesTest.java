package dev.apigeegke.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NamesTest {

    private static List<Problem> label(String value, int longestSuffix) {
        var problems = new Problems("test");
        Names.checkLabel(problems, "name", value, longestSuffix);
        return problems.list();
    }

    private static List<Problem> subdomain(String value) {
        var problems = new Problems("test");
        Names.checkSubdomain(problems, "name", value);
        return problems.list();
    }

    @Test
    void childNamesAreTheComponentNameAndASuffixWithoutRandomness() {
        assertThat(Names.child("main", "nodes")).isEqualTo("main-nodes");
        assertThat(Names.child("main", "nodes")).isEqualTo(Names.child("main", "nodes"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"a", "orders", "orders-v2", "a1"})
    void acceptsLowercaseLabelsStartingWithALetter(String value) {
        assertThat(label(value, 0)).isEmpty();
        assertThat(Names.isLabel(value)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Orders", "orders_v2", "1orders", "orders-", "-orders", "orders.v2", "ord ers"})
    void rejectsLabelsGcpAndKubernetesRefuse(String value) {
        assertThat(label(value, 0)).singleElement().satisfies(p -> {
            assertThat(p.argument()).isEqualTo("name");
            assertThat(p.value()).isEqualTo("\"" + value + "\"");
            assertThat(p.fix()).contains("lowercase letters, digits and '-'");
        });
        assertThat(Names.isLabel(value)).isFalse();
    }

    @Test
    void requiresAName() {
        assertThat(label(null, 0)).singleElement().satisfies(p -> {
            assertThat(p.value()).isEqualTo("(not set)");
            assertThat(p.fix()).contains("a name is required");
        });
        assertThat(label("", 0)).singleElement().satisfies(p -> assertThat(p.fix()).contains("a name is required"));
        assertThat(Names.isLabel(null)).isFalse();
        assertThat(Names.isLabel("")).isFalse();
    }

    @Test
    void leavesRoomForTheLongestChildSuffixWithin63Characters() {
        assertThat(label("a".repeat(63), 0)).isEmpty();
        assertThat(label("a".repeat(64), 0)).singleElement().satisfies(p -> assertThat(p.fix()).contains("at most 63 characters"));
        assertThat(label("a".repeat(57), 6)).isEmpty();
        assertThat(label("a".repeat(58), 6)).singleElement()
                .satisfies(p -> assertThat(p.fix()).contains("63 characters").contains("use at most 57 characters"));
        assertThat(Names.isLabel("a".repeat(63))).isTrue();
        assertThat(Names.isLabel("a".repeat(64))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"orders", "orders.shop", "0orders", "a.b-c.d"})
    void acceptsKubernetesSubdomainNames(String value) {
        assertThat(subdomain(value)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Orders", "orders_", "orders.", ".orders", "orders..shop", "-orders"})
    void rejectsNamesThatAreNotKubernetesSubdomains(String value) {
        assertThat(subdomain(value)).singleElement().satisfies(p -> assertThat(p.fix()).contains("use a Kubernetes name"));
    }

    @Test
    void limitsSubdomainsTo253Characters() {
        String longest = String.join(".", "a".repeat(63), "b".repeat(63), "c".repeat(63), "d".repeat(61));
        assertThat(longest).hasSize(253);
        assertThat(subdomain(longest)).isEmpty();
        assertThat(subdomain(longest + "d")).hasSize(1);
        assertThat(subdomain(null)).singleElement().satisfies(p -> assertThat(p.value()).isEqualTo("(not set)"));
    }
}
