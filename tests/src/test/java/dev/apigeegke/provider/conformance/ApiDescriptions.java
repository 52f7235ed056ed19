package dev.apigeegke.provider.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.apigeegke.provider.api.ApigeePlatform;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The published descriptions of the Apigee management API, as test resources beside this class: Google's discovery
 * document for Apigee X ({@code apigee-x-v1-discovery.json}) and Apigee's OpenAPI 3 files for Edge
 * ({@code apigee-edge/*.yaml}), with the rules their text states ({@link ProseRules}) and the Edge operations they
 * leave out ({@link Unpublished}).
 */
final class ApiDescriptions {
    static final String X_FILE = "apigee-x-v1-discovery.json";
    static final String EDGE_DIR = "apigee-edge";

    private static ApiDescriptions loaded;

    private final Map<ApigeePlatform, List<Operation>> operations;

    private ApiDescriptions(List<Operation> x, List<Operation> edge) {
        this.operations = Map.of(ApigeePlatform.X, x, ApigeePlatform.EDGE, edge);
    }

    /** The descriptions, read once. */
    static synchronized ApiDescriptions get() {
        if (loaded == null) {
            List<Operation> x = DiscoveryReader.read(X_FILE, read(new ObjectMapper(), X_FILE));
            List<Operation> edge = new ArrayList<>();
            var yaml = new YAMLMapper();
            for (String file : edgeFiles()) {
                edge.addAll(OpenApiReader.read(ApigeePlatform.EDGE, file, read(yaml, file)));
            }
            edge.addAll(Unpublished.edge());
            loaded = new ApiDescriptions(ProseRules.amend(x), ProseRules.amend(edge));
        }
        return loaded;
    }

    /** Every operation of {@code flavor}'s description. */
    List<Operation> operations(ApigeePlatform flavor) {
        return operations.get(flavor);
    }

    /** The operation with this id, for tests of the judge. */
    Operation operation(ApigeePlatform flavor, String id) {
        return operations(flavor).stream().filter(o -> o.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no operation " + id + " in the " + flavor + " description"));
    }

    private static List<String> edgeFiles() {
        URL dir = ApiDescriptions.class.getResource(EDGE_DIR);
        if (dir == null) {
            throw new IllegalStateException("the Edge descriptions are missing from the test resources: " + EDGE_DIR);
        }
        try (Stream<Path> files = Files.list(Path.of(dir.toURI()))) {
            return files.map(f -> EDGE_DIR + "/" + f.getFileName()).filter(f -> f.endsWith(".yaml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot list " + dir, e);
        }
    }

    private static JsonNode read(ObjectMapper mapper, String resource) {
        try (InputStream in = ApiDescriptions.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the description " + resource + " is missing from the test resources");
            }
            return mapper.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the description " + resource, e);
        }
    }
}
