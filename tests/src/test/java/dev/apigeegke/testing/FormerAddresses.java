package dev.apigeegke.testing;

import com.pulumi.Context;
import com.pulumi.Log;
import com.pulumi.test.Mocks;
import com.pulumi.test.PulumiTest;
import com.pulumi.test.TestOptions;
import com.pulumi.test.internal.MockMonitor;
import com.pulumi.test.internal.PulumiTestInternal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;
import java.util.logging.Logger;
import pulumirpc.AliasOuterClass;
import pulumirpc.Resource.RegisterResourceRequest;
import pulumirpc.Resource.RegisterResourceResponse;

/**
 * Whether a program that now groups resources under new components still finds them where a stack declared them
 * before those components existed. The program runs on the SDK's test engine, which records each registration
 * with the aliases the SDK sends; the aliases are then resolved the way Pulumi's engine resolves them (an alias
 * names a former name, type or parent; a parent given as a resource that was itself found through an alias
 * stands for that former address; a child also inherits the former address its parent was found at). The
 * former addresses are the current ones without the new components in them.
 */
public final class FormerAddresses {
    /** One registration: its URN and the former URNs its aliases (and its parent's) resolve to. */
    record Registration(String urn, String type, String name, String parent, List<AliasOuterClass.Alias> aliases) {
    }

    private FormerAddresses() {
    }

    /**
     * Runs {@code program} with {@code config} and, for each resource not of a {@code newTypes} component, the
     * address it was found at: its URN when unchanged, the former URN it adopts through aliases, or empty when
     * nothing leads to its former URN (Pulumi would create it anew and delete the old one).
     */
    public static Map<String, Optional<String>> adopted(Map<String, String> config, Set<String> secretKeys,
                                                        Consumer<Context> program, Set<String> newTypes) {
        var registrations = record(config, secretKeys, program);
        var former = new LinkedHashSet<String>();
        for (var r : registrations) {
            if (!newTypes.contains(r.type())) {
                former.add(withoutLayers(r.urn(), newTypes));
            }
        }
        var matched = new HashMap<String, String>();
        var adopted = new LinkedHashMap<String, Optional<String>>();
        // Parents register before their children, so by depth is an order the engine could have seen.
        registrations.sort(Comparator.comparingInt(r -> type(r.urn()).split("\\$").length));
        for (var r : registrations) {
            var candidates = new ArrayList<String>();
            candidates.add(r.urn());
            candidates.addAll(aliases(r, matched));
            var found = candidates.stream().filter(former::contains).findFirst();
            found.filter(f -> !f.equals(r.urn())).ifPresent(f -> matched.put(r.urn(), f));
            if (!newTypes.contains(r.type())) {
                adopted.put(r.urn(), found);
            }
        }
        return adopted;
    }

    /** The URNs the engine derives from a registration's aliases and from its parent's former address. */
    private static List<String> aliases(Registration r, Map<String, String> matched) {
        var urns = new ArrayList<String>();
        for (var alias : r.aliases()) {
            urns.add(collapse(r, alias, matched));
        }
        String parentFormer = r.parent() == null ? null : matched.get(r.parent());
        if (parentFormer != null) {
            urns.add(inherited(r.type(), r.name(), name(r.parent()), parentFormer));
            for (var alias : r.aliases()) {
                String collapsed = collapse(r, alias, matched);
                urns.add(inherited(lastType(collapsed), name(collapsed), name(r.parent()), parentFormer));
            }
        }
        return urns;
    }

    private static String collapse(Registration r, AliasOuterClass.Alias alias, Map<String, String> matched) {
        if (alias.hasUrn() || !alias.hasSpec()) {
            return alias.getUrn();
        }
        var spec = alias.getSpec();
        String name = spec.getName().isEmpty() ? r.name() : spec.getName();
        String type = spec.getType().isEmpty() ? r.type() : spec.getType();
        String parent = r.parent();
        if (spec.hasParentUrn() && !spec.getParentUrn().isEmpty()) {
            parent = matched.getOrDefault(spec.getParentUrn(), spec.getParentUrn());
        } else if (spec.hasNoParent() && spec.getNoParent()) {
            // No parent: at the top of the stack, which the test engine writes as a child of the stack resource.
            parent = stackUrn(r.urn());
        }
        return urn(r.urn(), type(parent) + "$" + type, name);
    }

    /** A child's former address under its parent's former address; a name starting with the parent's follows its rename. */
    private static String inherited(String type, String name, String parentName, String parentFormer) {
        String formerName = name.startsWith(parentName) ? name(parentFormer) + name.substring(parentName.length()) : name;
        return urn(parentFormer, type(parentFormer) + "$" + type, formerName);
    }

    /** {@code urn} with the segments of {@code types} removed from its type chain. */
    static String withoutLayers(String urn, Set<String> types) {
        var kept = new ArrayList<String>();
        for (String segment : type(urn).split("\\$")) {
            if (!types.contains(segment)) {
                kept.add(segment);
            }
        }
        return urn(urn, String.join("$", kept), name(urn));
    }

    private static String[] parts(String urn) {
        return urn.split("::", 4);
    }

    private static String type(String urn) {
        return parts(urn)[2];
    }

    private static String lastType(String urn) {
        String type = type(urn);
        return type.substring(type.lastIndexOf('$') + 1);
    }

    private static String name(String urn) {
        return parts(urn)[3];
    }

    private static String urn(String sameStackAs, String qualifiedType, String name) {
        var p = parts(sameStackAs);
        return p[0] + "::" + p[1] + "::" + qualifiedType + "::" + name;
    }

    private static String stackUrn(String sameStackAs) {
        var p = parts(sameStackAs);
        String stack = p[0].substring("urn:pulumi:".length());
        return p[0] + "::" + p[1] + "::pulumi:pulumi:Stack::" + p[1] + "-" + stack;
    }

    private static List<Registration> record(Map<String, String> config, Set<String> secretKeys, Consumer<Context> program) {
        var recorded = new ConcurrentLinkedQueue<Registration>();
        var mocks = new Mocks() {
            @Override
            public CompletableFuture<ResourceResult> newResourceAsync(ResourceArgs args) {
                return CompletableFuture.completedFuture(ResourceResult.of(Optional.of(args.name + "-id"), args.inputs));
            }
        };
        var quiet = Logger.getAnonymousLogger();
        quiet.setUseParentHandlers(false);
        var log = PulumiTestInternal.mockLog(quiet);
        try {
            var result = PulumiTestInternal.builder()
                    .options(TestOptions.builder().projectName(Harness.PROJECT).stackName(Harness.STACK).preview(true).build())
                    .mocks(mocks)
                    .standardLogger(quiet)
                    .config(config, secretKeys)
                    .monitorDecorator(ignored -> new Recorder(mocks, log, recorded))
                    .build()
                    .runTest(program);
            if (!result.exceptions().isEmpty()) {
                throw new AssertionError("the program failed", result.exceptions().get(0));
            }
            return new ArrayList<>(recorded);
        } finally {
            PulumiTest.cleanup();
        }
    }

    private static final class Recorder extends MockMonitor {
        private final ConcurrentLinkedQueue<Registration> recorded;

        Recorder(Mocks mocks, Log log, ConcurrentLinkedQueue<Registration> recorded) {
            super(mocks, log);
            this.recorded = recorded;
        }

        @Override
        public CompletableFuture<RegisterResourceResponse> registerResourceAsync(
                com.pulumi.resources.Resource resource, RegisterResourceRequest request) {
            return super.registerResourceAsync(resource, request).thenApply(response -> {
                recorded.add(new Registration(response.getUrn(), request.getType(), request.getName(),
                        request.getParent().isEmpty() ? null : request.getParent(), request.getAliasesList()));
                return response;
            });
        }
    }
}
