package com.clearmlmigrator.cli.view;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * For logs and pipes: one line every few seconds (and at every status change) with the totals, instead of bars that
 * would fill a log with redraws; when the planner counted the documents, how far the whole migration has come and the
 * time left ({@link WholeMigration}).
 */
final class PlainLines implements ProgressDisplay {
    private static final Duration EVERY = Duration.ofSeconds(5);
    // Not LocalTime's toString, which leaves the seconds out when they are 0 ("14:19" between "14:18:54" and
    // "14:19:05").
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final PrintWriter out;
    private final Rates rates = WholeMigration.pace();
    private Instant lastPrinted = Instant.MIN;
    private String lastStatus = "";

    PlainLines(PrintWriter out) {
        this.out = out;
    }

    @Override
    public void show(JsonNode snapshot) {
        Instant now = Instant.now();
        String status = snapshot.path("status").asText();
        if (status.equals(lastStatus) && Duration.between(lastPrinted, now).compareTo(EVERY) < 0) {
            return;
        }
        lastPrinted = now;
        lastStatus = status;
        out.println(line(snapshot, LocalTime.now(), rates, now));
        out.flush();
    }

    static String line(JsonNode snapshot, LocalTime at, Rates rates, Instant now) {
        List<TargetRow> rows = TargetRow.of(snapshot);
        String documents = WholeMigration.isCounted(rows)
                ? WholeMigration.progress(rows, rates, now)
                : Formats.count(rows.stream().mapToLong(TargetRow::documents).sum()) + " documents";
        String line = CLOCK.format(at) + " " + Formats.heading(snapshot) + ", " + documents;
        return snapshot.hasNonNull("notice")
                ? line + ". " + snapshot.path("notice").asText()
                : line;
    }
}
