package dev.apigeegke.microgateway;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import dev.apigeegke.apigee.resources.ApiProxy;
import dev.apigeegke.apigee.resources.ApiProxyArgs;
import dev.apigeegke.apigee.resources.KeyValueMap;
import dev.apigeegke.apigee.resources.KeyValueMapArgs;
import dev.apigeegke.apigee.resources.MicrogatewayCredential;
import dev.apigeegke.apigee.resources.MicrogatewayCredentialArgs;
import dev.apigeegke.apigee.resources.RsaKeyPair;
import dev.apigeegke.apigee.resources.RsaKeyPairArgs;
import dev.apigeegke.core.Names;
import dev.apigeegke.core.Problems;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import javax.annotation.Nullable;

/**
 * What {@code edgemicro configure} creates in an Apigee Edge organization, declared instead of run by hand: the
 * {@code edgemicro-auth} proxy, deployed to every environment given (configure skips a second environment), and per
 * environment a signing key pair, the encrypted {@code microgateway} key value map edgemicro-auth signs tokens with,
 * and the gateway's key and secret registered with Apigee's microgateway services, whose answer names the
 * organization's regional host. {@link #environment(String)} hands a gateway of one environment all it needs.
 *
 * <p>Children: {@code <name>-edgemicro-auth} ({@code apigee:index:ApiProxy}, named {@code edgemicro-auth} on Apigee) and
 * per environment {@code <name>-<env>-keys} ({@code apigee:index:RsaKeyPair}), {@code <name>-<env>-kvm}
 * ({@code apigee:index:KeyValueMap} {@code microgateway}) and {@code <name>-<env>-credential}
 * ({@code apigee:index:MicrogatewayCredential}). The proxy and the map are one per organization and environment on
 * Apigee: declare one setup per organization, listing every environment its gateways serve.
 */
public final class MicrogatewaySetup extends ComponentResource {
    /** The type token; it never changes. */
    public static final String TYPE = "apigee-gke:index:MicrogatewaySetup";

    @Export(name = "keys", refs = {Map.class, String.class}, tree = "[0,1,1]")
    private final Output<Map<String, String>> keys;

    /** Each environment's gateway key, by environment; a secret. */
    public Output<Map<String, String>> keys() {
        return this.keys;
    }

    @Export(name = "secrets", refs = {Map.class, String.class}, tree = "[0,1,1]")
    private final Output<Map<String, String>> secrets;

    /** Each environment's gateway secret, by environment; a secret. */
    public Output<Map<String, String>> secrets() {
        return this.secrets;
    }

    @Export(name = "publicKeys", refs = {Map.class, String.class}, tree = "[0,1,1]")
    private final Output<Map<String, String>> publicKeys;

    /** Each environment's edgemicro-auth certificate (PEM), as {@code /edgemicro-auth/publicKey} serves it, by environment. */
    public Output<Map<String, String>> publicKeys() {
        return this.publicKeys;
    }

    @Export(name = "servicesUrls", refs = {Map.class, String.class}, tree = "[0,1,1]")
    private final Output<Map<String, String>> servicesUrls;

    /** The regional microgateway services base URL each environment's bootstrap and analytics use, by environment. */
    public Output<Map<String, String>> servicesUrls() {
        return this.servicesUrls;
    }

    private final MicrogatewaySetupArgs args;
    private final Map<String, MicrogatewayEnvironment> gateways = new LinkedHashMap<>();
    private final Map<String, Output<String>> servicesUrlByEnv = new LinkedHashMap<>();
    private final ApiProxy proxy;

    /** Creates the setup with the default providers. */
    public MicrogatewaySetup(String name, MicrogatewaySetupArgs args) {
        this(name, args, null);
    }

    /** Creates the setup; pass the Apigee provider in {@code options} unless the default one is configured. */
    public MicrogatewaySetup(String name, MicrogatewaySetupArgs args, @Nullable ComponentResourceOptions options) {
        super(TYPE, checked(name, args), options);
        this.args = args;
        var bundle = args.bundle();
        this.proxy = new ApiProxy(Names.child(name, "edgemicro-auth"), ApiProxyArgs.builder()
                .name(bundle.proxyName())
                .bundle(bundle.bundle())
                .bundleHash(bundle.bundleHash())
                // Every environment: configure deploys it to the first one only, and a gateway of another gets 404s.
                .environments(args.environments())
                .adoptExisting(args.adoptExisting())
                .build(), child());
        for (String env : args.environments()) {
            gateways.put(env, declare(name, env));
        }
        this.keys = byEnvironment(MicrogatewayEnvironment::key).asSecret();
        this.secrets = byEnvironment(MicrogatewayEnvironment::secret).asSecret();
        this.publicKeys = byEnvironment(MicrogatewayEnvironment::publicKey);
        this.servicesUrls = servicesUrlsOf();
        registerOutputs(Map.of("keys", keys, "secrets", secrets, "publicKeys", publicKeys, "servicesUrls", servicesUrls));
    }

    /** The key pair, key value map and credential of one environment, and what its gateways get from them. */
    private MicrogatewayEnvironment declare(String name, String env) {
        String org = args.organization();
        var keyPair = new RsaKeyPair(Names.child(name, env + "-keys"), RsaKeyPairArgs.builder()
                .commonName(MicrogatewaySetupDefaults.commonName(org, env))
                .build(), child());
        // edgemicro-auth signs with private_key; /publicKey serves public_key, the certificate; public_key1 is the key.
        var entries = Output.tuple(keyPair.privateKeyPem(), keyPair.certificatePem(), keyPair.publicKeyPem())
                .applyValue(t -> Map.of(
                        "private_key", t.t1,
                        "public_key", t.t2,
                        "public_key1", t.t3,
                        "private_key_kid", MicrogatewaySetupDefaults.KEY_ID,
                        "public_key1_kid", MicrogatewaySetupDefaults.KEY_ID))
                .asSecret();
        var vault = new KeyValueMap(Names.child(name, env + "-kvm"), KeyValueMapArgs.builder()
                .environment(env)
                .name(MicrogatewaySetupDefaults.VAULT)
                .encrypted(true)
                .entries(entries)
                // A map changed from encrypted to plain (or back) is replaced under the same name, which Apigee refuses
                // while the old one exists: the old one goes first.
                .build(), CustomResourceOptions.builder().parent(this).deleteBeforeReplace(true).build());
        // The registration needs neither, but a gateway that starts before edgemicro-auth serves and can sign
        // fails its start: everything waiting on the key and secret waits for both.
        var credential = new MicrogatewayCredential(Names.child(name, env + "-credential"), MicrogatewayCredentialArgs.builder()
                .environment(env)
                .build(), CustomResourceOptions.builder().parent(this).dependsOn(proxy, vault).build());
        servicesUrlByEnv.put(env, credential.servicesUrl());
        return MicrogatewayEnvironment.fromSetup(org, env, credential.key(), credential.secret(), keyPair.certificatePem(),
                credential.servicesUrl(), args.runtimeBaseUrl().orElse(null));
    }

    /**
     * The endpoints {@code configure} writes for a gateway of {@code env}: bootstrap and analytics on the regional
     * services host the credential's registration found, the rest on the runtime base URL (null: Edge cloud's).
     */
    static MicrogatewayEndpoints endpoints(String org, String env, Output<String> servicesUrl, @Nullable String runtimeBaseUrl) {
        Function<String, MicrogatewayDefaults.Endpoints> at = url -> MicrogatewayDefaults.Endpoints.cloud(org, env, url, runtimeBaseUrl);
        // The runtime's endpoints do not depend on the services host: any host gives them.
        var runtime = at.apply(MicrogatewayDefaults.CLOUD_SERVICES_URL);
        return new MicrogatewayEndpoints(
                servicesUrl.applyValue(url -> at.apply(url).bootstrap()),
                servicesUrl.applyValue(url -> at.apply(url).analyticsUri()),
                Output.of(runtime.quotaUri()),
                Output.of(runtime.authUri()),
                Output.of(runtime.products()),
                Output.of(runtime.jwtPublicKey()),
                Output.of(runtime.verifyApiKeyUrl()));
    }

    /**
     * What a gateway of {@code environment} takes, for {@link MicrogatewayServiceArgs.Builder#setup} or
     * {@link MicrogatewaySidecarArgs.Builder#setup}.
     *
     * @throws IllegalArgumentException when the setup does not serve {@code environment}
     */
    public MicrogatewayEnvironment environment(String environment) {
        var gateway = gateways.get(environment);
        if (gateway == null) {
            throw new IllegalArgumentException("this MicrogatewaySetup serves " + args.environments() + ", not '" + environment
                    + "': add it to MicrogatewaySetupArgs.environments");
        }
        return gateway;
    }

    /** The environments set up, in the order given. */
    public List<String> environments() {
        return args.environments();
    }

    /** The validated arguments. */
    public MicrogatewaySetupArgs args() {
        return args;
    }

    /** The {@code edgemicro-auth} proxy. */
    public ApiProxy proxy() {
        return proxy;
    }

    private CustomResourceOptions child() {
        return CustomResourceOptions.builder().parent(this).build();
    }

    private Output<Map<String, String>> byEnvironment(Function<MicrogatewayEnvironment, Output<String>> value) {
        return collect(gateways.keySet().stream().toList(), env -> value.apply(gateways.get(env)));
    }

    private Output<Map<String, String>> servicesUrlsOf() {
        return collect(List.copyOf(servicesUrlByEnv.keySet()), servicesUrlByEnv::get);
    }

    private static Output<Map<String, String>> collect(List<String> envs, Function<String, Output<String>> value) {
        return Output.all(envs.stream().map(value).toList()).applyValue(values -> {
            var map = new TreeMap<String, String>();
            for (int i = 0; i < envs.size(); i++) {
                map.put(envs.get(i), values.get(i));
            }
            return Collections.unmodifiableMap(map);
        });
    }

    private static String checked(String name, MicrogatewaySetupArgs args) {
        var problems = new Problems("MicrogatewaySetup");
        problems.check(name != null && !name.isBlank(), "name", name, "a name for the setup, e.g. edgemicro");
        problems.check(args != null, "args", null,
                "pass MicrogatewaySetupArgs.builder().organization(...).environments(...).build()");
        problems.throwIfAny();
        return name;
    }
}
