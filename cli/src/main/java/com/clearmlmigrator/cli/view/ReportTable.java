package com.clearmlmigrator.cli.view;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/** A migration's report as a table: one row per collection or index, then every failure with its reason. */
public final class ReportTable {
    private ReportTable() {}

    /** @param wording how the planner's sentences (errors, failures) read on this command's line */
    public static void print(String kind, JsonNode report, PrintWriter out, CliWording wording) {
        out.println();
        switch (kind) {
            case "es-copy" -> copy(report, out, wording);
            case "inspect" -> InspectTable.print(report, out);
            default -> relink(report, out);
        }
        if (kind.equals("relink")) {
            alreadyNew(report, out);
        }
        partsNotEnded(kind, report, out);
        partsFailed(kind, report, out);
        failures(report, out, wording);
        if (report.hasNonNull("error")) {
            out.println("Error: " + wording.apply(report.path("error").asText()));
        }
        out.flush();
    }

    private static void relink(JsonNode report, PrintWriter out) {
        // A dry run writes nothing: what it would change is what it matched.
        boolean dryRun = report.path("dryRun").asBoolean();
        if (report.path("targets").isEmpty()) {
            return; // nothing was planned (a failed pre-flight): no table, the error says why
        }
        String heading = "collection / index";
        String row = "%-7s %-" + Formats.widthFor(heading, report.path("targets"), "target") + "s %10s %12s %10s %9s%n";
        out.printf(row, "store", heading, "scanned", dryRun ? "would change" : "changed", "remaining", "conflicts");
        for (JsonNode target : report.path("targets")) {
            long scanned = 0;
            long changed = 0;
            long remaining = 0;
            long conflicts = 0;
            for (JsonNode field : target.path("fields")) {
                scanned = Math.max(scanned, field.path("scanned").asLong());
                changed += field.path(dryRun ? "matched" : "changed").asLong();
                remaining += field.path("remaining").asLong();
                conflicts += field.path("conflicts").asLong();
            }
            out.printf(
                    row,
                    target.path("store").asText(),
                    target.path("target").asText(),
                    Formats.count(scanned),
                    Formats.count(changed),
                    Formats.count(remaining),
                    Formats.count(conflicts));
        }
        if (dryRun) {
            dryRunFooter(out);
        }
    }

    private static void dryRunFooter(PrintWriter out) {
        out.println("Dry run: nothing was written. 'would change' counts the values a relink would rewrite;"
                + " 'remaining' counts the references to the old prefix (a text field may hold several).");
        out.println("Fields of an opt-in group (hyperparams, configuration, metadata, artifact-previews, logs,"
                + " storage-settings) are"
                + " left alone unless --include names it; `inspect` marks those that hold URLs.");
    }

    /**
     * What a relink found already under the new prefix, left as it was. When it found nothing else, and failed nowhere,
     * say what that most likely means: a relink run before, or a prefix that differs from what the stores hold (http
     * for https, a port given or left out), which the census of {@code inspect} shows.
     */
    private static void alreadyNew(JsonNode report, PrintWriter out) {
        long matched = 0;
        long alreadyNew = 0;
        for (JsonNode target : report.path("targets")) {
            for (JsonNode field : target.path("fields")) {
                matched +=
                        field.path("matched").asLong() + field.path("remaining").asLong();
                alreadyNew += field.path("alreadyNew").asLong();
            }
        }
        String from = report.path("from").asText();
        String to = report.path("to").asText();
        boolean nothingElse = matched == 0
                && !report.path("targets").isEmpty()
                && report.path("failures").isEmpty();
        if (nothingElse && alreadyNew > 0) {
            out.println("Nothing matched " + from + ", and " + Formats.count(alreadyNew) + " references already hold "
                    + to + ": the stores look relinked already.");
        } else if (nothingElse) {
            out.println("Nothing matched " + from + ". If something should have, compare it with the URL origins"
                    + " `clearml-migrator inspect` lists: http and https, or a port given and left out, are different"
                    + " prefixes.");
        } else if (alreadyNew > 0) {
            out.println(Formats.count(alreadyNew) + " references already held " + to + " and were left as they are.");
        }
    }

    /**
     * A cancelled migration: its parts never run or stopped part-way did only some of their work, which the table does
     * not show (a relink's 'remaining' leaves out what they did not read). Say so, and how to go on.
     */
    private static void partsNotEnded(String kind, JsonNode report, PrintWriter out) {
        long skipped = report.path("tasks").path("skipped").asLong();
        if (skipped == 0) {
            return;
        }
        String what = switch (kind) {
            case "es-copy" ->
                "an index not verified ('-') may be part-copied; `clearml-migrator copy-es`"
                        + " with the same clusters and --if-target-exists skip copies those again and leaves the"
                        + " verified ones alone.";
            case "relink" ->
                "'remaining' leaves out what they did not read. `clearml-migrator undo "
                        + report.path("id").asText() + "` restores what was changed; a relink with the same"
                        + " prefixes does the rest.";
            case "undo" -> "'remaining' leaves out what they did not read.";
            default -> "the counts leave out what they did not read.";
        };
        out.printf(
                "%s of %s parts did not run to the end (the migration was cancelled): %s%n",
                Formats.count(skipped),
                Formats.count(report.path("tasks").path("total").asLong()),
                what);
    }

    /**
     * A relink or undo with failed parts: what they rewrote before they failed is in the table (their undo restores
     * it), what they did not read is not.
     */
    private static void partsFailed(String kind, JsonNode report, PrintWriter out) {
        long failed = report.path("tasks").path("failed").asLong();
        if (failed == 0 || !(kind.equals("relink") || kind.equals("undo"))) {
            return;
        }
        out.printf(
                "%s of %s parts failed: the table counts what they %s before they failed, and 'remaining' leaves out"
                        + " what they did not read.%n",
                Formats.count(failed),
                Formats.count(report.path("tasks").path("total").asLong()),
                report.path("dryRun").asBoolean() ? "matched" : "changed");
    }

    private static void copy(JsonNode report, PrintWriter out, CliWording wording) {
        if (report.path("indices").isEmpty() && report.path("skipped").isEmpty()) {
            return; // nothing was planned (a failed pre-flight): no table, the error says why
        }
        String row = "%-" + Formats.widthFor("index", report.path("indices"), "index") + "s %10s %10s %9s%n";
        out.printf(row, "index", "documents", "copied", "verified");
        for (JsonNode index : report.path("indices")) {
            JsonNode match = index.path("checksumMatch");
            out.printf(
                    row,
                    index.path("index").asText(),
                    Formats.count(index.path("documents").asLong()),
                    Formats.count(index.path("copied").asLong()),
                    match.isNull() || match.isMissingNode() ? "-" : match.asBoolean() ? "yes" : "NO");
        }
        for (JsonNode skipped : report.path("skipped")) {
            out.println("skipped (the target has it): " + skipped.asText());
        }
        for (JsonNode index : report.path("indices")) {
            index.path("mappingChanges")
                    .forEach(change -> out.println(index.path("index").asText() + ": " + change.asText()));
        }
        report.path("notes").forEach(note -> out.println("Note: " + wording.apply(note.asText())));
    }

    private static void failures(JsonNode report, PrintWriter out, CliWording wording) {
        JsonNode failures = report.path("failures");
        if (failures.isEmpty()) {
            return;
        }
        out.println();
        out.println(failures.size() + " failed task(s):");
        // Parts of one index that failed alike are one line: a store that went away failed 41 parts of a relink with
        // the same sentence, 16 of them for one index.
        Map<List<String>, Integer> alike = new LinkedHashMap<>();
        for (JsonNode failure : failures) {
            List<String> line = List.of(
                    failure.path("target").asText(),
                    failure.path("reason").asText(),
                    failure.path("detail").asText());
            alike.merge(line, 1, Integer::sum);
        }
        alike.forEach((line, tasks) -> out.println("  " + line.get(0) + " (" + line.get(1)
                + (tasks > 1 ? ", " + tasks + " tasks" : "") + "): " + wording.apply(line.get(2))));
    }
}
