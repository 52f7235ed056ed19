package dev.apigeegke.microgateway;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Properties;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The {@code apiproxy/} files of npm {@code microgateway-edgeauth} as the build put them in the components jar
 * ({@code edgemicro-auth/}, listed in {@code files.txt}), and the package's version and tarball checksum
 * ({@code edgemicro-auth.properties}). Read once: every bundle starts from these bytes.
 */
final class EdgemicroAuthFiles {
    private static final String FOLDER = "edgemicro-auth/";

    static final String VERSION;
    static final String TARBALL_SHA256;
    static final String TARBALL_URL;
    /** The package's files by their path in the bundle zip, e.g. {@code apiproxy/proxies/default.xml}. */
    static final SortedMap<String, byte[]> FILES;

    static {
        var properties = new Properties();
        try (var in = open("edgemicro-auth.properties")) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        VERSION = properties.getProperty("version");
        TARBALL_SHA256 = properties.getProperty("sha256");
        TARBALL_URL = properties.getProperty("tarball");
        FILES = Collections.unmodifiableSortedMap(files());
    }

    private EdgemicroAuthFiles() {
    }

    private static SortedMap<String, byte[]> files() {
        var files = new TreeMap<String, byte[]>();
        try (var list = new BufferedReader(new InputStreamReader(open(FOLDER + "files.txt"), StandardCharsets.UTF_8))) {
            for (String path : list.lines().map(String::strip).filter(line -> !line.isEmpty()).toList()) {
                try (var in = open(FOLDER + path)) {
                    files.put(path, in.readAllBytes());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    private static InputStream open(String resource) {
        InputStream in = EdgemicroAuthFiles.class.getResourceAsStream(resource);
        if (in == null) {
            // Only a components jar built without its antrun step lacks them.
            throw new IllegalStateException("the components jar has no " + resource + " next to "
                    + EdgemicroAuthFiles.class.getName() + ": it was built without the edgemicro-auth bundle (see components/pom.xml)");
        }
        return in;
    }
}
