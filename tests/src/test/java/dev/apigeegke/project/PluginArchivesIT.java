package dev.apigeegke.project;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apigeegke.testing.Repo;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code release/plugins --no-build} on the plugin jars the build just packaged: the archives a release attaches,
 * named as {@code pulumi plugin install} and a pluginDownloadURL look them up, each holding its executable launcher
 * and its jar, and a checksums file that verifies them.
 */
class PluginArchivesIT {
    /** Module, plugin name: the launcher is {@code <module>/bin/<name>}, the jar {@code <module>/target/<name>.jar}. */
    private static final Map<String, String> PLUGINS = Map.of(
            "provider", "pulumi-resource-apigee", "component-provider", "pulumi-resource-apigee-gke");

    @Test
    void writesBothPluginsArchivesAndTheirChecksumsAtTheBuiltVersion(@TempDir Path out) throws Exception {
        Path root = Repo.root();
        var run = new ProcessBuilder("bash", root.resolve("release/plugins").toString(), "--no-build", "--out",
                out.toString()).redirectErrorStream(true).start();
        String output = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(run.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(run.exitValue()).as(output).isZero();

        // The version the plugins report (their schemas', ReleaseReadinessTest), and this machine's platform as the
        // Pulumi CLI names it.
        String version = Poms.version().replaceFirst("-SNAPSHOT$", "");
        String arch = switch (System.getProperty("os.arch")) {
            case "amd64", "x86_64" -> "amd64";
            case "aarch64", "arm64" -> "arm64";
            default -> System.getProperty("os.arch");
        };
        String platform = System.getProperty("os.name").toLowerCase(Locale.ROOT).replace(" ", "") + "-" + arch;
        var checksums = new LinkedHashMap<String, String>();
        for (var plugin : PLUGINS.entrySet()) {
            String name = plugin.getValue();
            Path module = root.resolve(plugin.getKey());
            Path archive = out.resolve(name + "-v" + version + "-" + platform + ".tar.gz");
            assertThat(output).contains(archive.toString());
            assertThat(archive).exists();
            checksums.put(archive.getFileName().toString(), sha256(archive));

            var entries = new LinkedHashMap<String, TarArchiveEntry>();
            var contents = new LinkedHashMap<String, String>();
            try (var tar = new TarArchiveInputStream(new GzipCompressorInputStream(Files.newInputStream(archive)))) {
                for (TarArchiveEntry e = tar.getNextEntry(); e != null; e = tar.getNextEntry()) {
                    entries.put(e.getName(), e);
                    contents.put(e.getName(), sha256(tar));
                }
            }
            // At the archive's top level, as the engine runs pulumi-resource-<name> from the plugin's folder.
            assertThat(entries.keySet()).as(archive.getFileName().toString()).containsExactly(name, name + ".jar");
            assertThat(Integer.toOctalString(entries.get(name).getMode() & 0777)).as("the launcher's mode")
                    .isEqualTo("755");
            assertThat(contents.get(name)).as("the launcher")
                    .isEqualTo(sha256(module.resolve("bin/" + name)));
            assertThat(contents.get(name + ".jar")).as("the jar")
                    .isEqualTo(sha256(module.resolve("target/" + name + ".jar")));
        }

        // The format `sha256sum -c checksums.txt` verifies: "<hex>  <file>", one line per archive.
        List<String> lines = Files.readAllLines(out.resolve("checksums.txt"));
        assertThat(lines).containsExactlyInAnyOrderElementsOf(
                checksums.entrySet().stream().map(e -> e.getValue() + "  " + e.getKey()).toList());
    }

    private static String sha256(Path file) throws Exception {
        try (var in = Files.newInputStream(file)) {
            return sha256(in);
        }
    }

    /** Of what is left in the stream (a tar entry's bytes), leaving it open. */
    private static String sha256(InputStream in) throws Exception {
        var digest = MessageDigest.getInstance("SHA-256");
        byte[] buffer = new byte[1 << 16];
        for (int n = in.read(buffer); n != -1; n = in.read(buffer)) {
            digest.update(buffer, 0, n);
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
