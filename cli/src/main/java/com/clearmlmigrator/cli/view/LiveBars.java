package com.clearmlmigrator.cli.view;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One bar per collection and index, redrawn in place on a terminal: done of total, documents per second, time left.
 * The lines of the last drawing are overwritten with ANSI cursor moves, so the screen shows one picture, not a log.
 */
final class LiveBars implements ProgressDisplay {
    private static final int NAME_WIDTH = 44;
    private static final String UP_AND_CLEAR = "\u001b[%dF";
    private static final String CLEAR_LINE = "\u001b[2K";

    private final PrintWriter out;
    private final Rates rates = new Rates();
    private final Rates wholePace = WholeMigration.pace();
    private int drawn;

    LiveBars(PrintWriter out) {
        this.out = out;
    }

    @Override
    public void show(JsonNode snapshot) {
        List<String> lines = lines(snapshot, Instant.now());
        StringBuilder screen = new StringBuilder();
        if (drawn > 0) {
            screen.append(String.format(UP_AND_CLEAR, drawn));
        }
        for (String line : lines) {
            screen.append(CLEAR_LINE).append(line).append('\n');
        }
        // A shorter picture than the last one leaves no stale lines below it.
        for (int i = lines.size(); i < drawn; i++) {
            screen.append(CLEAR_LINE).append('\n');
        }
        out.print(screen);
        out.flush();
        drawn = Math.max(drawn, lines.size());
    }

    List<String> lines(JsonNode snapshot, Instant now) {
        List<String> lines = new ArrayList<>();
        List<TargetRow> rows = TargetRow.of(snapshot);
        lines.add(
                WholeMigration.isCounted(rows)
                        ? Formats.heading(snapshot) + ", " + WholeMigration.progress(rows, wholePace, now)
                        : Formats.heading(snapshot));
        for (TargetRow row : rows) {
            lines.add(String.format(
                    "  %-" + NAME_WIDTH + "s %s %s/%s  %s docs  %s  ETA %s%s",
                    Formats.name(row.name(), NAME_WIDTH),
                    Formats.bar(row.done(), row.total()),
                    Formats.count(row.done()),
                    Formats.count(row.total()),
                    Formats.count(row.documents()),
                    row.isDone() ? "done" : Formats.rate(rates.documentsPerSecond(row, now)),
                    Formats.duration(rates.secondsLeft(row, now)),
                    row.failed() > 0 ? "  " + row.failed() + " failed" : ""));
        }
        if (snapshot.hasNonNull("notice")) {
            lines.add("  ! " + snapshot.path("notice").asText());
        }
        return lines;
    }
}
