package dev.apigeegke.apigee.bundle;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Collections;
import java.util.HexFormat;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A rendered API proxy bundle: its files, the zip Apigee imports, and the zip's sha256. The same model
 * always renders to the same bytes, so a changed hash means a changed proxy. Bundles are equal when
 * their names and zips are.
 *
 * @param name   the proxy's name
 * @param files  the bundle's files keyed by their path inside the zip, e.g. {@code apiproxy/proxies/default.xml}
 * @param zip    the zip of {@code files}
 * @param sha256 the lowercase hex sha256 of {@code zip}
 */
public record ProxyBundle(String name, SortedMap<String, byte[]> files, byte[] zip, String sha256) {
    /** Copies the files and the zip, so the bundle and its hash cannot drift apart. */
    public ProxyBundle {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(sha256, "sha256");
        files = copy(files);
        zip = zip.clone();
    }

    /**
     * Zips {@code files} deterministically (path order, fixed timestamps, stored entries) and hashes the zip, so the
     * same files give the same zip and sha256 on every machine. For bundles not rendered from a {@link ProxyModel},
     * such as one shipped as files.
     */
    public static ProxyBundle of(String name, SortedMap<String, byte[]> files) {
        byte[] zip = DeterministicZip.zip(files);
        return new ProxyBundle(name, files, zip, sha256(zip));
    }

    /** The files, as copies: changing them does not change the bundle. */
    @Override
    public SortedMap<String, byte[]> files() {
        return copy(files);
    }

    /** The zip, as a copy. */
    @Override
    public byte[] zip() {
        return zip.clone();
    }

    /** The text of file {@code path}, e.g. {@code apiproxy/targets/default.xml}. */
    public String text(String path) {
        byte[] content = files.get(path);
        if (content == null) {
            throw new IllegalArgumentException("bundle " + name + " has no file " + path + "; it has " + files.keySet());
        }
        return new String(content, StandardCharsets.UTF_8);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ProxyBundle that && name.equals(that.name) && Arrays.equals(zip, that.zip);
    }

    @Override
    public int hashCode() {
        return 31 * name.hashCode() + Arrays.hashCode(zip);
    }

    @Override
    public String toString() {
        return "ProxyBundle[name=" + name + ", files=" + files.keySet() + ", sha256=" + sha256 + "]";
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static SortedMap<String, byte[]> copy(SortedMap<String, byte[]> files) {
        var copy = new TreeMap<String, byte[]>();
        files.forEach((path, content) -> copy.put(path, content.clone()));
        return Collections.unmodifiableSortedMap(copy);
    }
}
