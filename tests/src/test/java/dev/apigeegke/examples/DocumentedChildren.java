package dev.apigeegke.examples;

import dev.apigeegke.preview.Plan;
import dev.apigeegke.testing.Repo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What each component's README says it creates: the rows of the {@code | child (Pulumi name) | type | ... |} table
 * after its {@code Type token `...`} line. A row gives name templates ({@code <name>-nodes}: the component's name, and
 * any other {@code <placeholder>}) and the types (full tokens, or a component's or custom resource's short name).
 */
final class DocumentedChildren {
    private static final Pattern TYPE_TOKEN = Pattern.compile("Type token `([^`]+)`");
    private static final Pattern TICKED = Pattern.compile("`([^`]+)`");
    private static final Pattern PLACEHOLDER = Pattern.compile("<([^>]+)>");

    /** One row of a component's table. */
    record Row(List<String> names, List<String> types) {
        /** Whether {@code child} of the component named {@code component} is this row's. */
        boolean matches(Plan.Resource child, String component) {
            boolean type = types.stream().anyMatch(t -> child.type().equals(t) || child.type().endsWith(":" + t));
            return type && names.stream().anyMatch(n -> nameRegex(n, component).matcher(child.name()).matches());
        }
    }

    private final Map<String, List<Row>> byType;

    private DocumentedChildren(Map<String, List<Row>> byType) {
        this.byType = byType;
    }

    /** The tables of every component README under {@code components/}. */
    static DocumentedChildren read() {
        var tables = new HashMap<String, List<Row>>();
        try (Stream<Path> files = Files.walk(Repo.root().resolve("components/src/main/java"))) {
            for (Path readme : files.filter(p -> p.getFileName().toString().equals("README.md")).toList()) {
                parse(Files.readAllLines(readme), tables);
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return new DocumentedChildren(tables);
    }

    /** The rows documented for the component type {@code type}, or null when its README has no table. */
    List<Row> of(String type) {
        return byType.get(type);
    }

    private static void parse(List<String> lines, Map<String, List<Row>> tables) {
        String component = null;
        boolean inTable = false;
        for (String line : lines) {
            Matcher token = TYPE_TOKEN.matcher(line);
            if (token.find()) {
                component = token.group(1);
                inTable = false;
                continue;
            }
            if (component == null) {
                continue;
            }
            if (line.startsWith("| child")) {
                inTable = !tables.containsKey(component);
                tables.putIfAbsent(component, new ArrayList<>());
                continue;
            }
            if (!inTable || line.startsWith("|---")) {
                continue;
            }
            if (!line.startsWith("|")) {
                inTable = false;
                continue;
            }
            String[] cells = line.split("\\|");
            tables.get(component).add(new Row(ticked(cells[1]), ticked(cells[2])));
        }
    }

    private static List<String> ticked(String cell) {
        var found = new ArrayList<String>();
        Matcher m = TICKED.matcher(cell);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    private static Pattern nameRegex(String template, String component) {
        var regex = new StringBuilder();
        Matcher m = PLACEHOLDER.matcher(template);
        int last = 0;
        while (m.find()) {
            regex.append(Pattern.quote(template.substring(last, m.start())));
            regex.append(m.group(1).equals("name") ? Pattern.quote(component) : ".+");
            last = m.end();
        }
        regex.append(Pattern.quote(template.substring(last)));
        return Pattern.compile(regex.toString());
    }
}
