package dev.apigeegke.componentprovider.testing;

import com.google.protobuf.Empty;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import dev.apigeegke.componentprovider.ComponentProviderService;
import dev.apigeegke.plugin.PluginServer;
import dev.apigeegke.preview.OfflineEngine;
import dev.apigeegke.preview.Plan;
import dev.apigeegke.preview.PropertyValues;
import dev.apigeegke.preview.TypeTokens;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.StreamObserver;
import com.pulumi.test.Mocks;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import pulumirpc.EngineGrpc;
import pulumirpc.EngineOuterClass;
import pulumirpc.Provider.CheckRequest;
import pulumirpc.Provider.ConfigureRequest;
import pulumirpc.Provider.ConstructRequest;
import pulumirpc.Provider.ConstructResponse;
import pulumirpc.Resource.RegisterResourceOutputsRequest;
import pulumirpc.Resource.RegisterResourceRequest;
import pulumirpc.Resource.RegisterResourceResponse;
import pulumirpc.Resource.ResourceInvokeRequest;
import pulumirpc.Resource.ResourceInvokeResponse;
import pulumirpc.Resource.SupportsFeatureRequest;
import pulumirpc.Resource.SupportsFeatureResponse;
import pulumirpc.ResourceMonitorGrpc;
import pulumirpc.ResourceProviderGrpc;

/**
 * A small Pulumi engine on loopback for programs in any language: the resource monitor and engine services a
 * language SDK talks to, doing what the real engine does with what they register, without the CLI or any cloud.
 *
 * <ul>
 *   <li>URNs are built as the engine builds them ({@code urn:pulumi:<stack>::<project>::<type chain>::<name>}, the root
 *   stack's type left out of the chain); a URN registered twice is refused, as the engine refuses it.</li>
 *   <li>A custom resource (provider resources too) gets an id ({@code <name>-id} in an update, the engine's unknown
 *   value in a preview) and its inputs back as outputs; in a preview every other output of its type is unknown.</li>
 *   <li>A {@code remote} registration of an {@code apigee-gke:} component goes to the component provider: launched
 *   once (with {@link Launcher}), sent GetPluginInfo, CheckConfig and Configure once, then one {@code Construct} per
 *   component, each on a thread of its own as the engine runs them; the response's URN, state and state
 *   dependencies answer the registration, and a failed Construct fails it with the provider's message.</li>
 *   <li>{@code RegisterResourceOutputs} is recorded; {@code Invoke} answers {@code pulumi:pulumi:getResource} from the
 *   registered resources; the engine's {@code Log} is kept.</li>
 * </ul>
 *
 * <p>Use: {@link #start}, give the program {@link #address()} as monitor and engine, read {@link #resources()},
 * {@link #remoteRegistrations()}, {@link #outputsOf(String)} and {@link #log()}, then {@link #close()}. Everything
 * recorded has its secrets replaced by {@link Plan#SECRET}.
 */
public final class MiniEngine implements AutoCloseable {
    /** The prefix of the component types the component provider serves. */
    public static final String PACKAGE = "apigee-gke";
    /** The features the monitor says yes to: the SDKs ask for each before the program's first registration. */
    private static final Set<String> FEATURES = Set.of("secrets", "resourceReferences");

    /** Starts the component provider for an engine at {@code engineAddress}. */
    @FunctionalInterface
    public interface Launcher {
        /** A running component provider. */
        Plugin launch(String engineAddress) throws IOException;
    }

    /** A running component provider. */
    public interface Plugin extends AutoCloseable {
        /** Its gRPC address, {@code host:port}. */
        String address();

        /** Stops it. */
        @Override
        void close();
    }

    /** What the cloud answers when a custom resource is created in an update: its state. */
    @FunctionalInterface
    public interface Cloud {
        /** The state of the resource of {@code type} named {@code name} created with {@code inputs}. */
        Struct create(String type, String name, Struct inputs);

        /** A cloud that gives every resource its inputs as its state. */
        Cloud ECHO = (type, name, inputs) -> inputs;

        /**
         * The cloud the SDK's test {@code mocks} describe: each resource's inputs as plain values (secrets unwrapped,
         * numbers as doubles), as the mocks get them under the SDK's test engine, and the state they answer.
         */
        static Cloud of(Mocks mocks) {
            return (type, name, inputs) -> {
                var args = new Mocks.ResourceArgs(type, name, PlainValues.of(inputs), null, null);
                var result = mocks.newResourceAsync(args).join();
                return PlainValues.struct(result.state);
            };
        }
    }

    /** One message the program or the provider logged to the engine. */
    public record LogEntry(EngineOuterClass.LogSeverity severity, String urn, String message) {
    }

    private final String project;
    private final String stack;
    private final boolean preview;
    private final Map<String, String> config;
    private final Set<String> secretKeys;
    private final Launcher launcher;
    private final Function<String, Set<String>> outputNames;
    private final Cloud cloud;
    private final Server server;
    private final Map<String, Plan.Resource> resources = new ConcurrentHashMap<>();
    private final Map<String, Struct> states = new ConcurrentHashMap<>();
    private final Map<String, String> ids = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<Plan.Resource> remote = new ConcurrentLinkedQueue<>();
    private final Map<String, Map<String, Object>> outputs = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<LogEntry> log = new ConcurrentLinkedQueue<>();
    private volatile String root = "";
    private Plugin plugin;
    private ManagedChannel channel;
    private ResourceProviderGrpc.ResourceProviderBlockingStub provider;

    private MiniEngine(String project, String stack, boolean preview, Map<String, String> config, Set<String> secretKeys,
                       Launcher launcher, Cloud cloud, Function<String, Set<String>> outputNames) throws IOException {
        this.project = project;
        this.stack = stack;
        this.preview = preview;
        this.config = Map.copyOf(config);
        this.secretKeys = Set.copyOf(secretKeys);
        this.launcher = launcher;
        this.outputNames = outputNames;
        this.cloud = cloud;
        this.server = NettyServerBuilder.forAddress(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
                .addService(new Monitor())
                .addService(new Engine())
                .maxInboundMessageSize(256 * 1024 * 1024) // proxy bundles travel base64-encoded inside the inputs
                .build()
                .start();
    }

    /**
     * Starts an engine for stack {@code stack} of {@code project}, in preview or update mode, whose configuration
     * ({@code namespace:key} → value, structured values as JSON; {@code secretKeys} secret) the component provider gets
     * with each Construct, and whose component provider {@code launcher} starts on the first component; in an update
     * every resource gets its inputs as its state.
     */
    public static MiniEngine start(String project, String stack, boolean preview, Map<String, String> config,
                                   Set<String> secretKeys, Launcher launcher) throws IOException {
        return start(project, stack, preview, config, secretKeys, launcher, Cloud.ECHO);
    }

    /** {@link #start(String, String, boolean, Map, Set, Launcher)} whose updates get each resource's state from {@code cloud}. */
    public static MiniEngine start(String project, String stack, boolean preview, Map<String, String> config,
                                   Set<String> secretKeys, Launcher launcher, Cloud cloud) throws IOException {
        return new MiniEngine(project, stack, preview, config, secretKeys, launcher, cloud, ResourceOutputs::of);
    }

    /** The component provider's service in this JVM, on a plugin server of its own. */
    public static Launcher inProcess() {
        return engineAddress -> {
            var server = PluginServer.start(new ComponentProviderService(engineAddress));
            return new Plugin() {
                @Override
                public String address() {
                    return "127.0.0.1:" + server.port();
                }

                @Override
                public void close() {
                    server.shutdown();
                }
            };
        };
    }

    /**
     * The component provider as the engine runs it: {@code executable} (the plugin's launcher script) started with the
     * engine's address, its port read from the first line it prints.
     */
    public static Launcher process(Path executable) {
        return engineAddress -> {
            var process = new ProcessBuilder(executable.toString(), engineAddress)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            var stdout = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            String line = stdout.readLine();
            if (line == null || !line.trim().matches("\\d+")) {
                process.destroyForcibly();
                throw new IOException(executable + " printed no port first but " + line);
            }
            String port = line.trim();
            return new Plugin() {
                @Override
                public String address() {
                    return "127.0.0.1:" + port;
                }

                @Override
                public void close() {
                    process.destroy();
                    try {
                        if (!process.waitFor(10, TimeUnit.SECONDS)) {
                            process.destroyForcibly();
                        }
                    } catch (InterruptedException e) {
                        process.destroyForcibly();
                        Thread.currentThread().interrupt();
                    }
                }
            };
        };
    }

    /** The address of the monitor and of the engine, {@code 127.0.0.1:port}: give it to the program as both. */
    public String address() {
        return "127.0.0.1:" + server.getPort();
    }

    /**
     * Every resource registered so far, sorted by URN, as the engine's state would hold it: the program's own, the
     * components and children the provider registered during Construct, not the program's remote requests.
     */
    public List<Plan.Resource> resources() {
        return resources.values().stream().sorted(java.util.Comparator.comparing(Plan.Resource::urn)).toList();
    }

    /** The program's remote component registrations as it sent them (inputs as {@link #resources()} shows them). */
    public List<Plan.Resource> remoteRegistrations() {
        return remote.stream().sorted(java.util.Comparator.comparing(Plan.Resource::urn)).toList();
    }

    /** The outputs registered for the resource {@code urn} (the stack's exports for the root stack's URN), if any. */
    public Optional<Map<String, Object>> outputsOf(String urn) {
        return Optional.ofNullable(outputs.get(urn));
    }

    /** The root stack's URN, once the program registered it. */
    public String rootUrn() {
        return root;
    }

    /** What the program and the provider logged, in order. */
    public List<LogEntry> log() {
        return List.copyOf(log);
    }

    /** The warnings and errors logged, one a line: what the CLI would show a user. */
    public String problems() {
        var text = new StringBuilder();
        log.stream().filter(e -> e.severity() == EngineOuterClass.LogSeverity.WARNING
                        || e.severity() == EngineOuterClass.LogSeverity.ERROR)
                .forEach(e -> text.append(e.severity()).append(' ').append(e.urn()).append(": ").append(e.message()).append('\n'));
        return text.toString();
    }

    @Override
    public void close() throws InterruptedException {
        synchronized (this) {
            if (channel != null) {
                channel.shutdownNow().awaitTermination(10, TimeUnit.SECONDS);
            }
            if (plugin != null) {
                plugin.close();
            }
        }
        server.shutdownNow().awaitTermination(10, TimeUnit.SECONDS);
    }

    /** The URN the engine gives a resource: the parent's type chain, the type, the name. */
    String urn(String type, String name, String parent) {
        return "urn:pulumi:" + stack + "::" + project + "::"
                + TypeTokens.qualifiedType(parent.isEmpty() ? null : parent, type) + "::" + name;
    }

    /** The component provider, launched and configured on first use, as the engine loads a plugin once. */
    private synchronized ResourceProviderGrpc.ResourceProviderBlockingStub provider() throws IOException {
        if (provider == null) {
            plugin = launcher.launch(address());
            channel = Grpc.newChannelBuilder(plugin.address(), InsecureChannelCredentials.create())
                    .maxInboundMessageSize(256 * 1024 * 1024).build();
            var stub = ResourceProviderGrpc.newBlockingStub(channel);
            stub.getPluginInfo(Empty.getDefaultInstance());
            var own = new TreeMap<String, String>();
            config.forEach((key, value) -> {
                if (key.startsWith(PACKAGE + ":")) {
                    own.put(key.substring(PACKAGE.length() + 1), value);
                }
            });
            var news = Struct.newBuilder();
            own.forEach((key, value) -> news.putFields(key, Value.newBuilder().setStringValue(value).build()));
            String providerUrn = Plan.Provider.defaultUrn(project, stack, PACKAGE, "");
            var checked = stub.checkConfig(CheckRequest.newBuilder().setUrn(providerUrn).setName("default")
                    .setType(TypeTokens.PROVIDER_PREFIX + PACKAGE).setNews(news).build());
            var variables = new TreeMap<String, String>();
            own.forEach((key, value) -> variables.put(PACKAGE + ":config:" + key, value));
            stub.configure(ConfigureRequest.newBuilder().putAllVariables(variables).setArgs(checked.getInputs())
                    .setAcceptSecrets(true).setAcceptResources(true).build());
            provider = stub;
        }
        return provider;
    }

    /** The Construct request the engine makes of a remote registration. */
    private ConstructRequest constructRequest(RegisterResourceRequest request) {
        var construct = ConstructRequest.newBuilder()
                .setProject(project)
                .setStack(stack)
                .putAllConfig(config)
                .addAllConfigSecretKeys(new TreeSet<>(secretKeys))
                .setDryRun(preview)
                .setMonitorEndpoint(address())
                .setType(request.getType())
                .setName(request.getName())
                // The engine makes the root stack the parent of a resource that names none.
                .setParent(request.getParent().isEmpty() ? root : request.getParent())
                .setInputs(request.getObject())
                .putAllProviders(request.getProvidersMap())
                .addAllDependencies(request.getDependenciesList())
                .addAllAliases(request.getAliasesList())
                .addAllAdditionalSecretOutputs(request.getAdditionalSecretOutputsList())
                .addAllIgnoreChanges(request.getIgnoreChangesList())
                .addAllReplaceOnChanges(request.getReplaceOnChangesList())
                .setDeletedWith(request.getDeletedWith())
                .setAcceptsOutputValues(true);
        request.getPropertyDependenciesMap().forEach((input, deps) -> construct.putInputDependencies(input,
                ConstructRequest.PropertyDependencies.newBuilder().addAllUrns(deps.getUrnsList()).build()));
        if (request.hasProtect()) {
            construct.setProtect(request.getProtect());
        }
        if (request.hasRetainOnDelete()) {
            construct.setRetainOnDelete(request.getRetainOnDelete());
        }
        if (request.getDeleteBeforeReplaceDefined()) {
            construct.setDeleteBeforeReplace(request.getDeleteBeforeReplace());
        }
        if (request.hasCustomTimeouts()) {
            var t = request.getCustomTimeouts();
            construct.setCustomTimeouts(ConstructRequest.CustomTimeouts.newBuilder()
                    .setCreate(t.getCreate()).setUpdate(t.getUpdate()).setDelete(t.getDelete()).build());
        }
        return construct.build();
    }

    private void construct(RegisterResourceRequest request, StreamObserver<RegisterResourceResponse> out) {
        ConstructResponse response;
        try {
            response = provider().construct(constructRequest(request));
        } catch (StatusRuntimeException e) {
            // The engine reports the failure under the resource, then fails the registration with it.
            String message = e.getStatus().getDescription() == null ? e.getStatus().getCode().toString()
                    : e.getStatus().getDescription();
            log.add(new LogEntry(EngineOuterClass.LogSeverity.ERROR,
                    urn(request.getType(), request.getName(), request.getParent()), message));
            out.onError(Status.fromCode(e.getStatus().getCode()).withDescription(message).asRuntimeException());
            return;
        } catch (IOException | RuntimeException e) {
            out.onError(Status.INTERNAL.withDescription("the component provider did not start: " + e).asRuntimeException());
            return;
        }
        var answer = RegisterResourceResponse.newBuilder().setUrn(response.getUrn()).setObject(response.getState());
        response.getStateDependenciesMap().forEach((name, deps) -> answer.putPropertyDependencies(name,
                RegisterResourceResponse.PropertyDependencies.newBuilder().addAllUrns(deps.getUrnsList()).build()));
        reply(out, answer.build());
    }

    private RegisterResourceResponse register(RegisterResourceRequest request, String urn) {
        var response = RegisterResourceResponse.newBuilder().setUrn(urn);
        if (request.getCustom()) {
            String id = preview ? Plan.ENGINE_UNKNOWN : request.getName() + "-id";
            response.setId(id).setObject(preview || request.getType().startsWith(TypeTokens.PROVIDER_PREFIX)
                    ? request.getObject() : created(request));
            ids.put(urn, id);
        }
        var answer = response.build();
        if (request.getCustom()) {
            if (preview) {
                answer = PropertyValues.withUnknownOutputs(answer, outputNames.apply(request.getType()));
            }
            // After the unknowns, as the engine does: an unknown output listed secret is secret too.
            answer = PropertyValues.withSecrets(answer, request.getAdditionalSecretOutputsList());
        }
        states.put(urn, answer.getObject());
        return answer;
    }

    /** The state the cloud gives a new resource, an output of the name of a secret input secret, as the engine keeps it. */
    private Struct created(RegisterResourceRequest request) {
        var state = cloud.create(request.getType(), request.getName(), request.getObject()).toBuilder();
        request.getObject().getFieldsMap().forEach((key, input) -> {
            var output = state.getFieldsMap().get(key);
            if (PropertyValues.isSecret(input) && output != null && !PropertyValues.isSecret(output)) {
                state.putFields(key, PropertyValues.secret(output));
            }
        });
        return state.build();
    }

    private final class Monitor extends ResourceMonitorGrpc.ResourceMonitorImplBase {
        @Override
        public void supportsFeature(SupportsFeatureRequest request, StreamObserver<SupportsFeatureResponse> out) {
            reply(out, SupportsFeatureResponse.newBuilder().setHasSupport(FEATURES.contains(request.getId())).build());
        }

        @Override
        public void registerResource(RegisterResourceRequest request, StreamObserver<RegisterResourceResponse> out) {
            String parent = request.getParent().isEmpty() && !request.getType().equals(TypeTokens.ROOT_STACK)
                    ? root : request.getParent();
            String urn = urn(request.getType(), request.getName(), parent);
            var recorded = OfflineEngine.registration(request.toBuilder().setParent(parent).build(), urn);
            if (request.getRemote() && TypeTokens.packageOf(request.getType()).equals(PACKAGE)) {
                remote.add(recorded);
                var thread = new Thread(() -> construct(request, out), "construct-" + request.getName());
                thread.setDaemon(true);
                thread.start();
                return;
            }
            if (resources.putIfAbsent(urn, recorded) != null) {
                out.onError(Status.ALREADY_EXISTS.withDescription("Duplicate resource URN '" + urn + "'").asRuntimeException());
                return;
            }
            if (request.getType().equals(TypeTokens.ROOT_STACK) && parent.isEmpty()) {
                root = urn;
            }
            try {
                reply(out, register(request, urn));
            } catch (RuntimeException e) {
                out.onError(Status.INTERNAL.withDescription(e.getMessage()).asRuntimeException());
            }
        }

        @Override
        public void registerResourceOutputs(RegisterResourceOutputsRequest request, StreamObserver<Empty> out) {
            outputs.put(request.getUrn(), PropertyValues.of(request.getOutputs()));
            reply(out, Empty.getDefaultInstance());
        }

        @Override
        public void invoke(ResourceInvokeRequest request, StreamObserver<ResourceInvokeResponse> out) {
            if (!request.getTok().equals("pulumi:pulumi:getResource")) {
                out.onError(Status.UNIMPLEMENTED.withDescription("this engine answers only pulumi:pulumi:getResource, not "
                        + request.getTok()).asRuntimeException());
                return;
            }
            String urn = request.getArgs().getFieldsMap().getOrDefault("urn", Value.getDefaultInstance()).getStringValue();
            var state = states.get(urn);
            if (state == null) {
                out.onError(Status.NOT_FOUND.withDescription("no resource " + urn).asRuntimeException());
                return;
            }
            var result = Struct.newBuilder()
                    .putFields("urn", Value.newBuilder().setStringValue(urn).build())
                    .putFields("id", Value.newBuilder().setStringValue(ids.getOrDefault(urn, "")).build())
                    .putFields("state", Value.newBuilder().setStructValue(state).build());
            reply(out, ResourceInvokeResponse.newBuilder().setReturn(result).build());
        }

        @Override
        public void signalAndWaitForShutdown(Empty request, StreamObserver<Empty> out) {
            reply(out, Empty.getDefaultInstance());
        }
    }

    private final class Engine extends EngineGrpc.EngineImplBase {
        @Override
        public void log(EngineOuterClass.LogRequest request, StreamObserver<Empty> out) {
            log.add(new LogEntry(request.getSeverity(), request.getUrn(), request.getMessage()));
            reply(out, Empty.getDefaultInstance());
        }

        @Override
        public void getRootResource(EngineOuterClass.GetRootResourceRequest request,
                                    StreamObserver<EngineOuterClass.GetRootResourceResponse> out) {
            reply(out, EngineOuterClass.GetRootResourceResponse.newBuilder().setUrn(root).build());
        }

        @Override
        public void setRootResource(EngineOuterClass.SetRootResourceRequest request,
                                    StreamObserver<EngineOuterClass.SetRootResourceResponse> out) {
            root = request.getUrn();
            reply(out, EngineOuterClass.SetRootResourceResponse.getDefaultInstance());
        }
    }

    private static <T> void reply(StreamObserver<T> observer, T value) {
        observer.onNext(value);
        observer.onCompleted();
    }
}
