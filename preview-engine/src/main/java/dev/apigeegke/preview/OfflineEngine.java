package dev.apigeegke.preview;

import com.pulumi.Context;
import com.pulumi.Log;
import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.exceptions.RunException;
import com.pulumi.resources.CustomResource;
import com.pulumi.test.Mocks;
import com.pulumi.test.PulumiTest;
import com.pulumi.test.TestOptions;
import com.pulumi.test.internal.MockMonitor;
import com.pulumi.test.internal.PulumiTestInternal;
import dev.apigeegke.core.InvalidArgumentsException;
import dev.apigeegke.internal.config.StackKeys;
import dev.apigeegke.provider.schema.PropertySchema;
import dev.apigeegke.provider.schema.ProviderSchema;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import pulumirpc.Resource.RegisterResourceRequest;
import pulumirpc.Resource.RegisterResourceResponse;

/**
 * Runs a Pulumi program in this process on the SDK's test engine in preview mode, and records every
 * resource registration exactly as the SDK sends it to the engine (type, name, parent, serialized inputs
 * with secrets marked, provider, dependencies, options). Resources get their inputs back as state and every other
 * output unknown, as in a real preview, so values only the cloud knows (IPs, endpoints) stay unknown and the inputs
 * they feed keep their dependencies.
 */
public final class OfflineEngine {
    private OfflineEngine() {
    }

    /** The outcome of a run: the plan, or the errors that stopped the program; and the warnings it logged. */
    public record Result(Plan plan, List<String> errors, List<String> warnings) {
        public boolean ok() {
            return errors.isEmpty();
        }
    }

    /**
     * Runs {@code program} as stack {@code stack} of {@code project} with the given configuration
     * ({@code namespace:key} → value; structured values as JSON) of which {@code secretKeys} are secrets.
     */
    public static Result run(String project, String stack, Map<String, String> config, Set<String> secretKeys,
                             Consumer<Context> program) {
        return run(project, stack, config, secretKeys, program, true, new PreviewMocks());
    }

    /**
     * Runs {@code program} with {@code mocks} standing in for the cloud; with {@code preview} false the
     * program sees the values the mocks return as if the resources existed.
     */
    public static Result run(String project, String stack, Map<String, String> config, Set<String> secretKeys,
                             Consumer<Context> program, boolean preview, Mocks mocks) {
        var recorded = new ConcurrentLinkedQueue<Plan.Resource>();
        var componentOutputs = new java.util.concurrent.ConcurrentHashMap<String, Map<String, Object>>();
        // The program's log.warn() reaches the SDK's standard logger at WARNING: keep those, drop the SDK's chatter.
        var warnings = new ConcurrentLinkedQueue<String>();
        var quiet = Logger.getAnonymousLogger();
        quiet.setUseParentHandlers(false);
        quiet.setLevel(Level.WARNING);
        quiet.addHandler(new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record.getLevel() == Level.WARNING) {
                    warnings.add(record.getMessage());
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        });
        var log = PulumiTestInternal.mockLog(quiet);
        try {
            var test = PulumiTestInternal.builder()
                    .options(TestOptions.builder().projectName(project).stackName(stack).preview(preview).build())
                    .mocks(mocks)
                    .standardLogger(quiet)
                    .config(config, secretKeys)
                    .monitorDecorator(ignored -> new RecordingMonitor(mocks, log, recorded, componentOutputs, preview))
                    .build();
            // The program sees every key of its stack as under the CLI, where PULUMI_CONFIG lists them.
            var result = StackKeys.whileRunning(config, secretKeys, () -> test.runTest(program));
            // The SDK can report one failure through several paths: show each message once.
            var errors = new java.util.LinkedHashSet<String>();
            for (var e : result.exceptions()) {
                errors.add(describe(e));
            }
            if (errors.isEmpty()) {
                result.errors().forEach(errors::add);
            }
            var outputs = new TreeMap<String, Object>();
            result.outputs().forEach((name, output) -> outputs.put(name, valueOf(output)));
            var resources = recorded.stream().sorted(Comparator.comparing(Plan.Resource::urn)).toList();
            return new Result(new Plan(project, stack, resources, outputs, new TreeMap<>(componentOutputs),
                    providers(project, stack, resources, config, secretKeys)),
                    List.copyOf(errors), List.copyOf(warnings));
        } finally {
            PulumiTest.cleanup();
        }
    }

    private static String describe(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof RunException || t instanceof InvalidArgumentsException) {
                return t.getMessage();
            }
        }
        var root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    private static Object valueOf(Output<?> output) {
        var data = PulumiTestInternal.extractOutputData(output);
        if (!data.isKnown()) {
            return Plan.UNKNOWN;
        }
        if (data.isSecret()) {
            return Plan.SECRET;
        }
        Object value = data.getValueNullable();
        return value instanceof Optional<?> opt ? opt.orElse(null) : value;
    }

    /** Gives every resource its inputs as state and no id: what a preview knows before anything exists. */
    private static final class PreviewMocks implements Mocks {
        @Override
        public CompletableFuture<ResourceResult> newResourceAsync(ResourceArgs args) {
            return CompletableFuture.completedFuture(ResourceResult.of(Optional.of(args.name + "-id"), args.inputs));
        }
    }

    /** The aliases of a registration; an empty field of an alias spec means "as now". */
    private static List<Plan.Alias> aliases(RegisterResourceRequest request) {
        var aliases = new ArrayList<Plan.Alias>();
        for (var alias : request.getAliasesList()) {
            if (!alias.hasSpec()) {
                aliases.add(Plan.Alias.of(alias.getUrn()));
                continue;
            }
            var spec = alias.getSpec();
            aliases.add(new Plan.Alias(null, blankToNull(spec.getName()), blankToNull(spec.getType()),
                    spec.hasParentUrn() ? blankToNull(spec.getParentUrn()) : null, spec.hasNoParent() && spec.getNoParent(),
                    blankToNull(spec.getProject()), blankToNull(spec.getStack())));
        }
        return aliases;
    }

    private static String blankToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    /**
     * The registration {@code request} as recorded: its URN (as the engine answered it), inputs (secrets and unknowns as
     * markers), provider, dependencies and options.
     */
    public static Plan.Resource registration(RegisterResourceRequest request, String urn) {
        var inputs = PropertyValues.of(request.getObject());
        var propertyDependencies = new TreeMap<String, List<String>>();
        request.getPropertyDependenciesMap().forEach((input, deps) -> {
            if (deps.getUrnsCount() > 0) {
                propertyDependencies.put(input, deps.getUrnsList().stream().sorted().distinct().toList());
            }
        });
        var timeouts = new TreeMap<String, String>();
        if (request.hasCustomTimeouts()) {
            var t = request.getCustomTimeouts();
            putIfSet(timeouts, "create", t.getCreate());
            putIfSet(timeouts, "update", t.getUpdate());
            putIfSet(timeouts, "delete", t.getDelete());
        }
        var options = new Plan.Options(request.hasProtect() && request.getProtect(), request.getDeleteBeforeReplace(),
                request.hasRetainOnDelete() && request.getRetainOnDelete(), request.getIgnoreChangesList(),
                request.getReplaceOnChangesList(), request.getAdditionalSecretOutputsList(), timeouts, aliases(request));
        return new Plan.Resource(urn, request.getType(), request.getName(),
                request.getParent().isEmpty() ? null : request.getParent(), request.getCustom(), inputs,
                request.getProvider().isEmpty() ? null : request.getProvider(),
                request.getDependenciesList().stream().sorted().distinct().toList(), propertyDependencies, options,
                request.getVersion());
    }

    private static void putIfSet(Map<String, String> map, String key, String value) {
        if (value != null && !value.isEmpty()) {
            map.put(key, value);
        }
    }

    /**
     * The providers {@code resources} use: each explicit provider resource any of them names, with its inputs, and the
     * default provider of every package a custom resource uses without naming one, with the stack's configuration in
     * that package's namespace as its inputs ({@code secretKeys} masked), as the engine would create it.
     */
    static List<Plan.Provider> providers(String project, String stack, List<Plan.Resource> resources,
                                         Map<String, String> config, Set<String> secretKeys) {
        var byUrn = new TreeMap<String, Plan.Resource>();
        resources.forEach(r -> byUrn.put(r.urn(), r));
        var users = new TreeMap<String, Integer>();
        // Each default provider, with the first resource that uses it: its package and the version it asks for.
        var defaults = new TreeMap<String, Plan.Resource>();
        for (var r : resources) {
            if (!r.custom() || r.isProvider()) {
                continue;
            }
            String urn = r.providerUrn();
            if (urn == null) {
                urn = Plan.Provider.defaultUrn(project, stack, TypeTokens.packageOf(r.type()), r.version());
                defaults.putIfAbsent(urn, r);
            }
            users.merge(urn, 1, Integer::sum);
        }
        var providers = new ArrayList<Plan.Provider>();
        users.forEach((urn, count) -> {
            var explicit = byUrn.get(urn);
            if (explicit != null) {
                String pkg = explicit.type().substring(TypeTokens.PROVIDER_PREFIX.length());
                providers.add(new Plan.Provider(urn, pkg, false, explicit.version(), explicit.inputs(), count));
                return;
            }
            var user = defaults.get(urn);
            String pkg = user == null ? "" : TypeTokens.packageOf(user.type());
            var inputs = new TreeMap<String, Object>();
            config.forEach((key, value) -> {
                if (key.startsWith(pkg + ":")) {
                    String name = key.substring(pkg.length() + 1);
                    boolean secret = secretKeys.contains(key) || secretProviderInputs(pkg).contains(name);
                    inputs.put(name, secret ? Plan.SECRET : value);
                }
            });
            providers.add(new Plan.Provider(urn, pkg, user != null, user == null ? "" : user.version(), inputs, count));
        });
        return providers;
    }

    /**
     * The provider inputs {@code pkg}'s schema marks secret, which the engine keeps secret even when the stack file holds
     * them in clear: the apigee provider's from its schema; gcp's {@code accessToken} and {@code credentials} and
     * kubernetes' {@code kubeconfig}, as the pulumi-gcp and pulumi-kubernetes schemas declare them.
     */
    static Set<String> secretProviderInputs(String pkg) {
        return switch (pkg) {
            case "apigee" -> ProviderSchema.get().provider().inputs().stream().filter(PropertySchema::secret)
                    .map(PropertySchema::name).collect(java.util.stream.Collectors.toUnmodifiableSet());
            case "gcp" -> Set.of("accessToken", "credentials");
            case "kubernetes" -> Set.of("kubeconfig");
            default -> Set.of();
        };
    }

    /**
     * The outputs a resource class declares ({@code @Export} fields of it and its superclasses), without the URN and id,
     * which the engine answers apart from the outputs.
     */
    public static Set<String> outputNames(Class<?> type) {
        var names = new java.util.TreeSet<String>();
        for (Class<?> c = type; c != null && c != CustomResource.class; c = c.getSuperclass()) {
            for (var field : c.getDeclaredFields()) {
                var export = field.getAnnotation(Export.class);
                if (export != null) {
                    names.add(export.name().isEmpty() ? field.getName() : export.name());
                }
            }
        }
        names.remove("urn");
        names.remove("id");
        return names;
    }

    /** Records each registration request, as the engine would receive it, with its URN. */
    private static final class RecordingMonitor extends MockMonitor {
        private final ConcurrentLinkedQueue<Plan.Resource> recorded;
        private final Map<String, Map<String, Object>> componentOutputs;

        private final boolean preview;

        RecordingMonitor(Mocks mocks, Log log, ConcurrentLinkedQueue<Plan.Resource> recorded,
                         Map<String, Map<String, Object>> componentOutputs, boolean preview) {
            super(mocks, log);
            this.recorded = recorded;
            this.componentOutputs = componentOutputs;
            this.preview = preview;
        }

        @Override
        public CompletableFuture<Void> registerResourceOutputsAsync(pulumirpc.Resource.RegisterResourceOutputsRequest request) {
            componentOutputs.put(request.getUrn(), PropertyValues.of(request.getOutputs()));
            return super.registerResourceOutputsAsync(request);
        }

        @Override
        public CompletableFuture<RegisterResourceResponse> registerResourceAsync(
                com.pulumi.resources.Resource resource, RegisterResourceRequest request) {
            return super.registerResourceAsync(resource, request).thenApply(engineSide -> {
                var response = engineSide.toBuilder().setUrn(TypeTokens.engineUrn(engineSide.getUrn())).build();
                if (preview && request.getCustom()) {
                    response = PropertyValues.withUnknownOutputs(response, outputNames(resource.getClass()));
                }
                // After the unknowns: the engine makes every listed output secret that the provider answered, an unknown
                // one of a preview too (step_executor.go), so a generated key is secret before it exists.
                response = PropertyValues.withSecrets(response, request.getAdditionalSecretOutputsList());
                recorded.add(registration(request, response.getUrn()));
                return response;
            });
        }
    }
}
