// The classes `pulumi package add` would generate for the apigee-gke components (their inputs and outputs as
// component-provider's schema.json declares them), written by hand: each is a remote
// ComponentResource, so the Node SDK sends its inputs to the engine, which has the component provider construct it.
// The outputs are listed as undefined inputs so that the SDK resolves them from the engine's answer.
import * as pulumi from "@pulumi/pulumi";

type List<T> = pulumi.Input<pulumi.Input<T>[]>;
type StringMap = pulumi.Input<{ [key: string]: pulumi.Input<string> }>;

/** The component provider's package and version (its schema's name and version). */
const PACKAGE = "apigee-gke";

/** The inputs, and each output as an undefined entry the SDK fills from the engine's answer. */
function withOutputs(inputs: object, outputs: string[]): pulumi.Inputs {
    const props: pulumi.Inputs = { ...inputs };
    for (const output of outputs) {
        props[output] = undefined;
    }
    return props;
}

export interface GkeClusterArgs {
    project: pulumi.Input<string>;
    location: pulumi.Input<string>;
    nodesPerZone?: pulumi.Input<number>;
    nodeLocations?: List<string>;
    machineType?: pulumi.Input<string>;
    imageType?: pulumi.Input<string>;
    diskSizeGb?: pulumi.Input<number>;
    releaseChannel?: pulumi.Input<string>;
    deletionProtection?: pulumi.Input<boolean>;
    network?: pulumi.Input<string>;
    subnetwork?: pulumi.Input<string>;
    nodeServiceAccount?: pulumi.Input<string>;
    masterAuthorizedNetworks?: List<string>;
    resourceLabels?: StringMap;
    nodeLabels?: StringMap;
    autoscaling?: pulumi.Input<boolean>;
    minNodes?: pulumi.Input<number>;
    maxNodes?: pulumi.Input<number>;
    requireProductionSize?: pulumi.Input<boolean>;
}

/** A GKE cluster with its node pool and node service account. */
export class GkeCluster extends pulumi.ComponentResource {
    public readonly clusterName!: pulumi.Output<string>;
    public readonly endpoint!: pulumi.Output<string>;
    /** A kubeconfig for the cluster (a secret). */
    public readonly kubeconfig!: pulumi.Output<string>;

    constructor(name: string, args: GkeClusterArgs, opts?: pulumi.ComponentResourceOptions) {
        super(`${PACKAGE}:index:GkeCluster`, name, withOutputs(args, ["clusterName", "endpoint", "kubeconfig"]), opts, true);
    }
}

export interface IngressBackend {
    name: pulumi.Input<string>;
    selector: StringMap;
    port?: pulumi.Input<number>;
    targetPort: pulumi.Input<number>;
    paths?: List<string>;
    healthCheckPath?: pulumi.Input<string>;
}

export interface RateBan {
    count: pulumi.Input<number>;
    intervalSec: pulumi.Input<number>;
    banDurationSec: pulumi.Input<number>;
    enforceOnKey: pulumi.Input<string>;
    enforceOnKeyName?: pulumi.Input<string>;
    banThreshold?: pulumi.Input<{ count: pulumi.Input<number>; intervalSec: pulumi.Input<number> }>;
}

export interface ProxyOnlySubnet {
    cidr: pulumi.Input<string>;
    existing?: pulumi.Input<boolean>;
}

export interface ArmoredIngressArgs {
    project?: pulumi.Input<string>;
    namespace?: pulumi.Input<string>;
    allowlist?: List<string>;
    backends: List<IngressBackend>;
    defaultBackend?: pulumi.Input<string>;
    internal?: pulumi.Input<boolean>;
    region?: pulumi.Input<string>;
    subnetwork?: pulumi.Input<string>;
    proxyOnlySubnet?: pulumi.Input<ProxyOnlySubnet>;
    network?: pulumi.Input<string>;
    networkPolicies?: pulumi.Input<boolean>;
    domains?: List<string>;
    sslPolicy?: pulumi.Input<string>;
    wafRuleSets?: List<string>;
    wafSensitivity?: pulumi.Input<number>;
    rateBan?: pulumi.Input<RateBan>;
    adaptiveProtection?: pulumi.Input<boolean>;
    verboseLogging?: pulumi.Input<boolean>;
    denyStatus?: pulumi.Input<number>;
    timeoutSec?: pulumi.Input<number>;
    drainingTimeoutSec?: pulumi.Input<number>;
    logSampleRate?: pulumi.Input<number>;
}

/** A GKE Ingress with a static IP, behind a Cloud Armor policy that admits only the allowlist. */
export class ArmoredIngress extends pulumi.ComponentResource {
    public readonly address!: pulumi.Output<string>;
    public readonly url!: pulumi.Output<string>;
    public readonly securityPolicyName!: pulumi.Output<string>;

    constructor(name: string, args: ArmoredIngressArgs, opts?: pulumi.ComponentResourceOptions) {
        super(`${PACKAGE}:index:ArmoredIngress`, name, withOutputs(args, ["address", "url", "securityPolicyName"]), opts, true);
    }
}

export interface MicroserviceArgs {
    namespace?: pulumi.Input<string>;
    image: pulumi.Input<string>;
    port: pulumi.Input<number>;
    replicas?: pulumi.Input<number>;
    healthPath?: pulumi.Input<string>;
    env?: StringMap;
    args?: List<string>;
    requests?: StringMap;
    limits?: StringMap;
    runAsUser?: pulumi.Input<number>;
    preStopSeconds?: pulumi.Input<number>;
    labels?: StringMap;
    clusterService?: pulumi.Input<boolean>;
}

/** A Deployment and its Service (and network policy) on the cluster its kubernetes provider reaches. */
export class Microservice extends pulumi.ComponentResource {
    /** The name of its Kubernetes objects. */
    public readonly name!: pulumi.Output<string>;

    constructor(name: string, args: MicroserviceArgs, opts?: pulumi.ComponentResourceOptions) {
        super(`${PACKAGE}:index:Microservice`, name, withOutputs(args, ["name"]), opts, true);
    }
}

/** One Apigee policy: exactly one of the fields. */
export type Policy =
    | { spikeArrest: { rate: pulumi.Input<string>; name?: pulumi.Input<string> } }
    | { verifyApiKey: { header?: pulumi.Input<string>; queryParameter?: pulumi.Input<string>; name?: pulumi.Input<string> } }
    | { quota: { count: pulumi.Input<number>; interval?: pulumi.Input<number>; timeUnit?: pulumi.Input<string>;
                 fromProductKey?: pulumi.Input<string>; name?: pulumi.Input<string> } }
    | { jsonThreatProtection: { containerDepth?: pulumi.Input<number>; arrayElementCount?: pulumi.Input<number>;
                                objectEntryCount?: pulumi.Input<number>; objectEntryNameLength?: pulumi.Input<number>;
                                stringValueLength?: pulumi.Input<number>; name?: pulumi.Input<string> } }
    | { assignMessage: { name: pulumi.Input<string>; setHeaders?: StringMap; removeHeaders?: List<string> } }
    | { cors: { origins: List<string>; methods?: List<string>; headers?: List<string>; maxAgeSeconds?: pulumi.Input<number>;
                name?: pulumi.Input<string> } }
    | { oauthVerifyToken: { name?: pulumi.Input<string> } };

export interface Flow {
    name: pulumi.Input<string>;
    pathPattern: pulumi.Input<string>;
    verbs?: List<string>;
    policies?: List<Policy>;
}

export interface ProductQuota {
    count: pulumi.Input<number>;
    interval: pulumi.Input<number>;
    timeUnit: pulumi.Input<string>;
}

export interface ApiConsumer {
    email: pulumi.Input<string>;
    firstName: pulumi.Input<string>;
    lastName: pulumi.Input<string>;
    appName: pulumi.Input<string>;
}

export interface ApigeeProxyArgs {
    flavor?: pulumi.Input<"EDGE" | "X">;
    organization: pulumi.Input<string>;
    environments: List<string>;
    hostname?: pulumi.Input<string>;
    proxyName: pulumi.Input<string>;
    basePath: pulumi.Input<string>;
    description?: pulumi.Input<string>;
    virtualHosts?: List<string>;
    preFlow?: List<Policy>;
    flows?: List<Flow>;
    target: pulumi.Input<string>;
    targetPath?: pulumi.Input<string>;
    productName?: pulumi.Input<string>;
    quota?: pulumi.Input<ProductQuota>;
    approvalType?: pulumi.Input<string>;
    access?: pulumi.Input<string>;
    apiResources?: List<string>;
    consumer?: pulumi.Input<ApiConsumer>;
    natAddresses?: pulumi.Input<{ count: pulumi.Input<number>; instance: pulumi.Input<string> }>;
    microgateway?: pulumi.Input<boolean>;
    createProduct?: pulumi.Input<boolean>;
    productProxies?: List<string>;
}

/** An Apigee API proxy targeting a URL, with its product and a sample consumer app. */
export class ApigeeProxy extends pulumi.ComponentResource {
    public readonly proxyUrl!: pulumi.Output<string>;
    /** The sample app's API key (a secret). */
    public readonly consumerKey!: pulumi.Output<string>;
    public readonly bundleHash!: pulumi.Output<string>;
    public readonly natIps!: pulumi.Output<string[]>;

    constructor(name: string, args: ApigeeProxyArgs, opts?: pulumi.ComponentResourceOptions) {
        super(`${PACKAGE}:index:ApigeeProxy`, name, withOutputs(args, ["proxyUrl", "consumerKey", "bundleHash", "natIps"]), opts, true);
    }
}

/** The kubernetes provider, without @pulumi/kubernetes: a provider resource of package "kubernetes". */
export class KubernetesProvider extends pulumi.ProviderResource {
    constructor(name: string, args: { kubeconfig: pulumi.Input<string> }, opts?: pulumi.ResourceOptions) {
        super("kubernetes", name, { ...args }, opts);
    }
}
