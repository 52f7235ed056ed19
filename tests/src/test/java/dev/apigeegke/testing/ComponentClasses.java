package dev.apigeegke.testing;

import dev.apigeegke.cluster.GkeCluster;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/** The classes of the components module as built (a folder in the reactor, else its jar), for tests over all of them. */
public final class ComponentClasses {
    private ComponentClasses() {
    }

    /** Every class of the components module that is a {@code type} and not abstract, in name order. */
    public static List<Class<?>> concrete(Class<?> type) {
        var found = new ArrayList<Class<?>>();
        for (String className : names()) {
            Class<?> candidate;
            try {
                candidate = Class.forName(className, false, GkeCluster.class.getClassLoader());
            } catch (ClassNotFoundException | LinkageError e) {
                throw new AssertionError("cannot load " + className, e);
            }
            if (type.isAssignableFrom(candidate) && !Modifier.isAbstract(candidate.getModifiers())) {
                found.add(candidate);
            }
        }
        return found;
    }

    private static TreeSet<String> names() {
        var files = new TreeSet<String>();
        try {
            Path location = Path.of(GkeCluster.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isDirectory(location)) {
                try (Stream<Path> walk = Files.walk(location)) {
                    walk.map(p -> location.relativize(p).toString().replace('\\', '/')).forEach(files::add);
                }
            } else {
                try (var jar = new JarFile(location.toFile())) {
                    jar.stream().map(JarEntry::getName).forEach(files::add);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        var names = new TreeSet<String>();
        for (String file : files) {
            if (file.endsWith(".class")) {
                names.add(file.substring(0, file.length() - ".class".length()).replace('/', '.'));
            }
        }
        return names;
    }
}
