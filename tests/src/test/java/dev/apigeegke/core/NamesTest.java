package dev.apigeegke.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apigeegke.testing.Rejections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NamesTest {

    private static List<String> label(String value, int longestSuffix) {
        var problems = new Problems("test");
        Names.checkLabel(problems, "name", value, longestSuffix);
        return Rejections.lines(problems.list());
    }

    private static List<String> subdomain(String value) {
        var problems = new Problems("test");
        Names.checkSubdomain(problems, "name", value);
        return Rejections.lines(problems.list());
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
        assertThat(label(value, 0)).containsExactly("name = \"" + value + "\": "
                        + "use lowercase letters, digits and '-', starting with a letter and not ending with '-' (GCP and "
                                + "Kubernetes naming rules)");
        assertThat(Names.isLabel(value)).isFalse();
    }

    @Test
    void requiresAName() {
        assertThat(label(null, 0)).containsExactly("name = (not set): a name is required: lowercase letters, digits and '-', "
                + "starting with a letter");
        assertThat(label("", 0)).containsExactly("name = \"\": a name is required: lowercase letters, digits and '-', starting "
                + "with a letter");
        assertThat(Names.isLabel(null)).isFalse();
        assertThat(Names.isLabel("")).isFalse();
    }

    @Test
    void leavesRoomForTheLongestChildSuffixWithin63Characters() {
        assertThat(label("a".repeat(63), 0)).isEmpty();
        assertThat(label("a".repeat(64), 0)).containsExactly("name = \"" + "a".repeat(64) + "\": "
                        + "too long: with the longest child suffix it must stay within 63 characters; use at most 63 characters");
        assertThat(label("a".repeat(57), 6)).isEmpty();
        assertThat(label("a".repeat(58), 6)).containsExactly("name = "
                + "\"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\": too long: with the longest child suffix it "
                + "must stay within 63 characters; use at most 57 characters");
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
        assertThat(subdomain(value)).containsExactly("name = \"" + value + "\": "
                        + "use a Kubernetes name: lowercase letters, digits, '-' and '.', at most 253 characters");
    }

    @Test
    void limitsSubdomainsTo253Characters() {
        String longest = String.join(".", "a".repeat(63), "b".repeat(63), "c".repeat(63), "d".repeat(61));
        assertThat(longest).hasSize(253);
        assertThat(subdomain(longest)).isEmpty();
        assertThat(subdomain(longest + "d")).containsExactly("name = \"" + longest + "d\": "
                        + "use a Kubernetes name: lowercase letters, digits, '-' and '.', at most 253 characters");
        assertThat(subdomain(null)).containsExactly("name = (not set): use a Kubernetes name: lowercase letters, digits, '-' and "
                + "'.', at most 253 characters");
    }
}
