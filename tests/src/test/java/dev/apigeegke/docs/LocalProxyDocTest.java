package dev.apigeegke.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apigeegke.testing.Markdown;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The sidecar component's README and the pattern 3 docs state what keeps one service's keys out of another's sidecar
 * in local-proxy mode, and the limits of it, which the real engine shows in {@code SidecarGatewayIT}: a product whose
 * resource paths cover every path, a product the sidecar does not know yet, and a caller reaching a sidecar directly
 * with another service's path.
 */
class LocalProxyDocTest {
    private static String text(String file) {
        return Markdown.read(file).replaceAll("\\s+", " ");
    }

    @ParameterizedTest
    @ValueSource(strings = {"components/src/main/java/dev/apigeegke/microgateway/README.md", "docs/deploying.md"})
    void theDocsStateWhatIsolatesSidecarsAndWhatDoesNot(String file) {
        String text = text(file);
        assertThat(text).as(file + ": what isolates")
                .contains("resource paths").contains("`/orders`, `/orders/**`");
        assertThat(text).as(file + ": a product covering every path")
                .contains("`/` and `/**`").contains("passes every keyed sidecar");
        assertThat(text).as(file + ": a product not downloaded yet").contains("matches every path");
        assertThat(text).as(file + ": a direct caller with another service's path")
                .contains("another service's path").contains("passes with that service's key");
    }

    @ParameterizedTest
    @ValueSource(strings = {"components/src/main/java/dev/apigeegke/microgateway/README.md", "docs/deploying.md"})
    void theDocsStateWhyTheLocalProxyIsDeployedAndNamedAfterTheDeployment(String file) {
        String text = text(file);
        assertThat(text).as(file).contains("`edgemicro_ORDERS`").contains("validates the proxies a product lists")
                .contains("never load");
    }
}
