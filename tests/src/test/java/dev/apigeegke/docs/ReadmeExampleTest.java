package dev.apigeegke.docs;

import static org.assertj.core.api.Assertions.assertThat;

import com.pulumi.Context;
import dev.apigeegke.preview.Plan;
import dev.apigeegke.testing.Harness;
import dev.apigeegke.testing.Repo;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's Java example compiles against the library and runs: the documentation cannot rot. */
class ReadmeExampleTest {
    private static final Pattern JAVA_BLOCK = Pattern.compile(
            "## Using the components in your own program\\s+```java\\n(.*?)```", Pattern.DOTALL);

    @TempDir
    Path tmp;

    @Test
    void readmeExampleCompilesAndDeclaresAnArmoredIngress() throws Exception {
        var readme = Files.readString(Repo.root().resolve("README.md"));
        var block = JAVA_BLOCK.matcher(readme);
        assertThat(block.find()).as("README has the Java example").isTrue();
        String source = """
                package readme;

                import com.pulumi.Context;
                import com.pulumi.resources.ComponentResourceOptions;
                import dev.apigeegke.apigee.ApigeeProxy;
                import dev.apigeegke.apigee.ApigeeProxyArgs;
                import dev.apigeegke.apigee.bundle.SpikeArrest;
                import dev.apigeegke.apigee.bundle.VerifyApiKey;
                import dev.apigeegke.cluster.GkeCluster;
                import dev.apigeegke.cluster.GkeClusterArgs;
                import dev.apigeegke.ingress.ArmoredIngress;
                import dev.apigeegke.ingress.ArmoredIngressArgs;
                import dev.apigeegke.ingress.IngressBackend;
                import dev.apigeegke.workload.Microservice;
                import dev.apigeegke.workload.MicroserviceArgs;
                import java.util.List;

                public class Example implements java.util.function.Consumer<Context> {
                    @Override
                    public void accept(Context ctx) {
                %s
                    }
                }
                """.formatted(block.group(1));
        Path src = Files.createDirectories(tmp.resolve("src/readme")).resolve("Example.java");
        Files.writeString(src, source);
        Path classes = Files.createDirectories(tmp.resolve("classes"));
        var diagnostics = new ByteArrayOutputStream();
        int code = ToolProvider.getSystemJavaCompiler().run(null, null, new PrintStream(diagnostics, true, StandardCharsets.UTF_8),
                "-d", classes.toString(), "-cp", System.getProperty("java.class.path"), src.toString());
        assertThat(code).as(diagnostics.toString(StandardCharsets.UTF_8)).isZero();

        try (var loader = new URLClassLoader(new java.net.URL[] {classes.toUri().toURL()}, getClass().getClassLoader())) {
            @SuppressWarnings("unchecked")
            var example = (Consumer<Context>) loader.loadClass("readme.Example").getDeclaredConstructor().newInstance();
            var plan = Harness.preview(example);
            assertThat(plan.resources()).extracting(Plan.Resource::type)
                    .contains("apigee-gke:index:GkeCluster", "apigee-gke:index:Microservice", "apigee-gke:index:ArmoredIngress",
                            "gcp:compute/securityPolicy:SecurityPolicy", "kubernetes:networking.k8s.io/v1:Ingress",
                            "apigee-gke:index:ApigeeProxy", "apigee:index:ApiProxy", "apigee:index:TargetServer");
            assertThat(plan.outputs()).containsEntry("proxyUrl", "https://my-org-test.apigee.net/shop");
        }
    }
}
