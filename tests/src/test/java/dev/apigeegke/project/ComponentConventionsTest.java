package dev.apigeegke.project;

import static org.assertj.core.api.Assertions.assertThat;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import dev.apigeegke.apigee.ApiConsumer;
import dev.apigeegke.apigee.ApigeeProduct;
import dev.apigeegke.apigee.ApigeeProductArgs;
import dev.apigeegke.apigee.ApigeeProxy;
import dev.apigeegke.apigee.ApigeeProxyArgs;
import dev.apigeegke.apigee.MicrogatewayProxies;
import dev.apigeegke.apigee.MicrogatewayProxiesArgs;
import dev.apigeegke.apigee.MicrogatewayRoute;
import dev.apigeegke.cluster.GkeCluster;
import dev.apigeegke.cluster.GkeClusterArgs;
import dev.apigeegke.ingress.ArmoredIngress;
import dev.apigeegke.ingress.ArmoredIngressArgs;
import dev.apigeegke.ingress.IngressBackend;
import dev.apigeegke.microgateway.MicrogatewayConfig;
import dev.apigeegke.microgateway.MicrogatewayService;
import dev.apigeegke.microgateway.MicrogatewayServiceArgs;
import dev.apigeegke.microgateway.MicrogatewaySetup;
import dev.apigeegke.microgateway.MicrogatewaySetupArgs;
import dev.apigeegke.microgateway.MicrogatewaySidecar;
import dev.apigeegke.microgateway.MicrogatewaySidecarArgs;
import dev.apigeegke.testing.ComponentClasses;
import dev.apigeegke.testing.Harness;
import dev.apigeegke.workload.Microservice;
import dev.apigeegke.workload.MicroserviceArgs;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One public API convention for every component, as in Pulumi Java: {@code (name, args)} and
 * {@code (name, args, options)} constructors, one {@code TYPE} token it registers under, and outputs exposed the way
 * the provider SDKs expose them, as private {@code @Export} fields read through getters of the same name, one per
 * output it registers. The components are found by scanning the components' classes, so a new one is held to it too.
 */
class ComponentConventionsTest {
    private static final String NAME = "conv";

    /** The least each component needs to be declared; a new component must add its own here. */
    private static final Map<Class<?>, Supplier<Object>> MINIMAL_ARGS = Map.of(
            GkeCluster.class,
            () -> GkeClusterArgs.builder().project("my-project").location("europe-west1").build(),
            ArmoredIngress.class,
            () -> ArmoredIngressArgs.builder().allowlist(List.of("203.0.113.0/24"))
                    .backend(IngressBackend.builder().name("orders").selector(Map.of("app", "orders")).targetPort(8080)
                            .paths("/orders").healthCheckPath("/healthz").build())
                    .build(),
            Microservice.class,
            () -> MicroserviceArgs.builder().image("us-docker.pkg.dev/google-samples/containers/gke/hello-app:1.0").port(8080).build(),
            MicrogatewayService.class,
            () -> MicrogatewayServiceArgs.builder().organization("acme").environment("test").config(gatewayConfig())
                    .key(Output.of("key")).secret(Output.of("secret")).build(),
            MicrogatewaySidecar.class,
            () -> MicrogatewaySidecarArgs.builder().organization("acme").environment("test")
                    .config(gatewayConfig())
                    .key(Output.of("key")).secret(Output.of("secret"))
                    .namespace("shop").appPort(8080).podSelector(Map.of("app", "orders")).build(),
            ApigeeProxy.class,
            () -> ApigeeProxyArgs.builder().organization("acme").environments(List.of("test"))
                    .proxyName("shop").basePath("/shop").target("https://api.internal.example.com").build(),
            ApigeeProduct.class,
            () -> ApigeeProductArgs.builder().name("shop").environments(List.of("test")).proxies(List.of("shop-api")).build(),
            MicrogatewaySetup.class,
            () -> MicrogatewaySetupArgs.builder().organization("acme").environments("test").build(),
            MicrogatewayProxies.class,
            () -> MicrogatewayProxiesArgs.builder().organization("acme").environment("test")
                    .routes(List.of(MicrogatewayRoute.toService("orders", "shop")))
                    .productName("shop-product").consumer(ApiConsumer.sample("dev@example.com", "shop-app")).build());

    private static MicrogatewayConfig gatewayConfig() {
        return MicrogatewayConfig.builder().organization("acme").environment("test").build();
    }

    /** Every concrete ComponentResource in the components' classes. */
    static List<Class<?>> components() {
        return ComponentClasses.concrete(ComponentResource.class);
    }

    @Test
    void findsEveryComponentAndKnowsHowToDeclareEachOne() {
        assertThat(components()).as("the components found in the components' classes")
                .hasSizeGreaterThanOrEqualTo(9)
                .containsExactlyInAnyOrderElementsOf(MINIMAL_ARGS.keySet());
    }

    @ParameterizedTest
    @MethodSource("components")
    void hasTheNameArgsAndTheNameArgsOptionsConstructors(Class<?> component) throws Exception {
        Class<?> args = argsOf(component);
        assertThat(Modifier.isPublic(component.getConstructor(String.class, args).getModifiers())).isTrue();
        assertThat(Modifier.isPublic(component.getConstructor(String.class, args, ComponentResourceOptions.class).getModifiers())).isTrue();
    }

    @ParameterizedTest
    @MethodSource("components")
    void declaresAPublicStaticFinalTypeToken(Class<?> component) throws Exception {
        Field type = component.getField("TYPE");
        assertThat(type.getType()).isEqualTo(String.class);
        assertThat(type.getModifiers() & (Modifier.PUBLIC | Modifier.STATIC | Modifier.FINAL))
                .as("public static final").isEqualTo(Modifier.PUBLIC | Modifier.STATIC | Modifier.FINAL);
        assertThat((String) type.get(null)).startsWith("apigee-gke:index:").endsWith(":" + component.getSimpleName());
    }

    @ParameterizedTest
    @MethodSource("components")
    void exposesNoPublicFieldButConstants(Class<?> component) {
        var exposed = new ArrayList<String>();
        for (Field field : component.getFields()) {
            int modifiers = field.getModifiers();
            if (!Modifier.isStatic(modifiers) || !Modifier.isFinal(modifiers)) {
                exposed.add(field.getName());
            }
        }
        assertThat(exposed).as("public fields of " + component.getSimpleName() + ": expose outputs through getters").isEmpty();
    }

    @ParameterizedTest
    @MethodSource("components")
    void readsEveryExportedOutputThroughAGetterOfTheSameName(Class<?> component) throws Exception {
        for (Field field : exports(component)) {
            String output = field.getAnnotation(Export.class).name();
            assertThat(field.getName()).as("the field of output " + output).isEqualTo(output);
            assertThat(Modifier.isPrivate(field.getModifiers())).as(output + " is a private field").isTrue();
            Method getter = component.getMethod(output);
            assertThat(Modifier.isPublic(getter.getModifiers())).isTrue();
            assertThat(getter.getGenericReturnType()).as("the type of " + output + "()").isEqualTo(field.getGenericType());
        }
    }

    @ParameterizedTest
    @MethodSource("components")
    void registersUnderItsTypeTheOutputsItExportsWithEitherConstructor(Class<?> component) throws Exception {
        String type = (String) component.getField("TYPE").get(null);
        var exported = exports(component).stream().map(f -> f.getAnnotation(Export.class).name()).toList();
        Class<?> args = argsOf(component);
        Constructor<?> plain = component.getConstructor(String.class, args);
        Constructor<?> withOptions = component.getConstructor(String.class, args, ComponentResourceOptions.class);
        var plan = Harness.preview(ctx -> {
            try {
                plain.newInstance(NAME, MINIMAL_ARGS.get(component).get());
                withOptions.newInstance(NAME + "-opts", MINIMAL_ARGS.get(component).get(), ComponentResourceOptions.builder().build());
            } catch (ReflectiveOperationException e) {
                throw new AssertionError(e);
            }
        });
        for (String name : List.of(NAME, NAME + "-opts")) {
            var registered = plan.ofType(type).stream().filter(r -> r.name().equals(name)).findFirst();
            assertThat(registered).as(name + " registered as " + type).isPresent();
            assertThat(plan.outputsOf(registered.get()).keySet()).as("the outputs " + name + " registers")
                    .containsExactlyInAnyOrderElementsOf(exported);
        }
    }

    private static Class<?> argsOf(Class<?> component) throws ClassNotFoundException {
        return Class.forName(component.getName() + "Args", false, component.getClassLoader());
    }

    private static List<Field> exports(Class<?> component) {
        return Stream.of(component.getDeclaredFields()).filter(f -> f.isAnnotationPresent(Export.class)).toList();
    }
}
