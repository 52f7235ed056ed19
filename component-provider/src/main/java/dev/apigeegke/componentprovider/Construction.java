package dev.apigeegke.componentprovider;

import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import com.pulumi.core.Alias;
import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.core.internal.Internal;
import com.pulumi.core.internal.OutputData;
import com.pulumi.deployment.internal.DeploymentInstanceHolder;
import com.pulumi.deployment.internal.InlineDeploymentSettings;
import com.pulumi.internal.PulumiInternal;
import com.pulumi.provider.internal.properties.PropertyValue;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomTimeouts;
import com.pulumi.resources.DependencyResource;
import com.pulumi.resources.Resource;
import com.pulumi.resources.StackOptions;
import com.pulumi.resources.internal.DependencyProviderResource;
import io.grpc.Context;
import io.grpc.Status;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import pulumirpc.Provider.ConstructRequest;
import pulumirpc.Provider.ConstructResponse;

/**
 * One {@code Construct} call: the component's arguments bound from the request (every problem reported before any
 * resource is registered), the component declared in a deployment of its own against the engine's monitor, and its
 * URN and outputs answered once every resource under it is registered.
 *
 * <p>Each runs on a thread of its own, outside the gRPC call's context: the Java SDK keeps the deployment in a
 * thread-local, and a deployment started inside a call's {@code io.grpc.Context} would be cancelled with the call's
 * context when another call completes.
 */
final class Construction {
    /** Why a Construct failed, for the engine: the message a user sees under the component. */
    static final class Failure extends RuntimeException {
        private final Status.Code code;

        Failure(Status.Code code, String message) {
            super(message);
            this.code = code;
        }
    }

    private Construction() {
    }

    /** Starts constructing the component {@code request} asks for. */
    static CompletableFuture<ConstructResponse> start(ConstructRequest request, String engineAddress, ComponentSchema schema) {
        var result = new CompletableFuture<ConstructResponse>();
        var thread = new Thread(() -> Context.ROOT.run(() -> {
            try {
                result.complete(run(request, engineAddress, schema));
            } catch (Throwable e) {
                result.completeExceptionally(e);
            } finally {
                DeploymentInstanceHolder.internalUnsafeDestroyInstance();
            }
        }), "construct-" + request.getName());
        thread.setDaemon(true);
        thread.start();
        return result;
    }

    /** The gRPC status of a failed Construct: the component's own report, or an internal error with its cause. */
    static Status status(Throwable error) {
        Throwable cause = error;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof Failure f) {
            return Status.fromCode(f.code).withDescription(f.getMessage());
        }
        // The SDK gathers the failures of one deployment as suppressed exceptions of a message-less one.
        var causes = new ArrayList<Throwable>(List.of(cause.getSuppressed()));
        if (causes.isEmpty()) {
            causes.add(cause);
        }
        var messages = new TreeSet<String>();
        for (var c : causes) {
            messages.add(describe(c));
        }
        return Status.INTERNAL.withDescription(String.join("\n", messages)).withCause(cause);
    }

    /** The innermost message of {@code error}: what went wrong, not where. */
    private static String describe(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root
                && (root.getMessage() == null || root instanceof CompletionException || root instanceof ExecutionException)) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

    private static ConstructResponse run(ConstructRequest request, String engineAddress, ComponentSchema schema)
            throws ExecutionException, InterruptedException {
        var component = Components.byToken(request.getType()).orElseThrow(() -> new Failure(Status.Code.INVALID_ARGUMENT,
                "apigee-gke has no component " + request.getType() + "; it has " + Components.tokens()));
        String simpleName = component.javaType().getSimpleName();
        var args = bind(request, component, schema, simpleName);
        var settings = InlineDeploymentSettings.builder()
                .monitorAddr(request.getMonitorEndpoint())
                .engineAddr(engineAddress)
                .project(request.getProject())
                .stack(request.getStack())
                .organization(request.getOrganization())
                .isDryRun(request.getDryRun())
                .config(ImmutableMap.copyOf(request.getConfigMap()))
                .configSecretKeys(ImmutableSet.copyOf(request.getConfigSecretKeysList()))
                .build();
        var options = options(request);
        var deployment = PulumiInternal.fromInline(settings, StackOptions.builder().build());
        // A component refusing its arguments in its constructor is the user's mistake, not a crash: kept from the SDK's
        // runner, which would log it to the engine with a stack trace, and answered as the binder's problems are.
        var refused = new RuntimeException[1];
        var response = deployment.runInlineAsync(ctx -> {
            try {
                return response(component.factory().create(request.getName(), args, options));
            } catch (IllegalArgumentException e) { // InvalidArgumentsException too
                refused[0] = e;
                return CompletableFuture.completedFuture((ConstructResponse) null);
            }
        }).get();
        if (refused[0] != null) {
            throw new Failure(Status.Code.INVALID_ARGUMENT, simpleName + " " + request.getName() + ": " + refused[0].getMessage());
        }
        return response;
    }

    static Object bind(ConstructRequest request, Components.Component component, ComponentSchema schema, String name) {
        var dependencies = new TreeMap<String, Set<String>>();
        request.getInputDependenciesMap().forEach((input, deps) -> dependencies.put(input, new TreeSet<>(deps.getUrnsList())));
        var binder = new InputBinder(name, dependencies, Components.ADAPTERS);
        var order = new ArrayList<String>();
        schema.resource(component.token()).path("inputProperties").fieldNames().forEachRemaining(order::add);
        Map<String, PropertyValue> inputs = PropertyValue.unmarshalProperties(request.getInputs());
        Object args = binder.build(component.builder().get(), inputs, order, component.custom(), "");
        if (!binder.problems().isEmpty() || args == null) {
            throw new Failure(Status.Code.INVALID_ARGUMENT, name + " " + request.getName() + ": "
                    + (binder.problems().size() == 1 ? "" : binder.problems().size() + " problems with its inputs:\n  ")
                    + String.join("\n  ", binder.problems()));
        }
        return args;
    }

    /** The component's options as the engine sent them: parent, providers, dependsOn, protect and the rest. */
    static ComponentResourceOptions options(ConstructRequest request) {
        var builder = ComponentResourceOptions.builder()
                .parent(new DependencyResource(request.getParent()))
                .aliases(request.getAliasesList().stream().map(Construction::alias).toArray(Alias[]::new))
                .dependsOn(request.getDependenciesList().stream().sorted().distinct()
                        .map(DependencyResource::new).toArray(Resource[]::new))
                .providers(new TreeMap<>(request.getProvidersMap()).values().stream()
                        .map(DependencyProviderResource::new).toArray(DependencyProviderResource[]::new))
                .ignoreChanges(request.getIgnoreChangesList())
                .replaceOnChanges(request.getReplaceOnChangesList());
        if (request.hasProtect()) {
            builder.protect(request.getProtect());
        }
        if (request.hasRetainOnDelete()) {
            builder.retainOnDelete(request.getRetainOnDelete());
        }
        if (request.hasCustomTimeouts()) {
            var t = request.getCustomTimeouts();
            builder.customTimeouts(CustomTimeouts.builder()
                    .create(CustomTimeouts.parseTimeoutString(t.getCreate()))
                    .update(CustomTimeouts.parseTimeoutString(t.getUpdate()))
                    .delete(CustomTimeouts.parseTimeoutString(t.getDelete()))
                    .build());
        }
        return builder.build();
    }

    private static Alias alias(pulumirpc.AliasOuterClass.Alias alias) {
        if (!alias.getUrn().isEmpty()) {
            return Alias.withUrn(alias.getUrn());
        }
        var spec = alias.getSpec();
        if (spec.hasNoParent() && spec.getNoParent()) {
            return Alias.noParent();
        }
        var builder = Alias.builder();
        if (!spec.getName().isEmpty()) {
            builder.name(spec.getName());
        }
        if (!spec.getType().isEmpty()) {
            builder.type(spec.getType());
        }
        if (!spec.getStack().isEmpty()) {
            builder.stack(spec.getStack());
        }
        if (!spec.getProject().isEmpty()) {
            builder.project(spec.getProject());
        }
        if (spec.hasParentUrn() && !spec.getParentUrn().isEmpty()) {
            builder.parentUrn(Output.of(spec.getParentUrn()));
        }
        return builder.build();
    }

    /** The component's URN and its outputs, each secret or unknown as it is, with the resources it comes from. */
    private static CompletableFuture<ConstructResponse> response(ComponentResource component) {
        var outputs = exports(component);
        var futures = new TreeMap<String, CompletableFuture<OutputData<Object>>>();
        outputs.forEach((name, output) -> futures.put(name, Internal.of(output).getDataAsync()));
        var urn = Internal.of(component.urn()).getDataAsync();
        return CompletableFuture.allOf(futures.values().toArray(CompletableFuture[]::new)).thenCombine(urn, (ignored, urnData) -> {
            var response = ConstructResponse.newBuilder().setUrn(urnData.getValueNullable());
            var state = new TreeMap<String, PropertyValue>();
            futures.forEach((name, future) -> {
                var data = future.join();
                state.put(name, Values.of(data));
                var urns = urns(data.getResources());
                if (!urns.isEmpty()) {
                    response.putStateDependencies(name, ConstructResponse.PropertyDependencies.newBuilder().addAllUrns(urns).build());
                }
            });
            return response.setState(PropertyValue.marshalProperties(state)).build();
        });
    }

    /** The component's outputs: its {@code @Export} fields, by their exported names. */
    @SuppressWarnings("unchecked")
    static Map<String, Output<Object>> exports(ComponentResource component) {
        var outputs = new TreeMap<String, Output<Object>>();
        for (Class<?> c = component.getClass(); c != null && c != ComponentResource.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                var export = field.getAnnotation(Export.class);
                if (export == null || field.getType() != Output.class) {
                    continue;
                }
                field.setAccessible(true);
                try {
                    var value = (Output<Object>) field.get(component);
                    if (value != null) {
                        outputs.put(export.name().isEmpty() ? field.getName() : export.name(), value);
                    }
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return outputs;
    }

    private static List<String> urns(Collection<Resource> resources) {
        return resources.stream()
                .map(r -> Internal.of(r.urn()).getValueNullable().join())
                .filter(u -> u != null && !u.isEmpty())
                .sorted().distinct().collect(Collectors.toList());
    }
}
