package dev.apigeegke.microgateway;

import static dev.apigeegke.testing.Harness.at;
import static dev.apigeegke.testing.Rejections.problems;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.pulumi.core.Output;
import dev.apigeegke.microgateway.MicrogatewayServiceArgs.ProtectedBackend;
import dev.apigeegke.preview.Plan;
import dev.apigeegke.testing.Harness;
import dev.apigeegke.internal.validation.ApigeeNamesTest;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class MicrogatewayServiceTest {
    static final String NAMESPACE = "kubernetes:core/v1:Namespace";
    static final String SERVICE_ACCOUNT = "kubernetes:core/v1:ServiceAccount";
    static final String SECRET = "kubernetes:core/v1:Secret";
    static final String DEPLOYMENT = "kubernetes:apps/v1:Deployment";
    static final String SERVICE = "kubernetes:core/v1:Service";
    static final String PDB = "kubernetes:policy/v1:PodDisruptionBudget";
    static final String HPA = "kubernetes:autoscaling/v2:HorizontalPodAutoscaler";
    static final String NETWORK_POLICY = "kubernetes:networking.k8s.io/v1:NetworkPolicy";
    static final String KEY = "c8cc184ba56ae9512e9252e58f7c81f6d15aca3dabf5b272654e253c8b1339f7";
    static final String GATEWAY_SECRET = "80c0301e8ef43d01c08489927b0cda2d31427dd9135dea7e0cc5b09beed8f6f8";
    static final Map<String, String> GATEWAY_PODS =
            Map.of("app.kubernetes.io/name", "edge-microgateway", "app.kubernetes.io/instance", "edge-microgateway");

    static MicrogatewayConfig config(String org, String env) {
        return MicrogatewayConfig.builder().organization(org).environment(env).build();
    }

    static MicrogatewayServiceArgs.Builder args() {
        return MicrogatewayServiceArgs.builder()
                .organization("acme").environment("test").config(config("acme", "test"))
                .key(Output.of(KEY)).secret(Output.of(GATEWAY_SECRET));
    }

    private static Plan preview(MicrogatewayServiceArgs args) {
        return Harness.preview(ctx -> new MicrogatewayService("edge-microgateway", args, null));
    }

    private static Map<String, Object> inputs(Plan plan, String type, String suffix) {
        return plan.get(type, "edge-microgateway-" + suffix).inputs();
    }

    private static Map<String, Object> deployment(MicrogatewayServiceArgs args) {
        return inputs(preview(args), DEPLOYMENT, "deployment");
    }

    private static Object pod(Map<String, Object> deployment, Object... path) {
        var full = new Object[path.length + 3];
        System.arraycopy(new Object[] {"spec", "template", "spec"}, 0, full, 0, 3);
        System.arraycopy(path, 0, full, 3, path.length);
        return at(deployment, full);
    }

    private static Object container(Map<String, Object> deployment, Object... path) {
        var full = new Object[path.length + 2];
        full[0] = "containers";
        full[1] = 0;
        System.arraycopy(path, 0, full, 2, path.length);
        return pod(deployment, full);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object value) {
        return (List<Map<String, Object>>) value;
    }

    private static Map<String, Object> env(Map<String, Object> deployment) {
        return list(container(deployment, "env")).stream()
                .collect(Collectors.toMap(e -> (String) e.get("name"), e -> e.containsKey("value") ? e.get("value") : e.get("valueFrom")));
    }

    private static List<String> problemsOf(MicrogatewayServiceArgs.Builder builder) {
        return problems(builder::build);
    }

    // --- documented defaults ---------------------------------------------------------------------

    @Test
    void createsTheEdgemicroSystemNamespaceEnforcingRestrictedPodSecurity() {
        var plan = preview(args().build());
        var ns = inputs(plan, NAMESPACE, "namespace");
        assertThat(at(ns, "metadata", "name")).isEqualTo("edgemicro-system");
        assertThat(at(ns, "metadata", "labels", "pod-security.kubernetes.io/enforce")).isEqualTo("restricted");
        for (var r : plan.resources()) {
            if (r.isKubernetesObject() && !r.type().equals(NAMESPACE)) {
                assertThat(at(r.inputs(), "metadata", "namespace")).as(r.name()).isEqualTo("edgemicro-system");
            }
        }
    }

    @Test
    void usesAnExistingNamespaceWithoutCreatingIt() {
        var plan = Harness.preview(ctx -> {
            var gateway = new MicrogatewayService("edge-microgateway", args().namespace("apis").createNamespace(false).build(), null);
            ctx.export("namespace", gateway.namespace());
            assertThat(gateway.namespaceName()).isEqualTo("apis");
        });
        assertThat(plan.ofType(NAMESPACE)).isEmpty();
        assertThat(at(inputs(plan, DEPLOYMENT, "deployment"), "metadata", "namespace")).isEqualTo("apis");
        assertThat(at(inputs(plan, SECRET, "credentials"), "metadata", "namespace")).isEqualTo("apis");
        assertThat(plan.outputs()).containsEntry("namespace", "apis");
    }

    @Test
    void serviceAccountHasNoTokenAndTheGatewayGetsNoRbac() {
        var plan = preview(args().build());
        var sa = inputs(plan, SERVICE_ACCOUNT, "sa");
        assertThat(at(sa, "metadata", "name")).isEqualTo("edge-microgateway");
        assertThat(sa.get("automountServiceAccountToken")).isEqualTo(false);
        assertThat(plan.resources()).noneMatch(r -> r.type().startsWith("kubernetes:rbac.authorization.k8s.io/"));
        var d = inputs(plan, DEPLOYMENT, "deployment");
        assertThat(pod(d, "serviceAccountName")).isEqualTo("edge-microgateway");
        assertThat(pod(d, "automountServiceAccountToken")).isEqualTo(false);
    }

    @Test
    void secretHoldsOrgEnvKeySecretAndConfigEachAsAPulumiSecret() {
        var secret = inputs(preview(args().build()), SECRET, "credentials");
        assertThat(at(secret, "metadata", "name")).isEqualTo("edge-microgateway-credentials");
        assertThat(secret.get("type")).isEqualTo("Opaque");
        assertThat(secret.get("data")).isNull();
        assertThat(secret.get("stringData")).isEqualTo(Map.of(
                "mgw-org", Harness.SECRET,
                "mgw-env", Harness.SECRET,
                "mgw-key", Harness.SECRET,
                "mgw-secret", Harness.SECRET,
                "mgw-config", Harness.SECRET));
    }

    @Test
    void plainStringCredentialsBecomeSecretsToo() {
        var plan = preview(args().key(KEY).secret(GATEWAY_SECRET).build());
        assertThat(at(inputs(plan, SECRET, "credentials"), "stringData", "mgw-key")).isEqualTo(Harness.SECRET);
        assertThat(at(inputs(plan, SECRET, "credentials"), "stringData", "mgw-secret")).isEqualTo(Harness.SECRET);
        assertThat(plan.toString()).doesNotContain(KEY).doesNotContain(GATEWAY_SECRET);
    }

    @Test
    void runsThePinnedEdgemicro33Image() {
        var d = deployment(args().build());
        assertThat(container(d, "image")).isEqualTo("gcr.io/apigee-microgateway/edgemicro:3.3.12");
        assertThat((String) container(d, "image")).matches("gcr\\.io/apigee-microgateway/edgemicro:3\\.3\\.\\d+");
        assertThat(container(d, "imagePullPolicy")).isEqualTo("IfNotPresent");
        assertThat(container(d, "ports")).isEqualTo(List.of(Map.of("name", "http", "containerPort", 8000L, "protocol", "TCP")));
    }

    @Test
    void readsCredentialsAndConfigFromTheSecretAndThePodFromTheDownwardApi() {
        var env = env(deployment(args().build()));
        var secretKeys = Map.of("EDGEMICRO_ORG", "mgw-org", "EDGEMICRO_ENV", "mgw-env", "EDGEMICRO_KEY", "mgw-key",
                "EDGEMICRO_SECRET", "mgw-secret", "EDGEMICRO_CONFIG", "mgw-config");
        secretKeys.forEach((variable, key) -> assertThat(env.get(variable)).as(variable)
                .isEqualTo(Map.of("secretKeyRef", Map.of("name", "edge-microgateway-credentials", "key", key))));
        assertThat(env).containsEntry("EDGEMICRO_CONFIG_DIR", "/opt/apigee/.edgemicro")
                .doesNotContainKey("EDGEMICRO_PORT")
                .containsEntry("EDGEMICRO_PROCESSES", "1")
                .containsEntry("EDGEMICRO_STOP_DELAY", "20")
                .containsEntry("POD_NAME", Map.of("fieldRef", Map.of("fieldPath", "metadata.name")))
                .containsEntry("POD_NAMESPACE", Map.of("fieldRef", Map.of("fieldPath", "metadata.namespace")))
                .containsEntry("INSTANCE_IP", Map.of("fieldRef", Map.of("fieldPath", "status.podIP")))
                .hasSize(11);
    }

    @Test
    void pinsTheImageByDigestWhenGivenOne() {
        String digest = "gcr.io/apigee-microgateway/edgemicro:3.3.12@sha256:" + "ab".repeat(32);
        assertThat(container(deployment(args().image(digest).build()), "image")).isEqualTo(digest);
        assertThat(problemsOf(args().image("gcr.io/apigee-microgateway/edgemicro@sha256:abc"))).containsExactly(
                "image = \"gcr.io/apigee-microgateway/edgemicro@sha256:abc\": pin the image to a version tag (name:1.2.3) or a "
                + "digest (name@sha256:...); an untagged image runs whatever the registry tags latest");
    }

    @Test
    void refusesAConfigPortOtherThanTheOneTheServiceProbesAndPoliciesUse() {
        // The entrypoint ignores EDGEMICRO_PORT when EDGEMICRO_PROCESSES is set: the gateway would listen on 9000
        // while the Service, the probes and the NetworkPolicies all point at 8000.
        var other = MicrogatewayConfig.builder().organization("acme").environment("test").port(9000).build();
        assertThat(problemsOf(args().config(other))).containsExactly("config.port = 9000: the gateway listens on its config's "
                + "edgemicro.port (the image ignores EDGEMICRO_PORT), but its Service, probes and NetworkPolicies use 8000: "
                + "leave the config's port at 8000");
    }

    @Test
    void probesTheHealthcheckPluginOnPort8000() {
        var d = deployment(args().build());
        for (var probe : List.of("startupProbe", "readinessProbe", "livenessProbe")) {
            assertThat(container(d, probe, "httpGet", "path")).as(probe).isEqualTo("/healthcheck");
            assertThat(container(d, probe, "httpGet", "port")).as(probe).isEqualTo(8000L);
        }
        assertThat(container(d, "readinessProbe", "periodSeconds")).isEqualTo(5L);
        assertThat(container(d, "livenessProbe", "periodSeconds")).isEqualTo(15L);
        assertThat(container(d, "livenessProbe", "failureThreshold")).isEqualTo(3L);
        // Two minutes to fetch products and keys from Apigee before liveness applies.
        assertThat((Long) container(d, "startupProbe", "periodSeconds") * (Long) container(d, "startupProbe", "failureThreshold"))
                .isEqualTo(120L);
    }

    @Test
    void requestsHalfACpuAnd512MiAndLimitsOneCpuAnd1GiByDefault() {
        var d = deployment(args().build());
        assertThat(container(d, "resources", "requests")).isEqualTo(Map.of("cpu", "500m", "memory", "512Mi"));
        assertThat(container(d, "resources", "limits")).isEqualTo(Map.of("cpu", "1", "memory", "1Gi"));
    }

    @Test
    void runsAsTheImagesApigeeUser101AndNeverAsRoot() {
        var d = deployment(args().build());
        assertThat(pod(d, "securityContext", "runAsNonRoot")).isEqualTo(true);
        assertThat(pod(d, "securityContext", "runAsUser")).isEqualTo(101L);
        assertThat(pod(d, "securityContext", "runAsGroup")).isEqualTo(101L);
        assertThat(pod(d, "securityContext", "fsGroup")).isEqualTo(101L);
        assertThat(pod(d, "securityContext", "seccompProfile", "type")).isEqualTo("RuntimeDefault");
        assertThat(container(d, "securityContext", "runAsNonRoot")).isEqualTo(true);
        assertThat(container(d, "securityContext", "runAsUser")).isEqualTo(101L);
    }

    @Test
    void containerCannotEscalateOrUseCapabilitiesAndWritesItsWorkingDirectoryInItsOwnLayer() {
        var d = deployment(args().build());
        // edgemicro start creates its socket and pid file in /opt/apigee: a read-only root makes it fail (EROFS).
        assertThat(container(d, "securityContext", "readOnlyRootFilesystem")).isEqualTo(false);
        assertThat(container(d, "securityContext", "allowPrivilegeEscalation")).isEqualTo(false);
        assertThat(container(d, "securityContext", "privileged")).isEqualTo(false);
        assertThat(container(d, "securityContext", "capabilities", "drop")).isEqualTo(List.of("ALL"));
        assertThat(container(d, "securityContext", "capabilities", "add")).isNull();
    }

    @Test
    void writesOnlyToEmptyDirsForItsConfigLogsAndTmp() {
        var d = deployment(args().build());
        assertThat(list(container(d, "volumeMounts"))).extracting(m -> m.get("mountPath"))
                .containsExactlyInAnyOrder("/opt/apigee/.edgemicro", "/opt/apigee/logs", "/tmp");
        assertThat(list(pod(d, "volumes"))).hasSize(3).allSatisfy(v -> assertThat(v.get("emptyDir")).isInstanceOf(Map.class));
    }

    @Test
    void gracePeriodCoversThePreStopWaitAndTheStopDelayPlusTenSeconds() {
        var d = deployment(args().build());
        assertThat(env(d)).containsEntry("EDGEMICRO_STOP_DELAY", "20");
        assertThat(container(d, "lifecycle", "preStop", "exec", "command")).isEqualTo(List.of("sleep", "30"));
        assertThat(pod(d, "terminationGracePeriodSeconds")).isEqualTo(60L);
        var slow = deployment(args().stopDelaySeconds(90).preStopSeconds(45).build());
        assertThat(env(slow)).containsEntry("EDGEMICRO_STOP_DELAY", "90");
        assertThat(container(slow, "lifecycle", "preStop", "exec", "command")).isEqualTo(List.of("sleep", "45"));
        assertThat(pod(slow, "terminationGracePeriodSeconds")).isEqualTo(145L);
        assertThat(container(deployment(args().preStopSeconds(0).build()), "lifecycle")).isNull();
        assertThat(problemsOf(args().preStopSeconds(-1))).containsExactly("preStopSeconds = -1: from 0 (no hook) to 3600 "
                + "seconds; at least the Ingress's connection-draining timeout");
    }

    @Test
    void rollsOutOnePodAtATimeAndLeavesTheReplicaCountToTheAutoscaler() {
        var d = deployment(args().build());
        assertThat(at(d, "spec", "strategy", "type")).isEqualTo("RollingUpdate");
        assertThat(at(d, "spec", "strategy", "rollingUpdate", "maxSurge")).isEqualTo(1L);
        assertThat(at(d, "spec", "strategy", "rollingUpdate", "maxUnavailable")).isEqualTo(0L);
        assertThat(at(d, "spec", "replicas")).isNull();
    }

    @Test
    void spreadsItsPodsAcrossNodesAndZones() {
        var spread = list(pod(deployment(args().build()), "topologySpreadConstraints"));
        assertThat(spread).extracting(s -> s.get("topologyKey"), s -> s.get("whenUnsatisfiable"), s -> s.get("maxSkew"))
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("kubernetes.io/hostname", "DoNotSchedule", 1L),
                        org.assertj.core.groups.Tuple.tuple("topology.kubernetes.io/zone", "ScheduleAnyway", 1L));
        assertThat(spread).allSatisfy(s -> assertThat(at(s, "labelSelector", "matchLabels")).isEqualTo(GATEWAY_PODS));
    }

    @Test
    void podDisruptionBudgetKeepsAllButOneMinimumReplicaAndAtLeastOne() {
        var pdb = inputs(preview(args().build()), PDB, "pdb");
        assertThat(at(pdb, "spec", "minAvailable")).isEqualTo(1L);
        assertThat(at(pdb, "spec", "selector", "matchLabels")).isEqualTo(GATEWAY_PODS);
        assertThat(at(pdb, "spec", "unhealthyPodEvictionPolicy")).isEqualTo("AlwaysAllow");
        assertThat(at(inputs(preview(args().replicas(4).maxReplicas(8).build()), PDB, "pdb"), "spec", "minAvailable")).isEqualTo(3L);
        assertThat(at(inputs(preview(args().replicas(1).build()), PDB, "pdb"), "spec", "minAvailable")).isEqualTo(1L);
    }

    @Test
    void autoscalesFromTwoToTenPodsAtSeventyPercentCpu() {
        var hpa = inputs(preview(args().build()), HPA, "hpa");
        assertThat(at(hpa, "spec", "minReplicas")).isEqualTo(2L);
        assertThat(at(hpa, "spec", "maxReplicas")).isEqualTo(10L);
        assertThat(at(hpa, "spec", "scaleTargetRef")).isEqualTo(Map.of("apiVersion", "apps/v1", "kind", "Deployment", "name", "edge-microgateway"));
        assertThat(at(hpa, "spec", "metrics", 0)).isEqualTo(Map.of("type", "Resource",
                "resource", Map.of("name", "cpu", "target", Map.of("type", "Utilization", "averageUtilization", 70L))));
        var custom = inputs(preview(args().replicas(3).maxReplicas(20).targetCpuUtilization(50).build()), HPA, "hpa");
        assertThat(at(custom, "spec", "minReplicas")).isEqualTo(3L);
        assertThat(at(custom, "spec", "maxReplicas")).isEqualTo(20L);
        assertThat(at(custom, "spec", "metrics", 0, "resource", "target", "averageUtilization")).isEqualTo(50L);
    }

    @Test
    void servesPort8000NamedHttpOnAClusterIpServiceReadyForAnArmoredIngress() {
        var plan = Harness.preview(ctx -> {
            var gateway = new MicrogatewayService("edge-microgateway", args().build(), null);
            assertThat(gateway.selector()).isEqualTo(GATEWAY_PODS);
            assertThat(gateway.port()).isEqualTo(8000);
            assertThat(gateway.healthPath()).isEqualTo("/healthcheck");
            assertThat(gateway.namespaceName()).isEqualTo("edgemicro-system");
            ctx.export("serviceName", gateway.serviceName());
            ctx.export("namespace", gateway.namespace());
        });
        var svc = inputs(plan, SERVICE, "service");
        assertThat(at(svc, "metadata", "name")).isEqualTo("edge-microgateway");
        assertThat(at(svc, "spec", "type")).isEqualTo("ClusterIP");
        assertThat(at(svc, "spec", "selector")).isEqualTo(GATEWAY_PODS);
        assertThat(at(svc, "spec", "ports")).isEqualTo(List.of(Map.of("name", "http", "protocol", "TCP", "port", 8000L, "targetPort", 8000L)));
        assertThat(at(inputs(plan, DEPLOYMENT, "deployment"), "spec", "template", "metadata", "labels")).isEqualTo(GATEWAY_PODS);
        assertThat(plan.outputs()).containsEntry("serviceName", "edge-microgateway").containsEntry("namespace", "edgemicro-system");
    }

    @Test
    void gatewayAcceptsPort8000FromTheClusterAndGoogleLoadBalancersOnly() {
        var policy = inputs(preview(args().additionalSourceRanges(List.of("10.129.0.0/23")).build()), NETWORK_POLICY, "allow-ingress");
        assertThat(at(policy, "metadata", "namespace")).isEqualTo("edgemicro-system");
        assertThat(at(policy, "spec", "podSelector", "matchLabels")).isEqualTo(GATEWAY_PODS);
        assertThat(at(policy, "spec", "policyTypes")).isEqualTo(List.of("Ingress"));
        assertThat(list(at(policy, "spec", "ingress"))).hasSize(1);
        assertThat(at(policy, "spec", "ingress", 0, "ports")).isEqualTo(List.of(Map.of("protocol", "TCP", "port", 8000L)));
        assertThat(at(policy, "spec", "ingress", 0, "from")).isEqualTo(List.of(
                Map.of("namespaceSelector", Map.of()),
                Map.of("ipBlock", Map.of("cidr", "35.191.0.0/16")),
                Map.of("ipBlock", Map.of("cidr", "130.211.0.0/22")),
                Map.of("ipBlock", Map.of("cidr", "10.129.0.0/23"))));
    }

    @Test
    void protectedBackendsAcceptTrafficOnlyFromTheGatewayPodsOnTheirPort() {
        var plan = preview(args().protectedBackends(
                new ProtectedBackend("shop", Map.of("app.kubernetes.io/name", "orders"), 8080),
                new ProtectedBackend("billing", Map.of("app", "invoices", "tier", "api"), 9000)).build());
        assertThat(plan.ofType(NETWORK_POLICY)).extracting(Plan.Resource::name).containsExactlyInAnyOrder(
                "edge-microgateway-allow-ingress", "edge-microgateway-to-shop-orders-8080", "edge-microgateway-to-billing-invoices-api-9000");
        var orders = inputs(plan, NETWORK_POLICY, "to-shop-orders-8080");
        assertThat(at(orders, "metadata", "name")).isEqualTo("edge-microgateway-to-orders-8080");
        assertThat(at(orders, "metadata", "namespace")).isEqualTo("shop");
        assertThat(at(orders, "spec", "podSelector", "matchLabels")).isEqualTo(Map.of("app.kubernetes.io/name", "orders"));
        assertThat(at(orders, "spec", "policyTypes")).isEqualTo(List.of("Ingress"));
        assertThat(at(orders, "spec", "ingress")).isEqualTo(List.of(Map.of(
                "from", List.of(Map.of(
                        "namespaceSelector", Map.of("matchLabels", Map.of("kubernetes.io/metadata.name", "edgemicro-system")),
                        "podSelector", Map.of("matchLabels", GATEWAY_PODS))),
                "ports", List.of(Map.of("protocol", "TCP", "port", 8080L)))));
        var invoices = inputs(plan, NETWORK_POLICY, "to-billing-invoices-api-9000");
        assertThat(at(invoices, "metadata", "namespace")).isEqualTo("billing");
        assertThat(at(invoices, "spec", "ingress", 0, "ports", 0, "port")).isEqualTo(9000L);
    }

    @Test
    void protectsNoBackendByDefault() {
        assertThat(preview(args().build()).ofType(NETWORK_POLICY)).extracting(Plan.Resource::name)
                .containsExactly("edge-microgateway-allow-ingress");
    }

    @Test
    void exportsTheRenderedConfigInClearAsItHoldsNoCredential() {
        var config = config("acme", "test");
        var plan = Harness.preview(ctx -> ctx.export("config",
                new MicrogatewayService("edge-microgateway", args().config(config).build(), null).config()));
        assertThat(plan.outputs().get("config")).isEqualTo(config.toYaml()).asString().doesNotContain(KEY).doesNotContain(GATEWAY_SECRET);
    }

    @Test
    void aNewConfigRollsThePodsThroughAChecksumAnnotation() {
        var before = at(deployment(args().build()), "spec", "template", "metadata", "annotations", "apigee-gke/config-sha256");
        var after = at(deployment(args().config(MicrogatewayConfig.builder().organization("acme").environment("test")
                .logLevel("info").build()).build()), "spec", "template", "metadata", "annotations", "apigee-gke/config-sha256");
        assertThat((String) before).matches("[0-9a-f]{64}");
        assertThat(after).isNotEqualTo(before);
    }

    @Test
    void everyChildIsParentedAndNamedAfterTheComponent() {
        var plan = preview(args().build());
        assertThat(MicrogatewayService.TYPE).isEqualTo("apigee-gke:index:MicrogatewayService");
        var component = plan.get(MicrogatewayService.TYPE, "edge-microgateway");
        assertThat(component.custom()).isFalse();
        var children = plan.resources().stream().filter(r -> component.urn().equals(r.parent())).toList();
        assertThat(children).extracting(Plan.Resource::name).containsExactlyInAnyOrder(
                "edge-microgateway-namespace", "edge-microgateway-sa", "edge-microgateway-credentials",
                "edge-microgateway-deployment", "edge-microgateway-service", "edge-microgateway-pdb",
                "edge-microgateway-hpa", "edge-microgateway-allow-ingress");
        assertThat(plan.resources()).filteredOn(Plan.Resource::custom).allSatisfy(r -> assertThat(r.parent()).isEqualTo(component.urn()));
    }

    @Test
    void twoGatewaysInOneProgramDoNotCollide() {
        var plan = Harness.preview(ctx -> {
            new MicrogatewayService("gw-test", args().namespace("gw-test").build(), null);
            new MicrogatewayService("gw-prod", args().environment("prod").config(config("acme", "prod")).namespace("gw-prod").build(), null);
        });
        assertThat(plan.ofType(DEPLOYMENT)).extracting(r -> at(r.inputs(), "metadata", "namespace"), r -> at(r.inputs(), "metadata", "name"))
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("gw-test", "gw-test"),
                        org.assertj.core.groups.Tuple.tuple("gw-prod", "gw-prod"));
        assertThat(at(plan.get(DEPLOYMENT, "gw-prod-deployment").inputs(), "spec", "selector", "matchLabels"))
                .isEqualTo(Map.of("app.kubernetes.io/name", "edge-microgateway", "app.kubernetes.io/instance", "gw-prod"));
    }

    @Test
    void overridesAreApplied() {
        var d = deployment(args()
                .image("gcr.io/apigee-microgateway/edgemicro:3.3.3")
                .processes(2)
                .requests(Map.of("cpu", "1", "memory", "1Gi"))
                .limits(Map.of("cpu", "2", "memory", "2Gi"))
                .build());
        assertThat(container(d, "image")).isEqualTo("gcr.io/apigee-microgateway/edgemicro:3.3.3");
        assertThat(env(d)).containsEntry("EDGEMICRO_PROCESSES", "2");
        assertThat(container(d, "resources", "requests")).isEqualTo(Map.of("cpu", "1", "memory", "1Gi"));
        assertThat(container(d, "resources", "limits")).isEqualTo(Map.of("cpu", "2", "memory", "2Gi"));
    }

    @Test
    void secretConfigIsTheBase64OfTheConfigYamlAsTheImageDecodesIt() {
        // The plan hides the value: the stand-in cloud sees what the Secret receives. The image runs
        // `base64 -d` on EDGEMICRO_CONFIG, which the Deployment reads from the Secret's mgw-config.
        var received = new java.util.concurrent.ConcurrentHashMap<String, Object>();
        var result = dev.apigeegke.preview.OfflineEngine.run(Harness.PROJECT, Harness.STACK, Map.of(), Set.of(),
                ctx -> new MicrogatewayService("edge-microgateway", args().build(), null), true, new com.pulumi.test.Mocks() {
                    @Override
                    public java.util.concurrent.CompletableFuture<ResourceResult> newResourceAsync(ResourceArgs args) {
                        if (args.type.equals(SECRET)) {
                            received.putAll(args.inputs);
                        }
                        return java.util.concurrent.CompletableFuture.completedFuture(
                                ResourceResult.of(java.util.Optional.of(args.name + "-id"), args.inputs));
                    }
                });
        assertThat(result.errors()).isEmpty();
        @SuppressWarnings("unchecked")
        var data = (Map<String, Object>) received.get("stringData");
        String decoded = new String(Base64.getDecoder().decode((String) data.get("mgw-config")), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(decoded).isEqualTo(config("acme", "test").toYaml());
        assertThat(env(deployment(args().build()))).containsEntry("EDGEMICRO_CONFIG",
                Map.of("secretKeyRef", Map.of("name", "edge-microgateway-credentials", "key", "mgw-config")));
    }

    // --- validation ------------------------------------------------------------------------------

    @Test
    void rejectsAnImageNotPinnedToAVersion() {
        assertThat(problemsOf(args().image("gcr.io/apigee-microgateway/edgemicro:latest"))).containsExactly(
                "image = \"gcr.io/apigee-microgateway/edgemicro:latest\": ':latest' is not pinned: a redeploy could run a "
                + "different image; use a version tag or a digest");
        assertThat(problemsOf(args().image("gcr.io/apigee-microgateway/edgemicro"))).containsExactly(
                "image = \"gcr.io/apigee-microgateway/edgemicro\": pin the image to a version tag (name:1.2.3) or a digest "
                + "(name@sha256:...); an untagged image runs whatever the registry tags latest");
        assertThat(problemsOf(args().image(""))).containsExactly("image = \"\": give a container image pinned to a version, e.g. "
                + "us-docker.pkg.dev/google-samples/containers/gke/hello-app:2.0");
    }

    @Test
    void requiresOrgEnvConfigKeyAndSecret() {
        assertThat(problemsOf(MicrogatewayServiceArgs.builder())).containsExactly(
                "organization = (not set): " + ApigeeNamesTest.ORGANIZATION,
                "environment = (not set): " + ApigeeNamesTest.ENVIRONMENT,
                "config = (not set): pass MicrogatewayConfig.builder()...build() for the same org and env, or "
                        + "setup(...) with a MicrogatewaySetup's environment (then every default)",
                "key = (not set): give setup(...) with a MicrogatewaySetup's environment, or the key that "
                        + "`edgemicro configure` printed (an Output or a string)",
                "secret = (not set): give setup(...) with a MicrogatewaySetup's environment, or the secret that "
                        + "`edgemicro configure` printed (an Output or a string)");
        assertThat(problemsOf(args().key((String) null))).containsExactly("key = (not set): give setup(...) with a "
                + "MicrogatewaySetup's environment, or the key that `edgemicro configure` printed (an Output or a string)");
    }

    @Test
    void rejectsAConfigRenderedForAnotherOrgOrEnv() {
        assertThat(problemsOf(args().config(config("acme", "prod")))).containsExactly("config = \"acme-prod-config.yaml\": the "
                + "config is for another org or env; the gateway for org 'acme' and env 'test' loads acme-test-config.yaml: "
                + "build the config for the same org and env");
    }

    @Test
    void stopDelayMustBeWhatEdgemicroAccepts() {
        assertThat(problemsOf(args().stopDelaySeconds(0))).containsExactly("stopDelaySeconds = 0: from 1 to 1800 seconds, the "
                + "range EDGEMICRO_STOP_DELAY accepts");
        assertThat(problemsOf(args().stopDelaySeconds(1801))).containsExactly("stopDelaySeconds = 1801: from 1 to 1800 seconds, "
                + "the range EDGEMICRO_STOP_DELAY accepts");
        assertThatCode(() -> args().stopDelaySeconds(1).build()).doesNotThrowAnyException();
        assertThatCode(() -> args().stopDelaySeconds(1800).build()).doesNotThrowAnyException();
    }

    @Test
    void autoscalerBoundsMustBeConsistent() {
        assertThat(problemsOf(args().replicas(0))).containsExactly("replicas = 0: at least 1 replica");
        assertThat(problemsOf(args().replicas(4).maxReplicas(3))).containsExactly("maxReplicas = 3: at least replicas (4): the "
                + "autoscaler cannot run fewer pods than its minimum");
        assertThat(problemsOf(args().targetCpuUtilization(0))).containsExactly("targetCpuUtilization = 0: a percentage of the "
                + "CPU request from 1 to 100");
        assertThat(problemsOf(args().targetCpuUtilization(101))).containsExactly("targetCpuUtilization = 101: a percentage of "
                + "the CPU request from 1 to 100");
        assertThat(problemsOf(args().processes(0))).containsExactly("processes = 0: from 1 to 16 worker processes; add replicas "
                + "rather than processes");
        assertThatCode(() -> args().replicas(1).build()).doesNotThrowAnyException();
    }

    @Test
    void rejectsResourcesKubernetesOrTheAutoscalerCannotUse() {
        assertThat(problemsOf(args().requests(Map.of("cpu", "lots")))).containsExactly("requests.cpu = \"lots\": a Kubernetes "
                + "quantity such as 250m (CPU) or 256Mi (memory)");
        assertThat(problemsOf(args().requests(Map.of("memory", "512Mi")))).containsExactly("requests = {memory=512Mi}: include a "
                + "cpu request: the autoscaler's target is a percentage of it");
        assertThat(problemsOf(args().requests(Map.of("cpu", "2", "memory", "512Mi")))).containsExactly(
                "requests.cpu = \"2\": exceeds the limit 1; Kubernetes rejects a request above its limit: lower the request or "
                + "raise limits.cpu");
    }

    @Test
    void rejectsProtectedBackendsThatCannotBeSelectedOrRepeat() {
        var orders = new ProtectedBackend("shop", Map.of("app", "orders"), 8080);
        assertThat(problemsOf(args().protectedBackends(
                        new ProtectedBackend("Shop", Map.of("app", "orders"), 8080),
                        new ProtectedBackend("shop", Map.of(), 8080),
                        new ProtectedBackend("shop", Map.of("app", "bad value!"), 0),
                        orders, orders))).containsExactly(
                                "protectedBackends[0].namespace = \"Shop\": a Kubernetes namespace name: lowercase letters, "
                                        + "digits and '-'",
                                "protectedBackends[1].podSelector = {}: select the backend's pods by label; an empty selector "
                                        + "would admit only the gateway to every pod in the namespace",
                                "protectedBackends[2].podSelector.app = \"bad value!\": a label value: at most 63 letters, "
                                        + "digits, '-', '_' or '.', starting and ending with a letter or digit",
                                "protectedBackends[2].port = 0: the backend's container port, from 1 to 65535",
                                "protectedBackends[4] = ProtectedBackend[namespace=shop, podSelector={app=orders}, port=8080]: "
                                        + "repeats protectedBackends[3] (same namespace, selector values and port); list each "
                                        + "backend once");
        var withoutValue = new java.util.HashMap<String, String>();
        withoutValue.put("app", null);
        assertThat(problemsOf(args().protectedBackends(new ProtectedBackend("shop", withoutValue, 8080)))).containsExactly(
                "protectedBackends[0].podSelector.app = (not set): a label value: at most 63 letters, digits, '-', '_' or '.', "
                + "starting and ending with a letter or digit");
    }

    @Test
    void rejectsAProtectedBackendThatSelectsTheGatewayItself() {
        assertThat(Harness.errors(ctx -> new MicrogatewayService("edge-microgateway",
                args().protectedBackends(new ProtectedBackend("edgemicro-system", Map.of("app.kubernetes.io/name", "edge-microgateway"), 8000))
                        .build(), null))).containsExactly(
                                """
                                MicrogatewayService: 1 invalid argument
                                  - protectedBackends[0].podSelector = {app.kubernetes.io/name=edge-microgateway}: selects the \
                                gateway's own pods, which would then refuse every caller but themselves; select the backend's \
                                pods""");
    }

    @Test
    void rejectsSourceRangesThatAreNotCidrs() {
        assertThat(problemsOf(args().additionalSourceRanges(List.of("10.0.0.0/8", "10.1.2.3/16", "proxy-subnet")))).containsExactly(
                "additionalSourceRanges[1] = \"10.1.2.3/16\": host bits are set; write the range as 10.1.0.0/16",
                "additionalSourceRanges[2] = \"proxy-subnet\": a host name, not an address: a range is matched against a "
                        + "client's address and never looks a name up; give the range of its addresses, e.g. 203.0.113.0/24");
    }

    @Test
    void reportsEveryInvalidArgumentAtOnceNamingArgumentValueAndFix() {
        var everything = args()
                .namespace("Edge_Micro")
                .image("gcr.io/apigee-microgateway/edgemicro:latest")
                .replicas(0)
                .stopDelaySeconds(5000)
                .limits(Map.of("memory", "1 GB"));
        assertThatThrownBy(everything::build).hasMessageStartingWith("MicrogatewayServiceArgs: 5 invalid arguments\n  - ");
        assertThat(problemsOf(everything)).containsExactly(
                "namespace = \"Edge_Micro\": a Kubernetes namespace name: lowercase letters, digits and '-'",
                "image = \"gcr.io/apigee-microgateway/edgemicro:latest\": ':latest' is not pinned: a redeploy could run a "
                        + "different image; use a version tag or a digest",
                "replicas = 0: at least 1 replica",
                "stopDelaySeconds = 5000: from 1 to 1800 seconds, the range EDGEMICRO_STOP_DELAY accepts",
                "limits.memory = \"1 GB\": a Kubernetes quantity such as 250m (CPU) or 256Mi (memory)");
    }

    @Test
    void rejectsABadComponentNameOrMissingArgumentsBeforeRegisteringAnything() {
        var result = Harness.preview(Map.of(), Set.of(), ctx -> new MicrogatewayService("Edge_Micro", args().build(), null));
        assertThat(result.ok()).isFalse();
        assertThat(result.errors()).containsExactly(
                """
                MicrogatewayService: 1 invalid argument
                  - name = "Edge_Micro": use lowercase letters, digits and '-', starting with a letter and not ending with '-' \
                (GCP and Kubernetes naming rules)""");
        assertThat(result.plan().resources()).noneMatch(Plan.Resource::isKubernetesObject);
        assertThat(Harness.errors(ctx -> new MicrogatewayService("edge-microgateway", null, null))).containsExactly(
                """
                MicrogatewayService: 1 invalid argument
                  - args = (not set): pass \
                MicrogatewayServiceArgs.builder().organization(...).environment(...).config(...).key(...).secret(...).build()""");
    }
}
