package dev.apigeegke.bench;

import java.nio.file.Path;

/** The repository root, as the build passes it to the benchmark's tests. */
final class Repo {
    private Repo() {
    }

    static Path root() {
        return Path.of(System.getProperty("repo.root", "..")).toAbsolutePath().normalize();
    }
}
