package dev.apigeegke.project;

import static org.assertj.core.api.SoftAssertions.assertSoftly;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.ModifiersTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.Trees;
import dev.apigeegke.testing.Repo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.lang.model.element.Modifier;
import javax.tools.ToolProvider;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The public API of the library is documented: every public type, public or protected method, constructor and field
 * of {@code components} (but {@code dev.apigeegke.internal}) and {@code provider-schema} has Javadoc, and every
 * builder setter says what happens when it is not called ({@code Default: ...}) or that it must be called
 * ({@code Required}). The compiler's doclint (in those modules' poms) checks that what is written is well formed; it
 * would also demand {@code @param} and {@code @return} tags, which the one-line style of these docs leaves out, so
 * the presence of the docs is checked here.
 */
class ApiDocumentationTest {
    /** What a setter's doc must say: its default as behaviour, or that it is required. */
    private static final Pattern STATES_DEFAULT = Pattern.compile("\\bDefault: \\S|(?i:\\brequired\\b)");
    private static final String INTERNAL = "dev/apigeegke/internal/";

    @ParameterizedTest
    @ValueSource(strings = {"components/src/main/java", "provider-schema/src/main/java"})
    void everyPublicTypeMemberAndBuilderSetterIsDocumented(String sources) throws IOException {
        var undocumented = new ArrayList<String>();
        var withoutDefault = new ArrayList<String>();
        scan(Repo.root().resolve(sources), undocumented, withoutDefault);
        assertSoftly(softly -> {
            softly.assertThat(undocumented).as("public API without Javadoc: write one or two lines saying what it is for").isEmpty();
            softly.assertThat(withoutDefault).as("builder setters whose Javadoc states no \"Default: <behaviour when unset>\" "
                    + "nor that the setting is \"Required\"").isEmpty();
        });
    }

    private static void scan(Path root, List<String> undocumented, List<String> withoutDefault) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> !root.relativize(p).toString().replace('\\', '/').startsWith(INTERNAL))
                    .sorted().toList();
        }
        var compiler = ToolProvider.getSystemJavaCompiler();
        try (var fileManager = compiler.getStandardFileManager(null, null, null)) {
            var task = (JavacTask) compiler.getTask(null, fileManager, null, List.of("-proc:none"), null,
                    fileManager.getJavaFileObjectsFromPaths(files));
            var trees = Trees.instance(task);
            for (CompilationUnitTree unit : task.parse()) {
                String file = root.relativize(Path.of(unit.getSourceFile().toUri())).toString();
                new ApiScanner(trees, file, undocumented, withoutDefault).scan(unit, null);
            }
        }
    }

    /** Visits the members reachable from outside the package and records those whose docs fall short. */
    private static final class ApiScanner extends TreePathScanner<Void, Void> {
        private final Trees trees;
        private final String file;
        private final List<String> undocumented;
        private final List<String> withoutDefault;

        ApiScanner(Trees trees, String file, List<String> undocumented, List<String> withoutDefault) {
            this.trees = trees;
            this.file = file;
            this.undocumented = undocumented;
            this.withoutDefault = withoutDefault;
        }

        @Override
        public Void visitClass(ClassTree type, Void unused) {
            if (!visible(type.getModifiers(), enclosingIsInterface())) {
                return null;
            }
            check(type.getSimpleName().toString());
            return super.visitClass(type, null);
        }

        @Override
        public Void visitMethod(MethodTree method, Void unused) {
            boolean overrides = method.getModifiers().getAnnotations().stream()
                    .anyMatch(a -> a.getAnnotationType().toString().equals("Override"));
            if (overrides || !visible(method.getModifiers(), enclosingIsInterface())) {
                return null;
            }
            String name = enclosingClass().getSimpleName() + "." + method.getName();
            String doc = check(name);
            if (doc != null && isBuilderSetter(method) && !STATES_DEFAULT.matcher(doc).find()) {
                withoutDefault.add(file + ": " + name + "(" + parameters(method) + ")");
            }
            return null;
        }

        @Override
        public Void visitVariable(VariableTree field, Void unused) {
            if (getCurrentPath().getParentPath().getLeaf() instanceof ClassTree owner && !isRecordComponent(owner, field)
                    && visible(field.getModifiers(), owner.getKind() == Tree.Kind.INTERFACE)) {
                check(owner.getSimpleName() + "." + field.getName());
            }
            return null;
        }

        /** The doc comment at the current path, or null after recording that there is none. */
        private String check(String what) {
            String doc = trees.getDocComment(getCurrentPath());
            if (doc == null || doc.isBlank()) {
                undocumented.add(file + ": " + what);
                return null;
            }
            return doc;
        }

        private boolean isBuilderSetter(MethodTree method) {
            return enclosingClass().getSimpleName().contentEquals("Builder") && method.getReturnType() != null
                    && method.getReturnType().toString().endsWith("Builder") && !method.getParameters().isEmpty();
        }

        private static String parameters(MethodTree method) {
            return String.join(", ", method.getParameters().stream().map(p -> p.getType().toString()).toList());
        }

        private static boolean isRecordComponent(ClassTree owner, VariableTree field) {
            return owner.getKind() == Tree.Kind.RECORD && !field.getModifiers().getFlags().contains(Modifier.STATIC);
        }

        private ClassTree enclosingClass() {
            for (TreePath p = getCurrentPath().getParentPath(); p != null; p = p.getParentPath()) {
                if (p.getLeaf() instanceof ClassTree c) {
                    return c;
                }
            }
            throw new IllegalStateException("no enclosing class");
        }

        private boolean enclosingIsInterface() {
            for (TreePath p = getCurrentPath().getParentPath(); p != null; p = p.getParentPath()) {
                if (p.getLeaf() instanceof ClassTree c) {
                    return c.getKind() == Tree.Kind.INTERFACE || c.getKind() == Tree.Kind.ANNOTATION_TYPE;
                }
            }
            return false;
        }

        /** Public or protected, or a member of an interface (public unless private). */
        private static boolean visible(ModifiersTree modifiers, boolean inInterface) {
            var flags = modifiers.getFlags();
            return flags.contains(Modifier.PUBLIC) || flags.contains(Modifier.PROTECTED)
                    || inInterface && !flags.contains(Modifier.PRIVATE);
        }
    }
}
