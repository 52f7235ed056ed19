package dev.apigeegke.cluster;

import static dev.apigeegke.testing.Rejections.problems;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * GKE's published limits and the project id rule, checked before anything is declared: node counts per pool and
 * zone and per cluster, 6 to 30 character project ids, and lists that must not repeat an entry.
 */
class GkeClusterRulesTest {
    private static GkeClusterArgs.Builder args() {
        return GkeClusterArgs.builder().project("my-project").location("europe-west1");
    }

    @Test
    void refusesMoreNodesPerZoneThanGkeAllowsInANodePool() {
        assertThat(problems(() -> args().autoscaling(false).nodesPerZone(1001).build())).containsExactly(
                "nodesPerZone = 1001: GKE allows at most 1000 nodes per node pool in a zone");
        assertThat(args().autoscaling(false).nodesPerZone(1000).build().totalNodes()).isEqualTo(3000);
    }

    @Test
    void refusesAutoscalingBoundsAboveThePoolsZonesLimit() {
        assertThat(problems(() -> args().location("europe-west1-b").minNodes(3).maxNodes(1001).build())).containsExactly(
                "maxNodes = 1001: GKE allows at most 1000 nodes per node pool in a zone, 1000 in the pool's 1 zone(s)");
        assertThat(problems(() -> args().minNodes(3001).maxNodes(3001).build())).containsExactly(
                "nodesPerZone = 1001: GKE allows at most 1000 nodes per node pool in a zone",
                "minNodes = 3001: GKE allows at most 1000 nodes per node pool in a zone, 3000 in the pool's 3 zone(s)",
                "maxNodes = 3001: GKE allows at most 1000 nodes per node pool in a zone, 3000 in the pool's 3 zone(s)");
        var most = args().minNodes(3).maxNodes(3000).build();
        assertThat(most.maxNodes()).isEqualTo(3000);
    }

    @Test
    void countsNearTheIntRangeAreReportedOnceNotOverflowed() {
        // 3 zones of 2147483647 nodes overflowed an int: the default maximum came out as -6.
        assertThat(problems(() -> args().nodesPerZone(Integer.MAX_VALUE).build())).containsExactly(
                "nodesPerZone = 2147483647: GKE allows at most 1000 nodes per node pool in a zone");
        assertThat(problems(() -> args().minNodes(Integer.MAX_VALUE).build())).containsExactly(
                "nodesPerZone = 715827883: GKE allows at most 1000 nodes per node pool in a zone",
                "minNodes = 2147483647: GKE allows at most 1000 nodes per node pool in a zone, 3000 in the pool's 3 zone(s)");
    }

    @Test
    void nodeBoundsAreCheckedEvenWhenTheLocationIsNot() {
        // A bad location hid every scaling check: a stack with both mistakes showed one.
        assertThat(problems(() -> args().location("nowhere").maxNodes(-1).build())).hasSize(2)
                .anyMatch(line -> line.startsWith("location = \"nowhere\": "))
                .contains("maxNodes = -1: give a maximum of at least 1 node(s), and at least minNodes");
    }

    @Test
    void saysWhenOnlyTheDefaultMaximumIsTooHigh() {
        assertThat(problems(() -> args().location("europe-west1-b").nodesPerZone(600).minNodes(600).build())).containsExactly(
                "maxNodes = 1200: GKE allows at most 1000 nodes per node pool in a zone, 1000 in the pool's 1 zone(s) "
                        + "(maxNodes defaults to twice minNodes): set maxNodes");
    }

    @Test
    void refusesAutoscalingBoundsAboveTheClusterLimit() {
        var zones = List.of("europe-west1-b", "europe-west1-c", "europe-west1-d", "europe-west1-e", "europe-west1-f",
                "europe-west1-g", "europe-west1-h", "europe-west1-i", "europe-west1-j", "europe-west1-k", "europe-west1-l",
                "europe-west1-m", "europe-west1-n", "europe-west1-o", "europe-west1-p", "europe-west1-q");
        assertThat(problems(() -> args().nodeLocations(zones).nodesPerZone(1).minNodes(16).maxNodes(15001).build()))
                .containsExactly("maxNodes = 15001: GKE allows at most 15000 nodes in a cluster");
        assertThat(args().nodeLocations(zones).nodesPerZone(1).minNodes(16).maxNodes(15000).build().maxNodes()).isEqualTo(15000);
    }

    @Test
    void projectIdsFollowGooglesRule() {
        assertThat(problems(() -> args().project("my-proj-").build())).containsExactly("project = \"my-proj-\": ends with '-': "
                + "a project id is 6 to 30 lowercase letters, digits and '-', starting with a letter and not ending with '-'");
        assertThat(problems(() -> args().project("a".repeat(31)).build())).containsExactly("project = \"" + "a".repeat(31)
                + "\": is 31 characters: a project id is 6 to 30 lowercase letters, digits and '-', starting with a letter and "
                + "not ending with '-'");
        assertThat(problems(() -> args().project("12345-project").build())).containsExactly("project = \"12345-project\": starts "
                + "with '1': a project id is 6 to 30 lowercase letters, digits and '-', starting with a letter and not ending with '-'");
        assertThat(problems(() -> args().project("my.project").build())).containsExactly("project = \"my.project\": has "
                + "characters other than letters, digits and '-': a project id is 6 to 30 lowercase letters, digits and '-', "
                + "starting with a letter and not ending with '-' (give the id, not the display name)");
        for (String valid : List.of("abcdef", "a".repeat(30), "a-----b", "p-0123456789")) {
            assertThat(args().project(valid).build().project()).isEqualTo(valid);
        }
    }

    @Test
    void refusesARepeatedZoneOrControlPlaneRange() {
        assertThat(problems(() -> args()
                .nodeLocations(List.of("europe-west1-b", "europe-west1-c", "europe-west1-b"))
                .masterAuthorizedNetworks(List.of("203.0.113.0/24", "2001:db8::/32", "203.0.113.0/24"))
                .build())).containsExactly(
                        "nodeLocations[2] = \"europe-west1-b\": listed twice; remove the duplicate",
                        "masterAuthorizedNetworks[2] = \"203.0.113.0/24\": listed twice; remove the duplicate");
    }

    @Test
    void aNameWhoseNodePoolNameIsExactlyFortyCharactersFitsOneMoreDoesNot() {
        var given = args().nodeServiceAccount("nodes@my-project.iam.gserviceaccount.com").build();
        GkeCluster.requireName("name", "c".repeat(34), given);
        assertThat(problems(() -> GkeCluster.requireName("name", "c".repeat(35), given))).hasSize(1);
    }
}
