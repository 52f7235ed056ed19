package dev.apigeegke.bench;

import com.pulumi.Context;
import com.pulumi.test.Mocks;
import dev.apigeegke.preview.OfflineEngine;
import dev.apigeegke.preview.Plan;
import dev.apigeegke.preview.StackFile;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * One run of a program on the offline engine, keeping both what the engine would receive (the plan, secrets
 * masked) and the inputs as the cloud provider would see them (secrets in clear, for comparing programs only:
 * nothing here is printed or written).
 *
 * @param plan   what the engine received
 * @param inputs every custom resource's inputs with secrets revealed, by {@link #key(String, String)}
 */
public record Recording(Plan plan, Map<String, Map<String, Object>> inputs) {

    /** The key of a resource: {@code type::name}. */
    public static String key(String type, String name) {
        return type + "::" + name;
    }

    /** Runs {@code program} as a preview with {@code stack}'s configuration; fails on any program error. */
    public static Recording of(String project, String stack, StackFile stackFile, Consumer<Context> program) {
        var inputs = new ConcurrentHashMap<String, Map<String, Object>>();
        Mocks mocks = new Mocks() {
            @Override
            public CompletableFuture<ResourceResult> newResourceAsync(ResourceArgs args) {
                inputs.put(key(args.type, args.name), args.inputs);
                // As in a preview: the inputs come back as state, and the id is a placeholder.
                return CompletableFuture.completedFuture(ResourceResult.of(Optional.of(args.name + "-id"), args.inputs));
            }
        };
        var result = OfflineEngine.run(project, stack, stackFile.config(), stackFile.secretKeys(), program, true, mocks);
        if (!result.ok()) {
            throw new IllegalStateException(stack + ": the program failed: " + String.join("; ", result.errors()));
        }
        return new Recording(result.plan(), new TreeMap<>(inputs));
    }
}
