package dev.apigeegke.componentprovider;

import dev.apigeegke.componentprovider.testing.MiniEngine;
import dev.apigeegke.componentprovider.testing.TypeScriptProgram;
import dev.apigeegke.testing.Repo;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link TypeScriptPattern1Test} with the component provider as the engine runs it: the packaged plugin started by its
 * launcher script (component-provider/bin/pulumi-resource-apigee-gke), its port read from its first line of output.
 */
class TypeScriptPattern1IT {
    @TempDir
    Path compiled;

    @ParameterizedTest(name = "preview {0}")
    @ValueSource(booleans = {true, false})
    void thePluginProcessConstructsWhatTheJavaProgramDeclares(boolean preview) throws Exception {
        var program = TypeScriptProgram.compile("typescript", compiled);
        TypeScriptPattern1Test.assertSameAsJava(program, TypeScriptPattern1Test.sample(), preview,
                MiniEngine.process(Repo.root().resolve("component-provider/bin/pulumi-resource-apigee-gke")));
    }
}
