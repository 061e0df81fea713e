package org.vetting.watchlist;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.vetting.screening.WatchlistEntry;

/**
 * OpenSanctions' FollowTheMoney export: one entity per line, {@code {"id", "schema", "properties":
 * {"name": […], "alias": […], "weakAlias": […], "firstName", "fatherName", "motherName", "lastName",
 * "birthDate", "nationality", "program", "notes"}}}. {@code Person} entities are persons;
 * {@code Organization}, {@code Company} and {@code LegalEntity} organisations; other schemas
 * (vessels, addresses, sanctions…) are not screened and are skipped. A person's first name and
 * father's and mother's names, when given, are the name's parts (given, paterno, materno).
 */
final class FtmJsonLines {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Set<String> ORGANISATIONS = Set.of("Organization", "Company", "LegalEntity", "PublicBody");

    private FtmJsonLines() {}

    static void read(String file, Path path, Map<String, WatchlistEntry> entries) {
        long line = 0;
        try (BufferedReader in = ListReader.open(path)) {
            StringBuilder text = new StringBuilder();
            while (true) {
                line++;
                text.setLength(0);
                int c;
                while ((c = in.read()) >= 0 && c != '\n') {
                    if (text.length() >= ListReader.MAX_LINE) {
                        throw new MalformedList(file, line, "a line longer than " + ListReader.MAX_LINE + " characters");
                    }
                    text.append((char) c);
                }
                if (c < 0 && text.isEmpty()) {
                    break;
                }
                if (!text.toString().isBlank()) {
                    entity(file, line, text.toString(), entries);
                }
                if (c < 0) {
                    break;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void entity(String file, long line, String text, Map<String, WatchlistEntry> entries) {
        JsonNode node;
        try {
            node = MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new MalformedList(file, line, "not a JSON object: " + ListReader.brief(e.getOriginalMessage()));
        }
        if (!node.isObject() || !node.path("schema").isTextual() || !node.path("id").isTextual()) {
            throw new MalformedList(file, line, "an entity needs \"id\" and \"schema\"");
        }
        String schema = node.get("schema").asText();
        WatchlistEntry.Kind kind = "Person".equals(schema) ? WatchlistEntry.Kind.PERSON
                : ORGANISATIONS.contains(schema) ? WatchlistEntry.Kind.ORGANIZATION : null;
        if (kind == null) {
            return;
        }
        JsonNode p = node.path("properties");
        if (!p.isObject()) {
            throw new MalformedList(file, line, "entity " + node.get("id").asText() + " has no \"properties\" object");
        }
        List<String> names = values(p, "name", file, line);
        String caption = node.path("caption").isTextual() ? node.get("caption").asText() : null;
        String name = !names.isEmpty() ? names.get(0) : caption;
        List<String> aliases = new ArrayList<>(names.size() > 1 ? names.subList(1, names.size()) : List.of());
        aliases.addAll(values(p, "alias", file, line));
        String given = null;
        String family = null;
        if (kind == WatchlistEntry.Kind.PERSON) {
            given = first(values(p, "firstName", file, line));
            String father = first(values(p, "fatherName", file, line));
            String mother = first(values(p, "motherName", file, line));
            String last = first(values(p, "lastName", file, line));
            family = father != null ? (mother == null ? father : father + " " + mother) : last;
            if (given == null || family == null) {
                given = null;
                family = null;
            }
        }
        String birth = first(values(p, "birthDate", file, line));
        ListReader.add(entries, new WatchlistEntry(node.get("id").asText(), kind, name, given, family, aliases,
                values(p, "weakAlias", file, line), ListReader.birthDate(birth, file, line),
                ListReader.nationalities(values(p, "nationality", file, line), file, line),
                first(values(p, "program", file, line)), first(values(p, "notes", file, line))), file, line);
    }

    private static List<String> values(JsonNode properties, String key, String file, long line) {
        JsonNode v = properties.get(key);
        if (v == null || v.isNull()) {
            return List.of();
        }
        if (!v.isArray()) {
            throw new MalformedList(file, line, "property \"" + key + "\" must be a list of strings");
        }
        List<String> out = new ArrayList<>();
        for (JsonNode item : v) {
            if (!item.isTextual()) {
                throw new MalformedList(file, line, "property \"" + key + "\" must be a list of strings");
            }
            if (!item.asText().isBlank()) {
                out.add(item.asText().trim());
            }
        }
        return out;
    }

    private static String first(List<String> values) {
        return values.isEmpty() ? null : values.get(0);
    }
}
