package dev.apigeegke.bench;

import com.pulumi.resources.ComponentResource;
import java.util.Map;

/** A component resource with no children and no outputs: the control's stand-in for each component. */
final class EmptyComponent extends ComponentResource {
    EmptyComponent(String name) {
        super("apigee-gke:bench:Empty", name);
        registerOutputs(Map.of());
    }
}
