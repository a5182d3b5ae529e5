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
 * would fill a log with redraws. An es-copy knows its documents before it copies them, so its lines say how far the
 * copy has come and how long it has left at its pace so far, as the bars do per index.
 */
final class PlainLines implements ProgressDisplay {
    private static final Duration EVERY = Duration.ofSeconds(5);
    // Not LocalTime's toString, which leaves the seconds out when they are 0 ("14:19" between "14:18:54" and
    // "14:19:05").
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");
    // Not an index name: Rates keeps the pace of the whole copy under it.
    private static final String ALL_INDICES = "*";

    private final PrintWriter out;
    private final Rates rates = new Rates();
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
        long documents = rows.stream().mapToLong(TargetRow::documents).sum();
        String line = CLOCK.format(at) + " " + Formats.heading(snapshot) + ", " + Formats.count(documents);
        if (snapshot.path("copy").path("indices").isEmpty()) {
            line += " documents";
        } else {
            line += copied(rows, rates, now);
        }
        return snapshot.hasNonNull("notice")
                ? line + ". " + snapshot.path("notice").asText()
                : line;
    }

    /** {@code " of 1,054,610 documents (50%), about 0:58 left"}: the whole copy as one row. */
    private static String copied(List<TargetRow> indices, Rates rates, Instant now) {
        long copied = indices.stream().mapToLong(TargetRow::done).sum();
        long total = indices.stream().mapToLong(TargetRow::total).sum();
        TargetRow all = new TargetRow(ALL_INDICES, copied, total, copied, 0, null);
        String line = " of " + Formats.count(total) + " documents (" + Formats.percent(copied, total) + ")";
        rates.documentsPerSecond(all, now);
        Long left = rates.secondsLeft(all, now);
        return all.isDone() || left == null ? line : line + ", about " + Formats.duration(left) + " left";
    }
}
