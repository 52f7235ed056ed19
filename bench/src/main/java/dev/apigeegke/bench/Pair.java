package dev.apigeegke.bench;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A workload recorded both ways: the components program, then the baseline given the components run's
 * artifacts.
 *
 * @param components the components program's recording
 * @param baseline   the baseline program's recording
 * @param artifacts  the static files the baseline read
 */
public record Pair(Recording components, Recording baseline, Artifacts artifacts) {

    /** Records {@code workload} with the stack configuration under {@code projectDir}. */
    public static Pair record(Workload workload, Path projectDir) throws IOException {
        var stackFile = workload.stackFile(projectDir);
        String project = dev.apigeegke.preview.StackFile.projectName(projectDir);
        var components = Recording.of(project, workload.pattern(), stackFile, workload.program(Variant.COMPONENTS, null));
        var artifacts = Artifacts.from(components);
        var baseline = Recording.of(project, workload.pattern(), stackFile, workload.program(Variant.BASELINE, artifacts));
        return new Pair(components, baseline, artifacts);
    }
}
