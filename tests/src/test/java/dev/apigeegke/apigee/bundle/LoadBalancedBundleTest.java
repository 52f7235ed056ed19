package dev.apigeegke.apigee.bundle;

import static dev.apigeegke.apigee.bundle.Bundles.TARGET;
import static dev.apigeegke.apigee.bundle.Bundles.all;
import static dev.apigeegke.apigee.bundle.Bundles.at;
import static dev.apigeegke.apigee.bundle.Bundles.names;
import static dev.apigeegke.apigee.bundle.Bundles.problems;
import static dev.apigeegke.apigee.bundle.Bundles.render;
import static dev.apigeegke.apigee.bundle.Bundles.x;
import static dev.apigeegke.apigee.bundle.Bundles.xml;
import static org.assertj.core.api.Assertions.assertThat;

import dev.apigeegke.apigee.bundle.LoadBalancing.Algorithm;
import dev.apigeegke.apigee.bundle.LoadBalancing.Server;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Document;

/**
 * A target endpoint balancing over several target servers: the {@code <LoadBalancer>} and {@code <HealthMonitor>}
 * Apigee reads, read back from the rendered XML, and the settings rejected before anything is rendered.
 */
class LoadBalancedBundleTest {
    /** Not in alphabetical order, so that a sorted list would show. */
    static final List<String> SERVERS = List.of("orders-eu", "orders-us", "orders-asia", "orders-au", "orders-br");
    /** The weights under {@code Weighted}, in the servers' order. */
    static final List<Integer> WEIGHTS = List.of(3, 1, 4, 1, 5);
    private static final String CONNECTION = "/TargetEndpoint/HTTPTargetConnection";
    private static final String REQUEST = CONNECTION + "/HealthMonitor/HTTPMonitor/Request";

    /** The first {@code count} servers, the last of them the fallback; weighted only under {@code Weighted}. */
    static List<Server> servers(int count, Algorithm algorithm, boolean fallback) {
        return IntStream.range(0, count)
                .mapToObj(i -> new Server(SERVERS.get(i), algorithm == Algorithm.WEIGHTED ? WEIGHTS.get(i) : 1, fallback && i == count - 1))
                .toList();
    }

    /** An X proxy with target path /api balancing over {@code servers}, 3 failures taking one out, monitored by {@code monitor}. */
    static ProxyModel.Builder balanced(List<Server> servers, Algorithm algorithm, HealthMonitor monitor) {
        return x().targetPath("/api").targetServers(servers, LoadBalancing.of(algorithm, 3, monitor));
    }

    private static Document target(ProxyModel.Builder model) {
        return xml(render(model), TARGET);
    }

    static Stream<Arguments> sizesAndAlgorithms() {
        return Stream.of(2, 5).flatMap(count -> Stream.of(
                Arguments.of(count, Algorithm.ROUND_ROBIN, "RoundRobin"),
                Arguments.of(count, Algorithm.WEIGHTED, "Weighted"),
                Arguments.of(count, Algorithm.LEAST_CONNECTIONS, "LeastConnections")));
    }

    @ParameterizedTest(name = "{0} servers, {2}")
    @MethodSource("sizesAndAlgorithms")
    void theLoadBalancerNamesTheServersInTheGivenOrderWithTheAlgorithmOneFallbackAndMaxFailures(int count, Algorithm algorithm,
                                                                                                String spelled) {
        var target = target(balanced(servers(count, algorithm, true), algorithm, HealthMonitor.http("/health", false)));
        String balancer = CONNECTION + "/LoadBalancer";
        var structure = new ArrayList<String>();
        structure.add("Algorithm");
        structure.addAll(Collections.nCopies(count, "Server"));
        structure.add("MaxFailures");
        structure.add("ServerUnhealthyResponse");
        assertThat(names(target, balancer + "/*")).containsExactlyElementsOf(structure);
        // A Google Cloud load balancer's own errors count as failures: no healthy backend, or none reachable.
        assertThat(all(target, balancer + "/ServerUnhealthyResponse/ResponseCode")).containsExactly("502", "503", "504");
        assertThat(all(target, balancer + "/Algorithm")).containsExactly(spelled);
        assertThat(all(target, balancer + "/Server/@name")).containsExactlyElementsOf(SERVERS.subList(0, count));
        assertThat(all(target, balancer + "/Server/IsFallback")).containsExactly("true");
        assertThat(all(target, balancer + "/Server[IsFallback='true']/@name")).containsExactly(SERVERS.get(count - 1));
        assertThat(all(target, balancer + "/MaxFailures")).containsExactly("3");
        if (algorithm == Algorithm.WEIGHTED) {
            assertThat(all(target, balancer + "/Server/Weight"))
                    .containsExactlyElementsOf(WEIGHTS.subList(0, count).stream().map(String::valueOf).toList());
            assertThat(at(target, "count(" + balancer + "/Server[count(Weight) != 1])")).isEqualTo("0");
        } else {
            // Apigee's documentation has weights with Weighted only.
            assertThat(at(target, "count(//Weight)")).isEqualTo("0");
        }
        assertThat(names(target, balancer + "/Server/*")).allMatch(name -> name.equals("Weight") || name.equals("IsFallback"));
    }

    @Test
    void withoutAFallbackNoServerIsMarkedOne() {
        var target = target(balanced(servers(5, Algorithm.ROUND_ROBIN, false), Algorithm.ROUND_ROBIN, HealthMonitor.http("/health", false)));
        assertThat(all(target, CONNECTION + "/LoadBalancer/Server/@name")).containsExactlyElementsOf(SERVERS);
        assertThat(at(target, "count(//IsFallback)")).isEqualTo("0");
    }

    @ParameterizedTest(name = "tls {0}")
    @ValueSource(booleans = {false, true})
    void theHealthMonitorFollowsThePathAndProbesEveryServerWithItsSettings(boolean tls) {
        var monitor = new HealthMonitor("/orders/healthz", tls, 7, 4, 9, 204);
        var target = target(balanced(servers(2, Algorithm.ROUND_ROBIN, false), Algorithm.ROUND_ROBIN, monitor));
        // Apigee's examples: the monitor is a child of HTTPTargetConnection, after the LoadBalancer and its Path.
        assertThat(names(target, CONNECTION + "/*")).containsExactly("LoadBalancer", "Path", "HealthMonitor");
        assertThat(at(target, CONNECTION + "/Path")).isEqualTo("/api");
        assertThat(at(target, "count(//HealthMonitor)")).isEqualTo("1");
        assertThat(names(target, CONNECTION + "/HealthMonitor/*")).containsExactly("IsEnabled", "IntervalInSec", "HTTPMonitor");
        assertThat(at(target, CONNECTION + "/HealthMonitor/IsEnabled")).isEqualTo("true");
        assertThat(at(target, CONNECTION + "/HealthMonitor/IntervalInSec")).isEqualTo("7");
        assertThat(names(target, CONNECTION + "/HealthMonitor/HTTPMonitor/*")).containsExactly("Request", "SuccessResponse");
        var request = new ArrayList<>(List.of("ConnectTimeoutInSec", "SocketReadTimeoutInSec", "Verb", "Path"));
        if (tls) {
            request.addAll(List.of("IsSSL", "UseTargetServerSSLInfo"));
        }
        assertThat(names(target, REQUEST + "/*")).containsExactlyElementsOf(request);
        assertThat(at(target, REQUEST + "/ConnectTimeoutInSec")).isEqualTo("4");
        assertThat(at(target, REQUEST + "/SocketReadTimeoutInSec")).isEqualTo("9");
        assertThat(at(target, REQUEST + "/Verb")).isEqualTo("GET");
        assertThat(at(target, REQUEST + "/Path")).isEqualTo("/orders/healthz");
        if (tls) {
            assertThat(at(target, REQUEST + "/IsSSL")).isEqualTo("true");
            assertThat(at(target, REQUEST + "/UseTargetServerSSLInfo")).isEqualTo("true");
        }
        assertThat(all(target, CONNECTION + "/HealthMonitor/HTTPMonitor/SuccessResponse/*")).containsExactly("204");
        assertThat(names(target, CONNECTION + "/HealthMonitor/HTTPMonitor/SuccessResponse/*")).containsExactly("ResponseCode");
    }

    @Test
    void theDefaultMonitorProbesEveryFiveSecondsAndTakes200AndWithTheDefaultTargetPathFollowsTheLoadBalancer() {
        var target = target(x().targetServers(servers(2, Algorithm.ROUND_ROBIN, false),
                LoadBalancing.of(Algorithm.ROUND_ROBIN, 3, HealthMonitor.http("/health", false))));
        assertThat(names(target, CONNECTION + "/*")).containsExactly("LoadBalancer", "HealthMonitor");
        assertThat(at(target, CONNECTION + "/HealthMonitor/IntervalInSec")).isEqualTo("5");
        assertThat(at(target, REQUEST + "/ConnectTimeoutInSec")).isEqualTo("5");
        assertThat(at(target, REQUEST + "/SocketReadTimeoutInSec")).isEqualTo("10");
        assertThat(at(target, CONNECTION + "/HealthMonitor/HTTPMonitor/SuccessResponse/ResponseCode")).isEqualTo("200");
        assertThat(HealthMonitor.http("/health", false).everySeconds(30).intervalSec()).isEqualTo(30);
    }

    @Test
    void oneServerKeepsTheBundleItHadBeforeLoadBalancing() {
        var named = render(x().targetPath("/api"));
        var listed = render(x().targetPath("/api").targetServers(List.of(Server.named("orders-target")), LoadBalancing.SINGLE));
        assertThat(listed.zip()).isEqualTo(named.zip());
        assertThat(listed.sha256()).isEqualTo(named.sha256());
        // The target endpoint as rendered before load balancing existed: a proxy's revision must not change with it.
        assertThat(named.text(TARGET)).isEqualTo("""
                <?xml version="1.0" encoding="UTF-8"?>
                <TargetEndpoint name="default">
                    <PreFlow name="PreFlow">
                        <Request/>
                        <Response/>
                    </PreFlow>
                    <Flows/>
                    <PostFlow name="PostFlow">
                        <Request/>
                        <Response/>
                    </PostFlow>
                    <HTTPTargetConnection>
                        <LoadBalancer>
                            <Server name="orders-target"/>
                        </LoadBalancer>
                        <Path>/api</Path>
                    </HTTPTargetConnection>
                </TargetEndpoint>
                """);
    }

    @Test
    void severalServersReportEveryProblemOfTheServersAndTheMonitorAtOnce() {
        var servers = List.of(new Server("orders-eu", 1, true), new Server("orders-eu", 0, false), new Server("orders-us", -1, true));
        var monitor = new HealthMonitor("health", false, 0, 0, 301, 99);
        assertThat(problems(() -> x().targetServers(servers, new LoadBalancing(Algorithm.WEIGHTED, 0, Optional.of(monitor))).build()))
                .containsExactly(
                        "loadBalancing.servers[1].name = \"orders-eu\": listed twice: a load balancer names each target server once",
                        "loadBalancing.servers[1].weight = 0: a weight of at least 1: the server's share of the requests is its "
                                + "weight over the sum of all",
                        "loadBalancing.servers[2].weight = -1: a weight of at least 1: the server's share of the requests is its "
                                + "weight over the sum of all",
                        "loadBalancing.servers = \"2 fallbacks\": mark one server as the fallback (Apigee takes one and only one): "
                                + "it takes the traffic once every other server is out of rotation",
                        "loadBalancing.maxFailures = 0: at least 1 with several servers: the requests in a row a server fails "
                                + "before it is taken out of rotation (with 0 a failed server keeps its share of the requests, and "
                                + "a fallback never serves)",
                        "loadBalancing.healthMonitor.path = \"health\": a path starting with '/', e.g. /orders, without spaces, "
                                + "quotes, query or fragment",
                        "loadBalancing.healthMonitor.intervalSec = 0: seconds between probes, 1 to 3600",
                        "loadBalancing.healthMonitor.connectTimeoutSec = 0: 1 to 300 seconds",
                        "loadBalancing.healthMonitor.readTimeoutSec = 301: 1 to 300 seconds",
                        "loadBalancing.healthMonitor.responseCode = 99: an HTTP status, e.g. 200");
    }

    @Test
    void weightsOutsideWeightedAndAMissingMonitorAreReportedTogether() {
        var servers = List.of(new Server("orders-eu", 2, false), new Server("orders-us", 0, false));
        assertThat(problems(() -> x().targetServers(servers, new LoadBalancing(Algorithm.LEAST_CONNECTIONS, 3, Optional.empty())).build()))
                .containsExactly(
                        "loadBalancing.servers[0].weight = 2: weights apply with the WEIGHTED algorithm only: use it, or leave "
                                + "the weight at 1",
                        "loadBalancing.servers[1].weight = 0: weights apply with the WEIGHTED algorithm only: use it, or leave "
                                + "the weight at 1",
                        "loadBalancing.healthMonitor = (not set): a server taken out of rotation comes back only when a health "
                                + "monitor finds it answering: add HealthMonitor.http(path, tls)");
    }

    @Test
    void everyServerAFallbackLeavesNoneToFallBackFrom() {
        var servers = List.of(new Server("orders-eu", 1, true), new Server("orders-us", 1, true));
        assertThat(problems(() -> balanced(servers, Algorithm.ROUND_ROBIN, HealthMonitor.http("/health", false)).build()))
                .containsExactly(
                        "loadBalancing.servers = \"2 fallbacks\": mark one server as the fallback (Apigee takes one and only one): "
                                + "it takes the traffic once every other server is out of rotation",
                        "loadBalancing.servers = \"2 fallbacks\": a fallback stands in for the other servers: keep at least one "
                                + "server that is not a fallback");
    }

    @Test
    void oneServerIsNeitherAFallbackNorTakenOutOfRotationNorMonitored() {
        var one = List.of(new Server("orders-eu", 1, true));
        assertThat(problems(() -> balanced(one, Algorithm.ROUND_ROBIN, HealthMonitor.http("/health", false)).build()))
                .containsExactly(
                        "loadBalancing.servers[0].fallback = true: a fallback stands in for other servers: with one server, it "
                                + "is not a fallback",
                        "loadBalancing.maxFailures = 3: 0 with one server: Apigee advises against taking the only server out of "
                                + "rotation, every request would then fail",
                        "loadBalancing.healthMonitor = \"a monitor\": with one server nothing is taken out of rotation for a "
                                + "monitor to put back: remove it");
    }

    @Test
    void aLoadBalancerNamesAtLeastOneServer() {
        assertThat(problems(() -> x().targetServers(List.of(), LoadBalancing.of(Algorithm.ROUND_ROBIN, 3,
                HealthMonitor.http("/health", false))).build())).containsExactly(
                        "loadBalancing.servers = []: name at least one target server");
    }
}
