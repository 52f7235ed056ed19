package dev.apigeegke.microgateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.apigeegke.testing.Rejections;
import dev.apigeegke.testing.Repo;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.SortedMap;
import java.util.TimeZone;
import java.util.TreeMap;
import java.util.jar.JarFile;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The edgemicro-auth bundle the library ships is npm {@code microgateway-edgeauth} 3.2.2's {@code apiproxy/}, byte for
 * byte, compared with the tarball the build downloaded; its options change only what they name; its zip is the same
 * bytes every time; and the components jar carries the package's license and notice.
 */
class EdgemicroAuthBundleTest {
    /** The tarball's {@code dist.integrity} as the npm registry publishes it ({@code npm view microgateway-edgeauth@3.2.2 dist}). */
    private static final String NPM_INTEGRITY =
            "sha512-DDtAhKUS1UtAbIpA5urj+J4YB7xf1rtK8MmMh9odI7iqd/0KV2J5iqnNVmPDGFWAcinhKU4s8trNhXfr4MAAEg==";
    private static final String CALLOUT = "apiproxy/policies/JavaCallout.xml";
    private static final String ENDPOINT = "apiproxy/proxies/default.xml";

    /** Every file of the tarball by its path without the {@code package/} prefix. */
    private static SortedMap<String, byte[]> tarball;
    private static byte[] tarballBytes;

    @BeforeAll
    static void readTheTarballTheBuildDownloaded() throws IOException {
        String location = System.getProperty("edgeauth.tarball");
        assertThat(location).as("system property edgeauth.tarball (set by tests/pom.xml)").isNotNull();
        tarballBytes = Files.readAllBytes(Path.of(location));
        tarball = new TreeMap<>();
        try (var tar = new TarArchiveInputStream(new GZIPInputStream(new ByteArrayInputStream(tarballBytes)))) {
            for (var entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                if (entry.isFile()) {
                    tarball.put(entry.getName().replaceFirst("^package/", ""), tar.readAllBytes());
                }
            }
        }
    }

    @Test
    void comesFromVersion322OfTheNpmPackageWhoseTarballNpmPublished() throws Exception {
        var bundle = EdgemicroAuthBundle.standard();
        assertThat(bundle.npmVersion()).isEqualTo("3.2.2");
        assertThat(new ObjectMapper().readTree(tarball.get("package.json")).path("version").asText()).isEqualTo(bundle.npmVersion());
        assertThat("sha512-" + Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-512").digest(tarballBytes)))
                .as("the downloaded tarball is the one npm published").isEqualTo(NPM_INTEGRITY);
        assertThat(bundle.tarballSha256()).as("the sha256 the bundle reports").isEqualTo(sha256(tarballBytes));
    }

    @Test
    void standardBundleIsTheTarballsApiproxyFolderEntryByEntry() throws IOException {
        var zip = unzip(Base64.getDecoder().decode(EdgemicroAuthBundle.standard().bundle()));
        var apiproxy = new TreeMap<String, byte[]>();
        tarball.forEach((path, content) -> {
            if (path.startsWith("apiproxy/")) {
                apiproxy.put(path, content);
            }
        });
        assertThat(apiproxy).as("files in the tarball's apiproxy/").hasSizeGreaterThan(70);
        assertThat(zip.keySet()).containsExactlyElementsOf(apiproxy.keySet());
        apiproxy.forEach((path, content) -> assertThat(zip.get(path)).as(path).isEqualTo(content));
    }

    @Test
    void bundleHashIsTheSha256OfTheZipTheBundleCarries() throws Exception {
        for (var bundle : List.of(EdgemicroAuthBundle.standard(), EdgemicroAuthBundle.builder().noncps(true).build())) {
            assertThat(bundle.bundleHash()).isEqualTo(sha256(Base64.getDecoder().decode(bundle.bundle())));
        }
    }

    @Test
    void nameBasePathAndVirtualHostAreTheOnesTheBundleDeclares() throws Exception {
        var bundle = EdgemicroAuthBundle.standard();
        Element descriptor = xml(tarball.get("apiproxy/edgemicro-auth.xml")).getDocumentElement();
        assertThat(descriptor.getAttribute("name")).isEqualTo(bundle.proxyName()).isEqualTo("edgemicro-auth");
        var endpoints = tarball.keySet().stream().filter(p -> p.matches("apiproxy/proxies/[^/]+\\.xml")).toList();
        assertThat(endpoints).containsExactly(ENDPOINT);
        Document endpoint = xml(tarball.get(ENDPOINT));
        assertThat(texts(endpoint, "BasePath")).containsExactly(bundle.basePath()).containsExactly("/edgemicro-auth");
        assertThat(texts(endpoint, "VirtualHost")).containsExactlyElementsOf(bundle.virtualHosts()).containsExactly("secure");
        assertThat(bundle.noncps()).isFalse();
    }

    @Test
    void noncpsSetsTheOneCalloutPropertyTheProductsCalloutReads() throws Exception {
        var standard = EdgemicroAuthBundle.standard().proxyBundle().files();
        var noncps = EdgemicroAuthBundle.builder().noncps(true).build();
        assertThat(noncps.noncps()).isTrue();
        assertThat(changedFiles(standard, noncps.proxyBundle().files())).containsExactly(CALLOUT);

        Document callout = xml(noncps.proxyBundle().files().get(CALLOUT));
        var properties = callout.getElementsByTagName("Property");
        assertThat(properties.getLength()).isOne();
        var property = (Element) properties.item(0);
        assertThat(property.getAttribute("name")).isEqualTo("org.noncps");
        assertThat(property.getTextContent()).isEqualTo("true");
        assertThat(((Element) property.getParentNode()).getTagName()).isEqualTo("Properties");
        property.getParentNode().removeChild(property);
        assertThat(shape(callout)).as("everything else in the policy").isEqualTo(shape(xml(standard.get(CALLOUT))));
        assertThat(noncps.bundleHash()).isNotEqualTo(EdgemicroAuthBundle.standard().bundleHash());

        // The policy runs the products callout, whose Products class reads that property name.
        Element policy = callout.getDocumentElement();
        assertThat(policy.getTagName()).isEqualTo("JavaCallout");
        String jar = texts(callout, "ResourceURL").get(0).replace("java://", "apiproxy/resources/java/");
        assertThat(classFile(noncps.proxyBundle().files().get(jar), "io/apigee/microgateway/javacallout/Products.class"))
                .contains("org.noncps");
    }

    @Test
    void virtualHostsReplaceTheBundlesOwnAndChangeNothingElse() throws Exception {
        var standard = EdgemicroAuthBundle.standard().proxyBundle().files();
        var bundle = EdgemicroAuthBundle.builder().virtualHosts("default", "secure").build();
        assertThat(bundle.virtualHosts()).containsExactly("default", "secure");
        assertThat(changedFiles(standard, bundle.proxyBundle().files())).containsExactly(ENDPOINT);
        Document endpoint = xml(bundle.proxyBundle().files().get(ENDPOINT));
        assertThat(texts(endpoint, "VirtualHost")).containsExactly("default", "secure");
        assertThat(((Element) endpoint.getElementsByTagName("VirtualHost").item(0).getParentNode()).getTagName())
                .isEqualTo("HTTPProxyConnection");
        assertThat(shape(endpoint, "VirtualHost")).isEqualTo(shape(xml(standard.get(ENDPOINT)), "VirtualHost"));
        assertThat(bundle.bundleHash()).isNotEqualTo(EdgemicroAuthBundle.standard().bundleHash());

        var both = EdgemicroAuthBundle.builder().noncps(true).virtualHosts("internal").build();
        assertThat(changedFiles(standard, both.proxyBundle().files())).containsExactly(CALLOUT, ENDPOINT);
        assertThat(texts(xml(both.proxyBundle().files().get(ENDPOINT)), "VirtualHost")).containsExactly("internal");
    }

    @Test
    void theDocumentedDefaultsGiveTheStandardBundle() {
        var explicit = EdgemicroAuthBundle.builder().noncps(false).virtualHosts("secure").build();
        assertThat(explicit).isEqualTo(EdgemicroAuthBundle.standard());
        assertThat(explicit.bundleHash()).isEqualTo(EdgemicroAuthBundle.standard().bundleHash());
        assertThat(EdgemicroAuthBundle.builder().build().virtualHosts()).containsExactly(EdgemicroAuthBundle.DEFAULT_VIRTUAL_HOST);
    }

    @Test
    void theZipIsTheSameBytesEveryTimeInEveryTimeZone() throws IOException {
        byte[] first = Base64.getDecoder().decode(EdgemicroAuthBundle.standard().bundle());
        var original = TimeZone.getDefault();
        try {
            TimeZone.setDefault(TimeZone.getTimeZone("Pacific/Kiritimati"));
            assertThat(Base64.getDecoder().decode(EdgemicroAuthBundle.standard().bundle())).isEqualTo(first);
            TimeZone.setDefault(TimeZone.getTimeZone("America/Adak"));
            assertThat(Base64.getDecoder().decode(EdgemicroAuthBundle.builder().build().bundle())).isEqualTo(first);
        } finally {
            TimeZone.setDefault(original);
        }
        var names = new ArrayList<String>();
        try (var zip = new ZipInputStream(new ByteArrayInputStream(first))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                names.add(entry.getName());
                assertThat(entry.getMethod()).as(entry.getName()).isEqualTo(ZipEntry.STORED);
                assertThat(entry.getExtra()).as(entry.getName()).isNull();
                assertThat(entry.getTimeLocal()).as(entry.getName()).isEqualTo(LocalDateTime.of(1980, 2, 1, 0, 0));
            }
        }
        assertThat(names).isSorted().allMatch(n -> n.startsWith("apiproxy/") && !n.endsWith("/"));
    }

    @Test
    void rejectsNoVirtualHostAndBadOrRepeatedNamesInOneReport() {
        assertThat(Rejections.problems(() -> EdgemicroAuthBundle.builder().virtualHosts(List.of()).build())).containsExactly(
                "virtualHosts = []: the proxy needs at least one virtual host; leave it unset for \"secure\"");
        assertThat(Rejections.problems(() -> EdgemicroAuthBundle.builder().virtualHosts("secure", "my host", "secure").build()))
                .containsExactly(
                        "virtualHosts[1] = \"my host\": a virtual host's name holds only letters, digits and . _ - $ %, "
                                + "e.g. \"secure\" or \"default\"",
                        "virtualHosts[2] = \"secure\": listed twice; name each virtual host once");
    }

    @Test
    void theComponentsJarCarriesThePackagesLicenseAndNoticeAndNamesThemInItsThirdPartyFile() throws Exception {
        Path jarPath;
        try (var files = Files.list(Repo.root().resolve("components/target"))) {
            // The jar itself, not the release profile's -sources.jar or -javadoc.jar beside it.
            jarPath = files.map(Path::getFileName).map(Path::toString)
                    .filter(n -> n.matches("apigee-gke-components-.*\\.jar") && !n.matches(".*-(sources|javadoc)\\.jar"))
                    .map(Repo.root().resolve("components/target")::resolve).findFirst().orElseThrow();
        }
        try (var jar = new JarFile(jarPath.toFile())) {
            String folder = "dev/apigeegke/microgateway/edgemicro-auth/";
            for (String file : List.of("LICENSE", "NOTICE", "package.json")) {
                var entry = jar.getJarEntry(folder + file);
                assertThat(entry).as(folder + file).isNotNull();
                assertThat(jar.getInputStream(entry).readAllBytes()).as(file).isEqualTo(tarball.get(file));
            }
            assertThat(new String(tarball.get("LICENSE"), StandardCharsets.UTF_8)).contains("Apache License", "Version 2.0");
            assertThat(new ObjectMapper().readTree(tarball.get("package.json")).path("license").asText()).isEqualTo("Apache-2.0");
            var thirdParty = jar.getJarEntry("META-INF/THIRD-PARTY.txt");
            assertThat(thirdParty).isNotNull();
            String text = new String(jar.getInputStream(thirdParty).readAllBytes(), StandardCharsets.UTF_8);
            assertThat(text).contains("microgateway-edgeauth 3.2.2", sha256(tarballBytes), "Apache License, Version 2.0",
                    folder + "LICENSE", folder + "NOTICE").doesNotContain("${");
            assertThat(jar.stream().filter(e -> e.getName().startsWith(folder + "apiproxy/") && !e.isDirectory()).count())
                    .as("bundle files in the jar").isEqualTo(tarball.keySet().stream().filter(p -> p.startsWith("apiproxy/")).count());
        }
    }

    private static List<String> changedFiles(SortedMap<String, byte[]> before, SortedMap<String, byte[]> after) {
        assertThat(after.keySet()).containsExactlyElementsOf(before.keySet());
        return before.keySet().stream().filter(path -> !Arrays.equals(before.get(path), after.get(path))).toList();
    }

    private static SortedMap<String, byte[]> unzip(byte[] zip) throws IOException {
        var files = new TreeMap<String, byte[]>();
        try (var in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                files.put(entry.getName(), in.readAllBytes());
            }
        }
        return files;
    }

    private static String classFile(byte[] jar, String entry) throws IOException {
        try (var in = new ZipInputStream(new ByteArrayInputStream(jar))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                if (e.getName().equals(entry)) {
                    return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
                }
            }
        }
        throw new AssertionError("no " + entry + " in the callout jar");
    }

    private static Document xml(byte[] content) throws Exception {
        var factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(content));
    }

    private static List<String> texts(Document document, String tag) {
        var found = new ArrayList<String>();
        var nodes = document.getElementsByTagName(tag);
        for (int i = 0; i < nodes.getLength(); i++) {
            found.add(nodes.item(i).getTextContent().strip());
        }
        return found;
    }

    /** The document's elements, attributes and non-blank text, indentation aside, leaving out elements named {@code skipped}. */
    private static List<String> shape(Document document, String... skipped) {
        var out = new ArrayList<String>();
        shape(document.getDocumentElement(), "", List.of(skipped), out);
        return out;
    }

    private static void shape(Element element, String path, List<String> skipped, List<String> out) {
        String here = path + "/" + element.getTagName();
        var attributes = new LinkedHashMap<String, String>();
        for (int i = 0; i < element.getAttributes().getLength(); i++) {
            attributes.put(element.getAttributes().item(i).getNodeName(), element.getAttributes().item(i).getNodeValue());
        }
        out.add(here + " " + new TreeMap<>(attributes));
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element e && !skipped.contains(e.getTagName())) {
                shape(e, here, skipped, out);
            } else if ((child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE)
                    && !child.getNodeValue().isBlank()) {
                out.add(here + " text " + child.getNodeValue());
            } else if (child.getNodeType() == Node.COMMENT_NODE) {
                out.add(here + " comment " + child.getNodeValue());
            }
        }
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
