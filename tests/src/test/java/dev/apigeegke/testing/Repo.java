package dev.apigeegke.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/** Paths of the repository and of the npm checkers, as the build passes them to the tests. */
public final class Repo {
    private Repo() {
    }

    /** The repository root (holding Pulumi.yaml). */
    public static Path root() {
        String configured = System.getProperty("repo.root");
        Path root = configured != null ? Path.of(configured) : Path.of("..");
        root = root.toAbsolutePath().normalize();
        if (!Files.isRegularFile(root.resolve("Pulumi.yaml"))) {
            throw new IllegalStateException("no Pulumi.yaml in " + root + "; run the tests through Maven");
        }
        return root;
    }

    /** The folder of the npm checkers (installed by the build with npm ci). */
    public static Path checkers() {
        String configured = System.getProperty("checkers.dir");
        Path dir = configured != null ? Path.of(configured) : root().resolve("tests/node");
        if (!Files.isDirectory(dir.resolve("node_modules"))) {
            throw new IllegalStateException("the npm checkers are not installed in " + dir + ": run `mvn verify` (it runs npm ci)");
        }
        return dir;
    }
}
