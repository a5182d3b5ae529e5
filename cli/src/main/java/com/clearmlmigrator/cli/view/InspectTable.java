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
    private static final int NAME_WIDTH = 60;

    private InspectTable() {}

    static void print(JsonNode report, PrintWriter out) {
        out.printf("%-7s %-" + NAME_WIDTH + "s %10s %14s%n", "store", "collection / index", "documents", "bytes");
        for (JsonNode collection : report.path("mongo").path("collections")) {
            row(out, "mongo", collection.path("collection").asText(), collection);
        }
        for (JsonNode index : report.path("elastic").path("indices")) {
            row(out, "elastic", index.path("index").asText(), index);
        }
        versions(report, out);
        textFields(report.path("elastic").path("indices"), out);
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
        for (JsonNode index : found) {
            List<String> fields = new ArrayList<>();
            index.path("textFields").forEach(field -> fields.add(field.asText()));
            out.printf(
                    "  %-" + NAME_WIDTH + "s %s%n",
                    Formats.name(index.path("index").asText(), NAME_WIDTH),
                    String.join(", ", fields));
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
        String row = "%-" + NAME_WIDTH + "s %12s %12s%n";
        out.printf(row, "prefix", "in mongo", "in elastic");
        for (JsonNode prefix : prefixes) {
            out.printf(
                    row,
                    Formats.name(prefix.path("prefix").asText(), NAME_WIDTH),
                    Formats.count(prefix.path("mongo").asLong()),
                    Formats.count(prefix.path("elastic").asLong()));
        }
        out.println();
        out.println("Where they are (a relink rewrites a field marked --include only when it names that group):");
        for (JsonNode prefix : prefixes) {
            out.println("  " + prefix.path("prefix").asText());
            JsonNode optIn = prefix.path("optIn");
            prefix.path("fields")
                    .fields()
                    .forEachRemaining(field -> out.printf(
                            "      %-" + (NAME_WIDTH - 4) + "s %12s%s%n",
                            Formats.name(field.getKey(), NAME_WIDTH - 4),
                            Formats.count(field.getValue().asLong()),
                            includeMark(optIn, field.getKey())));
        }
    }

    /** What a relink must name to rewrite this place, when only an opt-in relink does. */
    private static String includeMark(JsonNode optIn, String place) {
        return optIn.has(place) ? "  --include " + optIn.path(place).asText() : "";
    }

    private static void row(PrintWriter out, String store, String name, JsonNode found) {
        out.printf(
                "%-7s %-" + NAME_WIDTH + "s %10s %14s%n",
                store,
                Formats.name(name, NAME_WIDTH),
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
