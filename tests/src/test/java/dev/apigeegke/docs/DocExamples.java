package dev.apigeegke.docs;

import com.pulumi.Context;
import dev.apigeegke.cluster.GkeCluster;
import dev.apigeegke.testing.Markdown;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.jar.JarFile;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaFileObject;
import javax.tools.ToolProvider;

/**
 * The documentation's Java examples. Convention: a {@code java} block is the body of
 * {@code void accept(Context ctx)}; it may start with {@code import} lines, and every public type of the library
 * (outside {@code dev.apigeegke.internal}) it names is imported for it, as are {@code Output}, {@code List},
 * {@code Map} and the resource options. The next fenced block after it is a {@code text} block holding what the
 * example registers ({@link ResourceTree}). All examples are compiled in one javac run.
 */
final class DocExamples {
    private static final String PACKAGE = "docs.examples";
    private static final List<String> ALWAYS = List.of("com.pulumi.Context", "com.pulumi.core.Output",
            "com.pulumi.resources.ComponentResourceOptions", "com.pulumi.resources.CustomResourceOptions",
            "java.util.List", "java.util.Map");
    private static final Pattern IMPORT = Pattern.compile("^import\\s+([\\w.]+)\\s*;\\s*$");
    private static final Pattern TYPE_NAME = Pattern.compile("\\b[A-Z][A-Za-z0-9]*\\b");

    private DocExamples() {
    }

    /**
     * One example.
     *
     * @param name     {@code file#heading}, numbered when a heading holds several
     * @param code     the java block
     * @param expected the text block after it, or null when there is none
     */
    record Example(String name, Markdown.Block code, String expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** What compiling an example gave: the program, or the compiler's messages. */
    record Compiled(Consumer<Context> program, String errors) {
    }

    /** Every example in the repository's Markdown files. */
    static List<Example> all() {
        var examples = new ArrayList<Example>();
        for (String file : Markdown.files()) {
            var blocks = Markdown.blocks(file);
            var seen = new HashMap<String, Integer>();
            for (int i = 0; i < blocks.size(); i++) {
                var block = blocks.get(i);
                if (!block.lang().equals("java")) {
                    continue;
                }
                String name = file + "#" + block.heading();
                int n = seen.merge(name, 1, Integer::sum);
                String expected = i + 1 < blocks.size() && blocks.get(i + 1).lang().equals("text") ? blocks.get(i + 1).body() : null;
                examples.add(new Example(n == 1 ? name : name + " (" + n + ")", block, expected));
            }
        }
        return examples;
    }

    private static Map<Example, Compiled> compiled;

    /** Every example compiled, in as few javac runs as the failures allow (one when all compile). */
    static synchronized Map<Example, Compiled> compileAll(Path dir) {
        if (compiled == null) {
            compiled = compile(all(), dir);
        }
        return compiled;
    }

    private static Map<Example, Compiled> compile(List<Example> examples, Path dir) {
        var library = libraryTypes();
        var sources = new LinkedHashMap<Path, Example>();
        try {
            Path src = Files.createDirectories(dir.resolve("src"));
            for (int i = 0; i < examples.size(); i++) {
                String className = "Example" + i;
                Path file = src.resolve(className + ".java");
                Files.writeString(file, source(className, examples.get(i), library));
                sources.put(file, examples.get(i));
            }
            Path classes = Files.createDirectories(dir.resolve("classes"));
            var result = new LinkedHashMap<Example, Compiled>();
            var remaining = new LinkedHashMap<>(sources);
            // javac writes no class when any file fails: drop the failing examples and compile the rest again.
            while (!remaining.isEmpty()) {
                var failures = javac(remaining.keySet(), classes);
                if (failures.isEmpty()) {
                    break;
                }
                failures.forEach((file, errors) -> result.put(remaining.remove(file), new Compiled(null, errors)));
            }
            var loader = new URLClassLoader(new java.net.URL[] {classes.toUri().toURL()}, DocExamples.class.getClassLoader());
            for (var e : remaining.entrySet()) {
                String className = PACKAGE + "." + e.getKey().getFileName().toString().replace(".java", "");
                @SuppressWarnings("unchecked")
                var program = (Consumer<Context>) loader.loadClass(className).getDeclaredConstructor().newInstance();
                result.put(e.getValue(), new Compiled(program, null));
            }
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Compiles {@code files}; returns the errors of each file that failed (none when all compiled). */
    private static Map<Path, String> javac(Set<Path> files, Path classes) throws IOException {
        var compiler = ToolProvider.getSystemJavaCompiler();
        var diagnostics = new DiagnosticCollector<JavaFileObject>();
        try (var fileManager = compiler.getStandardFileManager(diagnostics, null, StandardCharsets.UTF_8)) {
            var units = fileManager.getJavaFileObjectsFromPaths(files);
            compiler.getTask(null, fileManager, diagnostics,
                    List.of("-d", classes.toString(), "-cp", System.getProperty("java.class.path"), "-proc:none"),
                    null, units).call();
        }
        var failures = new TreeMap<Path, String>();
        for (var d : diagnostics.getDiagnostics()) {
            if (d.getKind() != Diagnostic.Kind.ERROR || d.getSource() == null) {
                continue;
            }
            Path file = Path.of(d.getSource().toUri());
            failures.merge(file, "line " + d.getLineNumber() + " of the generated class: " + d.getMessage(null), (a, b) -> a + "\n" + b);
        }
        return failures;
    }

    /** The example as a class: its own imports, the library types it names, and its body in {@code accept}. */
    private static String source(String className, Example example, Map<String, String> library) {
        var imports = new LinkedHashSet<String>();
        var explicit = new LinkedHashSet<String>();
        var body = new ArrayList<String>();
        for (String line : example.code().body().split("\n", -1)) {
            var m = IMPORT.matcher(line);
            if (m.matches() && body.stream().allMatch(String::isBlank)) {
                imports.add(m.group(1));
                explicit.add(m.group(1).substring(m.group(1).lastIndexOf('.') + 1));
            } else {
                body.add(line);
            }
        }
        String code = String.join("\n", body);
        for (String type : ALWAYS) {
            if (!explicit.contains(type.substring(type.lastIndexOf('.') + 1))) {
                imports.add(type);
            }
        }
        var names = TYPE_NAME.matcher(code);
        while (names.find()) {
            String qualified = library.get(names.group());
            if (qualified != null && !explicit.contains(names.group())) {
                imports.add(qualified);
            }
        }
        var text = new StringBuilder("package " + PACKAGE + ";\n\n");
        imports.forEach(i -> text.append("import ").append(i).append(";\n"));
        text.append("\n/** ").append(example.name().replace("*/", "* /")).append(" */\n")
                .append("public class ").append(className).append(" implements java.util.function.Consumer<Context> {\n")
                .append("    @Override\n    public void accept(Context ctx) {\n")
                .append(code).append("\n    }\n}\n");
        return text.toString();
    }

    /** Simple name → qualified name of every public top-level type of the library; ambiguous names are left out. */
    private static Map<String, String> libraryTypes() {
        var names = new ArrayList<String>();
        try {
            Path location = Path.of(GkeCluster.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isDirectory(location)) {
                try (Stream<Path> walk = Files.walk(location)) {
                    walk.map(p -> location.relativize(p).toString().replace('\\', '/')).forEach(names::add);
                }
            } else {
                try (var jar = new JarFile(location.toFile())) {
                    jar.stream().map(java.util.jar.JarEntry::getName).forEach(names::add);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        var bySimpleName = new HashMap<String, String>();
        var ambiguous = new LinkedHashSet<String>();
        for (String entry : names) {
            if (!entry.startsWith("dev/apigeegke/") || entry.startsWith("dev/apigeegke/internal/")
                    || !entry.endsWith(".class") || entry.contains("$") || entry.endsWith("package-info.class")) {
                continue;
            }
            String qualified = entry.substring(0, entry.length() - ".class".length()).replace('/', '.');
            try {
                if (!Modifier.isPublic(Class.forName(qualified, false, DocExamples.class.getClassLoader()).getModifiers())) {
                    continue;
                }
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
            String simple = qualified.substring(qualified.lastIndexOf('.') + 1);
            if (bySimpleName.putIfAbsent(simple, qualified) != null) {
                ambiguous.add(simple);
            }
        }
        ambiguous.forEach(bySimpleName::remove);
        return bySimpleName;
    }
}
