// Pattern 1 in TypeScript, through the apigee-gke component provider: the same resources as the Java program
// examples/pattern1 (Pattern1.java, Pattern1Proxy.java) declares from the same stack configuration
// (Pulumi.pattern1.yaml), the same names, samples and Apigee policies, and the same stack outputs.
import * as pulumi from "@pulumi/pulumi";
import { ApigeeProxy, ArmoredIngress, GkeCluster, KubernetesProvider, Microservice, Policy } from "./apigee-gke";

const own = new pulumi.Config("apigee-gke");
const gcp = new pulumi.Config("gcp");
const apigee = new pulumi.Config("apigee");

const prefix = own.get("prefix") ?? "apigee-p1";
const project = gcp.require("project");
const region = gcp.require("region");
const domains = own.getObject<string[]>("domains") ?? [];
const quotaCount = own.getNumber("quotaCount") ?? 1000;

// The sample services (examples/common Samples): pinned images, their port and the path they answer 200 on.
const PORT = 8080;
const HEALTH_PATH = "/";
const services = [
    { name: "orders", image: "us-docker.pkg.dev/google-samples/containers/gke/hello-app:1.0", path: "/orders" },
    { name: "catalog", image: "us-docker.pkg.dev/google-samples/containers/gke/hello-app:2.0", path: "/catalog" },
];
// The header the proxy sets from Apigee's client.ip, which the rate ban counts clients by.
const CLIENT_IP_HEADER = "x-apigee-client-ip";
const API_KEY_HEADER = "x-api-key";
const API_KEY_POLICY = "VA-api-key";

const minNodes = own.getNumber("minNodes");
const maxNodes = own.getNumber("maxNodes");
const nodesPerZone = own.getNumber("nodesPerZone");
const machineType = own.get("machineType");
const cluster = new GkeCluster(prefix, {
    project,
    location: own.get("location") ?? region,
    deletionProtection: own.getBoolean("deletionProtection") ?? true,
    autoscaling: own.getBoolean("autoscaling") ?? true,
    ...(nodesPerZone === undefined ? {} : { nodesPerZone }),
    ...(machineType === undefined ? {} : { machineType }),
    ...(minNodes === undefined ? {} : { minNodes }),
    ...(maxNodes === undefined ? {} : { maxNodes }),
});
// Named as the cluster's own provider; the kubernetes resources of the components below use this one.
const k8s = new KubernetesProvider(`${prefix}-k8s`, { kubeconfig: cluster.kubeconfig });
const onCluster = { providers: { kubernetes: k8s } };

for (const service of services) {
    new Microservice(service.name, { image: service.image, port: PORT, healthPath: HEALTH_PATH },
        { ...onCluster, dependsOn: [cluster] });
}

const rateBanCount = own.getNumber("rateBanCount");
const ingress = new ArmoredIngress(`${prefix}-ingress`, {
    project,
    allowlist: own.requireObject<string[]>("allowlist"),
    domains,
    wafRuleSets: own.getObject<string[]>("wafRuleSets") ?? [],
    ...(rateBanCount === undefined ? {} : {
        rateBan: {
            count: rateBanCount,
            intervalSec: own.getNumber("rateBanIntervalSec") ?? 60,
            banDurationSec: own.getNumber("rateBanDurationSec") ?? 300,
            enforceOnKey: "HTTP_HEADER",
            enforceOnKeyName: CLIENT_IP_HEADER,
        },
    }),
    backends: services.map(s => ({
        name: s.name,
        selector: { "app.kubernetes.io/name": s.name },
        targetPort: PORT,
        paths: [s.path],
        healthCheckPath: HEALTH_PATH,
    })),
}, onCluster);
if (domains.length === 0) {
    pulumi.log.warn("Apigee reaches the Ingress over plain HTTP on its static IP: set apigee-gke:domains "
        + "so the proxy's target is HTTPS with a Google-managed certificate.");
}

const preFlow: Policy[] = [
    { spikeArrest: { rate: own.get("spikeArrest") ?? "30ps" } },
    { verifyApiKey: { header: API_KEY_HEADER } },
    { quota: { count: quotaCount, fromProductKey: API_KEY_POLICY } },
    { jsonThreatProtection: {} },
    { assignMessage: { name: "AM-remove-api-key", removeHeaders: [API_KEY_HEADER] } },
    { assignMessage: { name: "AM-client-ip", setHeaders: { [CLIENT_IP_HEADER]: "{client.ip}" } } },
];
const hostname = own.get("apigeeHostname");
const api = new ApigeeProxy(`${prefix}-api`, {
    flavor: (apigee.get("flavor") ?? "edge") === "x" ? "X" : "EDGE",
    organization: apigee.require("organization"),
    environments: own.requireObject<string[]>("apigeeEnvironments"),
    ...(hostname === undefined ? {} : { hostname }),
    proxyName: `${prefix}-api`,
    basePath: `/${prefix}`,
    description: `Pattern 1: the microservices on GKE cluster ${prefix}, behind Cloud Armor`,
    preFlow,
    flows: services.map(s => ({ name: s.name, pathPattern: `${s.path}/**`, verbs: ["GET", "POST"], policies: [] })),
    quota: { count: quotaCount, interval: 1, timeUnit: own.get("quotaTimeUnit") ?? "hour" },
    consumer: {
        email: own.get("consumerEmail") ?? "sample-consumer@example.com",
        firstName: "Sample",
        lastName: "Consumer",
        appName: `${prefix}-sample-app`,
    },
    target: ingress.url,
});

export const clusterName = cluster.clusterName;
export const kubeconfig = cluster.kubeconfig;
export const ingressAddress = ingress.address;
export const ingressUrl = ingress.url;
export const securityPolicy = ingress.securityPolicyName;
export const proxyUrl = api.proxyUrl;
export const consumerKey = api.consumerKey;
export const bundleHash = api.bundleHash;
