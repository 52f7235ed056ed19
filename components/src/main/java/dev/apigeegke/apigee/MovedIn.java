package dev.apigeegke.apigee;

import com.pulumi.core.Alias;
import com.pulumi.resources.ResourceOptions;
import javax.annotation.Nullable;

/**
 * The alias of a child of a component that grouped resources declared beside it before: {@link ApigeeProduct}
 * holds what {@link ApigeeProxy} and pattern 3 declared directly, {@link MicrogatewayProxies} the proxies pattern 2
 * declared at the top of its stack. A child's URN includes its parents, so without the alias Pulumi would delete
 * the existing resource and create it again; with it, the existing resource is adopted where it is. On a stack
 * that never had them the alias matches nothing.
 */
final class MovedIn {
    private MovedIn() {
    }

    /** The address the component's children had: beside the component, under the component's own parent. */
    static Alias besideComponent(@Nullable ResourceOptions componentOptions) {
        var parent = componentOptions == null ? java.util.Optional.<com.pulumi.resources.Resource>empty()
                : componentOptions.getParent();
        return parent.map(p -> Alias.builder().parent(p).build()).orElseGet(Alias::noParent);
    }
}
