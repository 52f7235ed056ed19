package dev.apigeegke.project;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.apigeegke.project.Poms.Pom;
import dev.apigeegke.testing.Repo;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/**
 * What a release needs and only a release would show missing (docs/releasing.md): one version for the Maven artifacts,
 * both package schemas (which the plugins report) and the CHANGELOG; and every published POM carrying the metadata
 * Maven Central rejects a deployment without, as Maven builds it from the module and the parent.
 */
class ReleaseReadinessTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The package schemas whose version the plugins report in GetPluginInfo and the archives are named after. */
    private static final List<String> SCHEMAS = List.of(
            "component-provider/src/main/resources/dev/apigeegke/componentprovider/schema.json",
            "provider-schema/src/main/resources/dev/apigeegke/provider/schema/schema.json");
    private static final Pattern HEADING = Pattern.compile("^## \\[([^]]+)](.*)$", Pattern.MULTILINE);

    private static String releaseVersion() {
        return Poms.version().replaceFirst("-SNAPSHOT$", "");
    }

    @Test
    void theSchemasVersionIsTheMavenVersionWithoutSnapshot() throws Exception {
        for (String schema : SCHEMAS) {
            String version = JSON.readTree(Repo.root().resolve(schema).toFile()).path("version").asText();
            assertThat(version).as("\"version\" of %s, which the plugin reports; the Maven version is %s", schema,
                    Poms.version()).isEqualTo(releaseVersion());
        }
    }

    @Test
    void theSchemasAddressesAreTheProjects() throws Exception {
        Pom parent = Poms.parent();
        String home = Poms.resolve(parent, parent.property("project.home").orElse(""));
        // The engine downloads a plugin from the GitHub releases of this owner/repository (docs/releasing.md).
        String download = home.replaceFirst("^https://github\\.com/", "github://api.github.com/");
        assertThat(download).as("project.home %s as a github:// download address", home).startsWith("github://");
        for (String schema : SCHEMAS) {
            var root = JSON.readTree(Repo.root().resolve(schema).toFile());
            for (String field : List.of("homepage", "repository")) {
                if (root.has(field)) {
                    assertThat(root.path(field).asText()).as("\"%s\" of %s", field, schema).isEqualTo(home);
                }
            }
            if (root.has("pluginDownloadURL")) {
                assertThat(root.path("pluginDownloadURL").asText()).as("\"pluginDownloadURL\" of %s", schema)
                        .isEqualTo(download);
            }
        }
        assertThat(JSON.readTree(Repo.root().resolve(SCHEMAS.get(0)).toFile()).path("pluginDownloadURL").asText())
                .as("the component schema's pluginDownloadURL").isEqualTo(download);
    }

    @Test
    void everyModuleIsAtTheProjectsVersion() {
        Poms.modules().forEach((folder, pom) -> assertThat(pom.own("parent", "version"))
                .as("the parent version in %s/pom.xml", folder).contains(Poms.version()));
    }

    @Test
    void theChangelogHasASectionForTheVersion() throws Exception {
        String changelog = Files.readString(Repo.root().resolve("CHANGELOG.md"));
        var headings = new LinkedHashMap<String, String>();
        HEADING.matcher(changelog).results().forEach(m -> headings.put(m.group(1), m.group(2).strip()));
        // Keep a Changelog: the changes not yet released collect in a first section, Unreleased (all a -SNAPSHOT needs).
        assertThat(headings.keySet()).as("the CHANGELOG's sections").first().isEqualTo("Unreleased");
        if (!Poms.version().endsWith("-SNAPSHOT")) {
            assertThat(headings).as("the CHANGELOG's sections: the release %s needs its own", Poms.version())
                    .containsKey(Poms.version());
            assertThat(headings.get(Poms.version())).as("the date of the %s section", Poms.version())
                    .matches("- \\d{4}-\\d{2}-\\d{2}");
        }
    }

    @Test
    void thePublishedModulesAreTheLibraryAndWhatItsConsumersNeed() throws Exception {
        Map<String, Pom> modules = Poms.modules();
        var published = new TreeSet<String>();
        var byArtifact = new LinkedHashMap<String, Pom>();
        modules.forEach((folder, pom) -> {
            byArtifact.put(pom.artifactId(), pom);
            if (Poms.published(pom)) {
                published.add(folder);
            }
        });
        assertThat(Poms.published(Poms.parent())).as("the parent POM, which every published POM names, is published")
                .isTrue();
        assertThat(published).as("published modules").contains("components", "provider", "component-provider");
        var unpublishedNeeds = new ArrayList<String>();
        for (String folder : published) {
            for (String dependency : modules.get(folder).projectDependencies()) {
                Pom needed = byArtifact.get(dependency);
                if (needed != null && !Poms.published(needed)) {
                    unpublishedNeeds.add(folder + " needs " + dependency + " (" + needed.folder() + ", publish.skip)");
                }
            }
        }
        assertThat(unpublishedNeeds).as("a published module's consumers could not resolve these").isEmpty();
        // CI builds the release profile for the published modules only: its list must be the poms'.
        var ci = Pattern.compile("^published=(\\S+)$", Pattern.MULTILINE)
                .matcher(Files.readString(Repo.root().resolve(".ci/run")));
        assertThat(ci.find()).as("a published=... line in .ci/run").isTrue();
        assertThat(new TreeSet<>(Arrays.asList(ci.group(1).split(",")))).as("published=... in .ci/run")
                .isEqualTo(published);
    }

    @Test
    void everyPublishedPomCarriesTheMetadataMavenCentralRequires() {
        Pom parent = Poms.parent();
        var pomsToCheck = new ArrayList<Pom>(List.of(parent));
        Poms.modules().values().stream().filter(Poms::published).forEach(pomsToCheck::add);
        String home = Poms.resolve(parent, parent.own("url").orElse(""));
        assertThat(home).as("the parent's <url>").startsWith("https://");
        var problems = new ArrayList<String>();
        for (Pom pom : pomsToCheck) {
            String where = (pom.folder().isEmpty() ? "" : pom.folder() + "/") + "pom.xml";
            // Maven inherits neither name nor artifactId; a description inherited from the parent would say nothing
            // about the module.
            for (String own : List.of("name", "description")) {
                if (pom.own(own).filter(s -> !s.isBlank()).isEmpty()) {
                    problems.add(where + ": no <" + own + "> of its own");
                }
            }
            String url = effective(pom, parent, "url", "child.project.url.inherit.append.path", null);
            if (!url.equals(home)) {
                problems.add(where + ": the effective <url> is " + url + ", not the project's " + home);
            }
            Element licenses = pom.element("licenses") != null ? pom.element("licenses") : parent.element("licenses");
            List<Element> licenseList = Poms.children(licenses, "license");
            if (licenseList.isEmpty()) {
                problems.add(where + ": no <licenses>");
            }
            for (Element license : licenseList) {
                for (String field : List.of("name", "url")) {
                    if (blank(Poms.child(license, field))) {
                        problems.add(where + ": a <license> without <" + field + ">");
                    }
                }
            }
            Element developers = pom.element("developers") != null ? pom.element("developers")
                    : parent.element("developers");
            List<Element> developerList = Poms.children(developers, "developer");
            if (developerList.isEmpty() || developerList.stream().anyMatch(d -> blank(Poms.child(d, "name")))) {
                problems.add(where + ": no <developers>, or a developer without <name>");
            }
            for (String field : List.of("url", "connection", "developerConnection")) {
                String value = effective(pom, parent, field, "child.scm." + field + ".inherit.append.path", "scm");
                if (value.isBlank() || value.contains("${") || !field.equals("url") && !value.startsWith("scm:git:")) {
                    problems.add(where + ": the effective <scm><" + field + "> is '" + value + "'");
                } else if (!value.contains(home.replaceFirst("^https://", ""))) {
                    problems.add(where + ": <scm><" + field + "> " + value + " is not the project's " + home);
                }
            }
        }
        assertThat(problems).as("POM metadata Maven Central requires (https://central.sonatype.org/publish/requirements)")
                .isEmpty();
    }

    @Test
    void theLicenseIsTheApacheLicenseThePomsName() throws Exception {
        String license = Files.readString(Repo.root().resolve("LICENSE"));
        assertThat(license).contains("Apache License", "Version 2.0, January 2004", "END OF TERMS AND CONDITIONS");
        assertThat(Poms.parent().own("licenses", "license", "name")).contains("Apache License 2.0");
    }

    /**
     * A value as Maven's inheritance gives it to the module: its own, else the parent's with "/" + artifactId appended
     * unless the parent's attribute says not to.
     */
    private static String effective(Pom pom, Pom parent, String field, String appendAttribute, String in) {
        Optional<String> own = in == null ? pom.own(field) : pom.own(in, field);
        if (own.isPresent()) {
            return Poms.resolve(pom, own.get());
        }
        Optional<String> inherited = in == null ? parent.own(field) : parent.own(in, field);
        if (inherited.isEmpty()) {
            return "";
        }
        String value = Poms.resolve(parent, inherited.get());
        Element holder = in == null ? parent.project() : parent.element(in);
        boolean append = pom != parent && !"false".equals(holder.getAttribute(appendAttribute));
        return append ? value + "/" + pom.artifactId() : value;
    }

    private static boolean blank(Element e) {
        return e == null || e.getTextContent().isBlank();
    }
}
