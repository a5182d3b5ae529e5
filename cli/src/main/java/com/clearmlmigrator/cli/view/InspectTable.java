package com.clearmlmigrator.cli.view;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * An inspection as tables: every collection and index with its size, the server versions, indices whose ClearML fields
 * are text, and the URL origins the stored references start with.
 */
final class InspectTable {
    private static final String NAME_HEADING = "collection / index";

    private InspectTable() {}

    static void print(JsonNode report, PrintWriter out) {
        JsonNode collections = report.path("mongo").path("collections");
        JsonNode indices = report.path("elastic").path("indices");
        String row = "%-7s %-"
                + Math.max(
                        Formats.widthFor(NAME_HEADING, collections, "collection"),
                        Formats.widthFor(NAME_HEADING, indices, "index"))
                + "s %10s %14s%n";
        out.printf(row, "store", NAME_HEADING, "documents", "bytes");
        for (JsonNode collection : collections) {
            sizes(out, row, "mongo", collection.path("collection").asText(), collection);
        }
        for (JsonNode index : indices) {
            sizes(out, row, "elastic", index.path("index").asText(), index);
        }
        versions(report, out);
        textFields(indices, out);
        urlPrefixes(report.path("urlPrefixes"), out);
    }

    /**
     * Indices whose ClearML fields are dynamic text: the ClearML server's aggregations on them fail now, and an es-copy
     * maps them as the templates do.
     */
    private static void textFields(JsonNode indices, PrintWriter out) {
        List<JsonNode> found = new ArrayList<>();
        indices.forEach(index -> {
            if (!index.path("textFields").isEmpty()) {
                found.add(index);
            }
        });
        if (found.isEmpty()) {
            return;
        }
        out.println();
        out.println("Indices created before ClearML's templates, with text where the templates have keyword: ClearML's"
                + " aggregations on these fields fail (ClearML issue #233); `clearml-migrator copy-es` maps them as"
                + " keyword.");
        int width = Formats.widthFor("", found, "index");
        for (JsonNode index : found) {
            List<String> fields = new ArrayList<>();
            index.path("textFields").forEach(field -> fields.add(field.asText()));
            out.printf("  %-" + width + "s %s%n", index.path("index").asText(), String.join(", ", fields));
        }
    }

    /** Every URL origin the references start with, and where: what the operator names in {@code relink --from}. */
    private static void urlPrefixes(JsonNode prefixes, PrintWriter out) {
        out.println();
        if (prefixes.isEmpty()) {
            out.println("No stored URL references found.");
            return;
        }
        out.println("URL prefixes the stored references start with (a relink's --from names one of them):");
        String row = "%-" + Formats.widthFor("prefix", prefixes, "prefix") + "s %12s %12s%n";
        out.printf(row, "prefix", "in mongo", "in elastic");
        for (JsonNode prefix : prefixes) {
            out.printf(
                    row,
                    prefix.path("prefix").asText(),
                    Formats.count(prefix.path("mongo").asLong()),
                    Formats.count(prefix.path("elastic").asLong()));
        }
        out.println();
        out.println("Where they are (a relink rewrites a field marked --include only when it names that group):");
        String place = "      %-" + placeWidth(prefixes) + "s %12s%s%n";
        for (JsonNode prefix : prefixes) {
            out.println("  " + prefix.path("prefix").asText());
            JsonNode optIn = prefix.path("optIn");
            prefix.path("fields")
                    .fields()
                    .forEachRemaining(field -> out.printf(
                            place,
                            field.getKey(),
                            Formats.count(field.getValue().asLong()),
                            includeMark(optIn, field.getKey())));
        }
    }

    private static int placeWidth(JsonNode prefixes) {
        int width = 1;
        for (JsonNode prefix : prefixes) {
            for (String place : (Iterable<String>) prefix.path("fields")::fieldNames) {
                width = Math.max(width, place.length());
            }
        }
        return width;
    }

    /** What a relink must name to rewrite this place, when only an opt-in relink does. */
    private static String includeMark(JsonNode optIn, String place) {
        return optIn.has(place) ? "  --include " + optIn.path(place).asText() : "";
    }

    private static void sizes(PrintWriter out, String row, String store, String name, JsonNode found) {
        out.printf(
                row,
                store,
                name,
                Formats.count(found.path("documents").asLong()),
                Formats.count(found.path("sizeBytes").asLong()));
    }

    private static void versions(JsonNode report, PrintWriter out) {
        if (report.path("mongo").hasNonNull("serverVersion")) {
            out.println("MongoDB " + report.path("mongo").path("serverVersion").asText());
        }
        if (report.path("elastic").hasNonNull("serverVersion")) {
            out.println("Elasticsearch "
                    + report.path("elastic").path("serverVersion").asText());
        }
    }
}
