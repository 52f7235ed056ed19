package dev.apigeegke.project;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apigeegke.testing.Repo;
import java.io.IOException;
import java.lang.reflect.Executable;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Member;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * Data flows one way: the components export only their API (a user's program never has to name a
 * {@code dev.apigeegke.internal} type), and neither the components nor the pattern programs use the offline
 * engine, the command line or the benchmark, which are built on them.
 */
class ModuleBoundariesTest {
    private static final String INTERNAL = "dev.apigeegke.internal.";

    @Test
    void theComponentsPublicSignaturesNameNoInternalType() throws Exception {
        var leaks = new TreeSet<String>();
        for (Class<?> type : classes(Repo.root().resolve("components/target/classes"))) {
            if (type.getName().startsWith(INTERNAL) || !exported(type)) {
                continue;
            }
            check(type.getName() + " extends", type.getGenericSuperclass(), leaks);
            for (Type i : type.getGenericInterfaces()) {
                check(type.getName() + " implements", i, leaks);
            }
            for (var field : type.getDeclaredFields()) {
                if (visible(field)) {
                    check(type.getName() + "." + field.getName(), field.getGenericType(), leaks);
                }
            }
            var executables = new ArrayList<Executable>(List.of(type.getDeclaredConstructors()));
            executables.addAll(List.of(type.getDeclaredMethods()));
            for (var e : executables) {
                if (!visible(e) || e.isSynthetic()) {
                    continue;
                }
                String where = type.getName() + "." + e.getName() + "(...)";
                for (Type p : e.getGenericParameterTypes()) {
                    check(where, p, leaks);
                }
                for (Type x : e.getGenericExceptionTypes()) {
                    check(where, x, leaks);
                }
                if (e instanceof java.lang.reflect.Method m) {
                    check(where, m.getGenericReturnType(), leaks);
                }
            }
        }
        assertThat(leaks).as("public signatures naming an internal type: move the type out of internal or the member in").isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"components", "examples/pattern1", "examples/pattern2", "examples/pattern3"})
    void theLibraryAndThePatternsUseNeitherTheEngineNorTheCommandLine(String module) throws IOException {
        var uses = new TreeSet<String>();
        try (Stream<Path> files = Files.walk(Repo.root().resolve(module).resolve("target/classes"))) {
            for (Path f : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                // Every class a class file refers to is in its constant pool, as dev/apigeegke/preview/Plan.
                String bytes = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
                for (String downstream : List.of("dev/apigeegke/preview/", "dev/apigeegke/cli/", "dev/apigeegke/bench/")) {
                    if (bytes.contains(downstream)) {
                        uses.add(f.getFileName() + " uses " + downstream);
                    }
                }
            }
        }
        assertThat(uses).isEmpty();
    }

    private static List<Class<?>> classes(Path root) throws Exception {
        var out = new ArrayList<Class<?>>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = root.relativize(f).toString().replace('/', '.').replaceAll("\\.class$", "");
                if (!name.endsWith("package-info")) {
                    out.add(Class.forName(name, false, ModuleBoundariesTest.class.getClassLoader()));
                }
            }
        }
        assertThat(out).as("compiled components in " + root).isNotEmpty();
        return out;
    }

    /** Whether code outside the library can name {@code type}: it and every class enclosing it are public. */
    private static boolean exported(Class<?> type) {
        for (Class<?> c = type; c != null; c = c.getEnclosingClass()) {
            if (!Modifier.isPublic(c.getModifiers()) || c.isAnonymousClass() || c.isLocalClass()) {
                return false;
            }
        }
        return true;
    }

    private static boolean visible(Member member) {
        return Modifier.isPublic(member.getModifiers()) || Modifier.isProtected(member.getModifiers());
    }

    private static void check(String where, Type type, Set<String> leaks) {
        if (type == null) {
            return;
        }
        var named = new HashSet<Class<?>>();
        collect(type, named, new HashSet<>());
        named.stream().filter(c -> c.getName().startsWith(INTERNAL)).forEach(c -> leaks.add(where + " → " + c.getName()));
    }

    private static void collect(Type type, Set<Class<?>> out, Set<TypeVariable<?>> seen) {
        if (type instanceof Class<?> c) {
            while (c.isArray()) {
                c = c.getComponentType();
            }
            out.add(c);
        } else if (type instanceof ParameterizedType p) {
            collect(p.getRawType(), out, seen);
            for (Type a : p.getActualTypeArguments()) {
                collect(a, out, seen);
            }
        } else if (type instanceof WildcardType w) {
            for (Type b : w.getUpperBounds()) {
                collect(b, out, seen);
            }
            for (Type b : w.getLowerBounds()) {
                collect(b, out, seen);
            }
        } else if (type instanceof GenericArrayType g) {
            collect(g.getGenericComponentType(), out, seen);
        } else if (type instanceof TypeVariable<?> v && seen.add(v)) {
            for (Type b : v.getBounds()) {
                collect(b, out, seen);
            }
        }
    }
}
