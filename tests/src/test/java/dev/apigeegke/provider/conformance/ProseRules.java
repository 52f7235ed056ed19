package dev.apigeegke.provider.conformance;

import dev.apigeegke.provider.testing.Multipart;
import dev.apigeegke.provider.testing.RecordedRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the descriptions state only in the text of an operation, not in its structured fields, each with the words
 * it rests on: the bundle import's query parameters and multipart upload, and the form content type of an Edge
 * deployment.
 */
final class ProseRules {
    static final String X_IMPORT = "apigee.organizations.apis.create";
    static final String EDGE_IMPORT = "createAPIProxy";
    static final String EDGE_DEPLOY = "deployAPIProxy";

    private static final String X_ACTION_WORDS = "action: \"Set this parameter to one of the following values: * `import` "
            + "to import the API proxy configuration bundle. * `validate` to validate the API proxy configuration bundle "
            + "without importing it.\"";
    private static final String EDGE_IMPORT_WORDS = "createAPIProxy's description: \"Set the `action` query parameter "
            + "to `import`\", \"set the `validate` query parameter to `true`\", \"set the `action` query parameter to "
            + "`validate`\", and the example `apis?action=import&name=example`";
    private static final String X_UPLOAD_WORDS = "\"Set the `Content-Type` header to `multipart/form-data`. * Pass as a "
            + "file the name of API proxy configuration bundle stored in zip format on your local machine using the "
            + "`file` form field.\" (apigee.organizations.apis.create)";
    private static final String EDGE_UPLOAD_WORDS = "\"Set the `Content-Type` header to `multipart/form-data`\" and the "
            + "example `-F \"file=@apiproxy.zip\"` (createAPIProxy)";
    private static final String EDGE_DEPLOY_WORDS = "Content-type: \"Must be set to `application/x-www-form-urlencoded`.\" "
            + "(deployAPIProxy)";
    private static final String FORM = "application/x-www-form-urlencoded";

    private ProseRules() {
    }

    /** The operations with the query parameters their text names added. */
    static List<Operation> amend(List<Operation> operations) {
        List<Operation> out = new ArrayList<>();
        for (Operation op : operations) {
            Map<String, Param> query = new LinkedHashMap<>(op.query());
            if (op.id().equals(X_IMPORT)) {
                query.put("action", new Param("action", "string", false, List.of("import", "validate"), X_ACTION_WORDS));
            } else if (op.id().equals(EDGE_IMPORT)) {
                query.put("action", new Param("action", "string", false, List.of("import", "validate"), EDGE_IMPORT_WORDS));
                query.put("name", new Param("name", "string", false, List.of(), EDGE_IMPORT_WORDS));
                query.put("validate", new Param("validate", "boolean", false, List.of(), EDGE_IMPORT_WORDS));
            }
            out.add(query.equals(op.query()) ? op : new Operation(op.flavor(), op.id(), op.source(), op.method(), op.path(),
                    Map.copyOf(query), op.headers(), op.requests(), op.answers(), op.schemas(), op.published()));
        }
        return List.copyOf(out);
    }

    /** The violations of the rules the text of {@code op} states, for a request with these decoded query values. */
    static List<String> check(Operation op, RecordedRequest request, Map<String, String> query) {
        List<String> out = new ArrayList<>();
        String type = request.header("content-type").orElse("");
        String media = type.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        boolean xImport = op.id().equals(X_IMPORT);
        if ((xImport || op.id().equals(EDGE_IMPORT)) && "import".equals(query.get("action"))) {
            String words = xImport ? X_UPLOAD_WORDS : EDGE_UPLOAD_WORDS;
            if (!media.equals("multipart/form-data")) {
                out.add("Content-Type: an import must be multipart/form-data, got \"" + type + "\": " + words);
            } else if (Multipart.parse(type, request.body()).stream().noneMatch(p -> "file".equals(p.name())
                    && p.content().length > 0)) {
                out.add("body: an import must carry the bundle in the form field `file`, and this one has "
                        + Multipart.parse(type, request.body()).stream().map(Multipart.Part::name).toList() + ": " + words);
            }
        }
        if (op.id().equals(EDGE_DEPLOY) && !media.equals(FORM)) {
            out.add("Content-type: must be " + FORM + ", got \"" + type + "\": " + EDGE_DEPLOY_WORDS);
        }
        return out;
    }
}
