package dev.apigeegke.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.apigeegke.network.NetworkPolicies.ContainerPort;
import dev.apigeegke.network.NetworkPolicies.FromAddress;
import dev.apigeegke.network.NetworkPolicies.FromPod;
import dev.apigeegke.network.NetworkPolicies.Pod;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The evaluator against the examples of the Kubernetes documentation (concepts/services-networking/network-policies
 * and the NetworkPolicy API reference), so the pattern matrices rest on the documented semantics.
 */
class NetworkPoliciesTest {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    /** The docs' "test-network-policy", ingress part. */
    private static final String TEST_NETWORK_POLICY = """
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata:
              name: test-network-policy
              namespace: default
            spec:
              podSelector:
                matchLabels:
                  role: db
              policyTypes:
              - Ingress
              - Egress
              ingress:
              - from:
                - ipBlock:
                    cidr: 172.17.0.0/16
                    except:
                    - 172.17.1.0/24
                - namespaceSelector:
                    matchLabels:
                      project: myproject
                - podSelector:
                    matchLabels:
                      role: frontend
                ports:
                - protocol: TCP
                  port: 6379
            """;

    private static Map<String, Object> yaml(String text) {
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> map = YAML.readValue(text, Map.class);
            return map;
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static Pod pod(String namespace, String name, Map<String, String> labels, ContainerPort... ports) {
        return new Pod(namespace, name, labels, List.of(ports));
    }

    private static FromPod from(Pod pod) {
        return new FromPod(pod);
    }

    private static final Pod DB = pod("default", "db", Map.of("role", "db"), new ContainerPort("redis", 6379, "TCP"));
    private static final Pod FRONTEND = pod("default", "frontend", Map.of("role", "frontend"));

    private static NetworkPolicies docsCluster() {
        return new NetworkPolicies().namespace("default", Map.of()).namespace("myproject", Map.of("project", "myproject"))
                .namespace("other", Map.of()).policy(yaml(TEST_NETWORK_POLICY));
    }

    @Test
    void theDocsExampleAdmitsItsThreeKindsOfPeerOnTcp6379Only() {
        var cluster = docsCluster();
        assertThat(cluster.allows(new FromAddress("172.17.0.5"), DB, 6379, "TCP")).isTrue();
        assertThat(cluster.allows(from(FRONTEND), DB, 6379, "TCP")).isTrue();
        assertThat(cluster.allows(from(pod("myproject", "any", Map.of())), DB, 6379, "TCP")).isTrue();

        assertThat(cluster.allows(new FromAddress("172.17.1.5"), DB, 6379, "TCP")).as("in the except range").isFalse();
        assertThat(cluster.allows(new FromAddress("10.0.0.1"), DB, 6379, "TCP")).isFalse();
        assertThat(cluster.allows(from(FRONTEND), DB, 6380, "TCP")).isFalse();
        assertThat(cluster.allows(from(FRONTEND), DB, 6379, "UDP")).isFalse();
        // A podSelector alone means pods of the policy's own namespace.
        assertThat(cluster.allows(from(pod("other", "frontend", Map.of("role", "frontend"))), DB, 6379, "TCP")).isFalse();
    }

    @Test
    void aPodNoPolicySelectsIsNotIsolated() {
        var web = pod("default", "web", Map.of("role", "web"));
        assertThat(docsCluster().allows(new FromAddress("10.0.0.1"), web, 1234, "UDP")).isTrue();
    }

    @Test
    void defaultDenyAndAllowAllFromTheDocs() {
        var anyPod = pod("default", "x", Map.of("app", "x"));
        var deny = new NetworkPolicies().policy(yaml("""
                metadata: {name: default-deny-ingress, namespace: default}
                spec:
                  podSelector: {}
                  policyTypes: [Ingress]
                """));
        assertThat(deny.allows(new FromAddress("10.0.0.1"), anyPod, 80, "TCP")).isFalse();
        assertThat(deny.allows(from(FRONTEND), anyPod, 80, "TCP")).isFalse();
        var allow = new NetworkPolicies().policy(yaml("""
                metadata: {name: allow-all-ingress, namespace: default}
                spec:
                  podSelector: {}
                  ingress:
                  - {}
                  policyTypes: [Ingress]
                """));
        assertThat(allow.allows(new FromAddress("10.0.0.1"), anyPod, 80, "TCP")).isTrue();
        assertThat(allow.allows(from(pod("other", "y", Map.of())), anyPod, 9, "UDP")).isTrue();
    }

    @Test
    void withoutPolicyTypesEveryPolicyAffectsIngressButAnEgressOnlyPolicyDoesNot() {
        var target = pod("default", "x", Map.of("app", "x"));
        var noTypes = new NetworkPolicies().policy(yaml("""
                metadata: {name: no-types}
                spec:
                  podSelector: {matchLabels: {app: x}}
                """));
        assertThat(noTypes.allows(new FromAddress("10.0.0.1"), target, 80, "TCP")).isFalse();
        var egressOnly = new NetworkPolicies().policy(yaml("""
                metadata: {name: egress-only}
                spec:
                  podSelector: {matchLabels: {app: x}}
                  policyTypes: [Egress]
                """));
        assertThat(egressOnly.allows(new FromAddress("10.0.0.1"), target, 80, "TCP")).isTrue();
    }

    @Test
    void namespaceAndPodSelectorsInOnePeerMustBothMatchButInTwoPeersEitherDoes() {
        var db = pod("default", "db", Map.of("role", "db"));
        var aliceClient = pod("alice", "client", Map.of("role", "client"));
        var aliceOther = pod("alice", "other", Map.of("role", "other"));
        var bobClient = pod("bob", "client", Map.of("role", "client"));
        var defaultClient = pod("default", "client", Map.of("role", "client"));
        var and = new NetworkPolicies().namespace("alice", Map.of("user", "alice")).namespace("bob", Map.of()).policy(yaml("""
                metadata: {name: and}
                spec:
                  podSelector: {matchLabels: {role: db}}
                  ingress:
                  - from:
                    - namespaceSelector: {matchLabels: {user: alice}}
                      podSelector: {matchLabels: {role: client}}
                """));
        assertThat(and.allows(from(aliceClient), db, 80, "TCP")).isTrue();
        assertThat(and.allows(from(aliceOther), db, 80, "TCP")).isFalse();
        assertThat(and.allows(from(bobClient), db, 80, "TCP")).isFalse();
        var or = new NetworkPolicies().namespace("alice", Map.of("user", "alice")).namespace("bob", Map.of()).policy(yaml("""
                metadata: {name: or}
                spec:
                  podSelector: {matchLabels: {role: db}}
                  ingress:
                  - from:
                    - namespaceSelector: {matchLabels: {user: alice}}
                    - podSelector: {matchLabels: {role: client}}
                """));
        assertThat(or.allows(from(aliceOther), db, 80, "TCP")).isTrue();
        assertThat(or.allows(from(defaultClient), db, 80, "TCP")).isTrue();
        assertThat(or.allows(from(bobClient), db, 80, "TCP")).as("podSelector alone: the policy's namespace only").isFalse();
    }

    @Test
    void anEmptyNamespaceSelectorMeansEveryNamespaceAndEveryNamespaceHasItsNameLabel() {
        var db = pod("default", "db", Map.of("role", "db"));
        var cluster = new NetworkPolicies().namespace("shop", Map.of()).policy(yaml("""
                metadata: {name: everyone}
                spec:
                  podSelector: {matchLabels: {role: db}}
                  ingress:
                  - from:
                    - namespaceSelector: {}
                """));
        assertThat(cluster.allows(from(pod("shop", "a", Map.of())), db, 80, "TCP")).isTrue();
        assertThat(cluster.allows(new FromAddress("10.0.0.1"), db, 80, "TCP")).as("selectors match pods, not addresses").isFalse();
        var byName = new NetworkPolicies().namespace("shop", Map.of()).namespace("other", Map.of()).policy(yaml("""
                metadata: {name: by-name}
                spec:
                  podSelector: {matchLabels: {role: db}}
                  ingress:
                  - from:
                    - namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: shop}}
                """));
        assertThat(byName.allows(from(pod("shop", "a", Map.of())), db, 80, "TCP")).isTrue();
        assertThat(byName.allows(from(pod("other", "a", Map.of())), db, 80, "TCP")).isFalse();
    }

    @Test
    void anEmptyFromAdmitsEverySourceAndAbsentPortsEveryPort() {
        var db = pod("default", "db", Map.of("role", "db"));
        var cluster = new NetworkPolicies().policy(yaml("""
                metadata: {name: ports-only}
                spec:
                  podSelector: {matchLabels: {role: db}}
                  ingress:
                  - from: []
                    ports: [{port: 80}]
                  - from: [{podSelector: {matchLabels: {role: admin}}}]
                """));
        assertThat(cluster.allows(new FromAddress("198.51.100.1"), db, 80, "TCP")).isTrue();
        assertThat(cluster.allows(new FromAddress("198.51.100.1"), db, 81, "TCP")).isFalse();
        assertThat(cluster.allows(new FromAddress("198.51.100.1"), db, 80, "UDP")).as("protocol defaults to TCP").isFalse();
        var admin = pod("default", "admin", Map.of("role", "admin"));
        assertThat(cluster.allows(from(admin), db, 22, "TCP")).isTrue();
        assertThat(cluster.allows(from(admin), db, 53, "UDP")).isTrue();
    }

    @Test
    void endPortAdmitsTheInclusiveRangeFromTheDocs() {
        var db = pod("default", "db", Map.of("role", "db"));
        var cluster = new NetworkPolicies().policy(yaml("""
                metadata: {name: multi-port-egress-and-ingress}
                spec:
                  podSelector: {matchLabels: {role: db}}
                  policyTypes: [Ingress]
                  ingress:
                  - from: [{ipBlock: {cidr: 10.0.0.0/24}}]
                    ports: [{protocol: TCP, port: 32000, endPort: 32768}]
                """));
        for (int port : List.of(32000, 32500, 32768)) {
            assertThat(cluster.allows(new FromAddress("10.0.0.9"), db, port, "TCP")).as("port " + port).isTrue();
        }
        for (int port : List.of(31999, 32769)) {
            assertThat(cluster.allows(new FromAddress("10.0.0.9"), db, port, "TCP")).as("port " + port).isFalse();
        }
        assertThatThrownBy(() -> new NetworkPolicies().policy(yaml("""
                metadata: {name: bad}
                spec:
                  podSelector: {}
                  ingress: [{ports: [{port: http, endPort: 90}]}]
                """))).hasMessageContaining("endPort");
    }

    @Test
    void aNamedPortIsResolvedAgainstEachDestinationPodsOwnContainerPorts() {
        var cluster = new NetworkPolicies().policy(yaml("""
                metadata: {name: named}
                spec:
                  podSelector: {}
                  ingress:
                  - ports: [{port: http}]
                """));
        var on8080 = pod("default", "a", Map.of(), new ContainerPort("http", 8080, "TCP"), new ContainerPort("admin", 9000, "TCP"));
        var on9090 = pod("default", "b", Map.of(), new ContainerPort("http", 9090, "TCP"));
        var unnamed = pod("default", "c", Map.of(), new ContainerPort(null, 8080, "TCP"));
        var source = new FromAddress("203.0.113.1");
        assertThat(cluster.allows(source, on8080, 8080, "TCP")).isTrue();
        assertThat(cluster.allows(source, on8080, 9000, "TCP")).isFalse();
        assertThat(cluster.allows(source, on9090, 9090, "TCP")).isTrue();
        assertThat(cluster.allows(source, on9090, 8080, "TCP")).isFalse();
        assertThat(cluster.allows(source, unnamed, 8080, "TCP")).isFalse();
    }

    @Test
    void anIpBlockNeverAdmitsPodTrafficInTheStrictReading() {
        var db = pod("default", "db", Map.of("role", "db"));
        var cluster = new NetworkPolicies().policy(yaml("""
                metadata: {name: world}
                spec:
                  podSelector: {matchLabels: {role: db}}
                  ingress:
                  - from: [{ipBlock: {cidr: 0.0.0.0/0}}, {ipBlock: {cidr: "::/0"}}]
                """));
        assertThat(cluster.allows(new FromAddress("192.0.2.1"), db, 80, "TCP")).isTrue();
        assertThat(cluster.allows(new FromAddress("2001:db8::1"), db, 80, "TCP")).isTrue();
        assertThat(cluster.allows(from(FRONTEND), db, 80, "TCP")).isFalse();
    }

    @Test
    void matchExpressionsFollowTheirFourOperators() {
        var cluster = new NetworkPolicies().policy(yaml("""
                metadata: {name: expressions}
                spec:
                  podSelector:
                    matchExpressions:
                    - {key: tier, operator: In, values: [api, web]}
                    - {key: env, operator: NotIn, values: [dev]}
                    - {key: team, operator: Exists}
                    - {key: legacy, operator: DoesNotExist}
                  policyTypes: [Ingress]
                """));
        var source = new FromAddress("203.0.113.1");
        // Selected pods are isolated (no rule admits anything); unselected ones are open.
        assertThat(cluster.allows(source, pod("default", "a", Map.of("tier", "api", "team", "t")), 80, "TCP"))
                .as("NotIn selects a pod without the key").isFalse();
        assertThat(cluster.allows(source, pod("default", "b", Map.of("tier", "web", "env", "prod", "team", "t")), 80, "TCP")).isFalse();
        assertThat(cluster.allows(source, pod("default", "c", Map.of("tier", "db", "team", "t")), 80, "TCP")).as("not In").isTrue();
        assertThat(cluster.allows(source, pod("default", "d", Map.of("tier", "api", "env", "dev", "team", "t")), 80, "TCP")).isTrue();
        assertThat(cluster.allows(source, pod("default", "e", Map.of("tier", "api")), 80, "TCP")).as("no team").isTrue();
        assertThat(cluster.allows(source, pod("default", "f", Map.of("tier", "api", "team", "t", "legacy", "")), 80, "TCP")).isTrue();
        assertThatThrownBy(() -> new NetworkPolicies().policy(yaml("""
                metadata: {name: bad}
                spec:
                  podSelector: {matchExpressions: [{key: tier, operator: In}]}
                """))).hasMessageContaining("In and NotIn need values");
    }

    @Test
    void policiesAddUpAndNoneTakesAwayWhatAnotherAdmits() {
        var db = pod("default", "db", Map.of("role", "db"));
        var cluster = new NetworkPolicies()
                .policy(yaml("""
                        metadata: {name: deny-all}
                        spec: {podSelector: {}, policyTypes: [Ingress]}
                        """))
                .policy(yaml("""
                        metadata: {name: frontend-to-db}
                        spec:
                          podSelector: {matchLabels: {role: db}}
                          ingress: [{from: [{podSelector: {matchLabels: {role: frontend}}}], ports: [{port: 6379}]}]
                        """));
        assertThat(cluster.allows(from(FRONTEND), db, 6379, "TCP")).isTrue();
        assertThat(cluster.allows(from(FRONTEND), db, 22, "TCP")).isFalse();
        // A policy in another namespace selects nothing here.
        var elsewhere = new NetworkPolicies().policy(yaml("""
                metadata: {name: deny-all, namespace: other}
                spec: {podSelector: {}, policyTypes: [Ingress]}
                """));
        assertThat(elsewhere.allows(new FromAddress("10.0.0.1"), db, 80, "TCP")).isTrue();
    }

    @Test
    void rejectsPeersTheApiServerRejects() {
        assertThatThrownBy(() -> new NetworkPolicies().policy(yaml("""
                metadata: {name: empty-peer}
                spec: {podSelector: {}, ingress: [{from: [{}]}]}
                """))).hasMessageContaining("needs a podSelector, a namespaceSelector or an ipBlock");
        assertThatThrownBy(() -> new NetworkPolicies().policy(yaml("""
                metadata: {name: mixed}
                spec: {podSelector: {}, ingress: [{from: [{ipBlock: {cidr: 10.0.0.0/8}, podSelector: {}}]}]}
                """))).hasMessageContaining("takes no selector");
    }
}
