package com.clearmlmigrator.cli.view;

import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;

/** How numbers, times and bars read in the command's output. */
final class Formats {
    private static final int BAR_WIDTH = 24;

    private Formats() {}

    static String count(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    /**
     * Whole percents, rounded down: a copy shows 100% only once every document is copied. At most 100: a relink scans
     * the documents ClearML wrote after it was planned too.
     */
    static String percent(long done, long total) {
        return (total <= 0 ? 0 : Math.min(100, done * 100 / total)) + "%";
    }

    static String rate(double perSecond) {
        return perSecond < 1 ? "-" : String.format(Locale.ROOT, "%,.0f/s", perSecond);
    }

    /** {@code 1:02:03}, {@code 2:03}, or "-" when unknown. */
    static String duration(Long seconds) {
        if (seconds == null) {
            return "-";
        }
        long h = seconds / 3600;
        long m = seconds % 3600 / 60;
        long s = seconds % 60;
        return h > 0
                ? String.format(Locale.ROOT, "%d:%02d:%02d", h, m, s)
                : String.format(Locale.ROOT, "%d:%02d", m, s);
    }

    static String bar(long done, long total) {
        int filled = total <= 0 ? 0 : (int) Math.min(BAR_WIDTH, done * BAR_WIDTH / total);
        return "[" + "#".repeat(filled) + ".".repeat(BAR_WIDTH - filled) + "]";
    }

    /**
     * A name cut to {@code width} characters from the left, where ClearML's index names differ (their company). Only
     * for lines redrawn in place, which must fit the terminal; a table printed once shows names whole.
     */
    static String name(String name, int width) {
        return name.length() <= width ? name : "…" + name.substring(name.length() - width + 1);
    }

    /**
     * The width of a column that shows its heading and each row's {@code field} whole: an operator copies an index name
     * or a URL prefix from a report into the next command, so a cut one is of no use.
     */
    static int widthFor(String heading, Iterable<JsonNode> rows, String field) {
        int width = Math.max(1, heading.length()); // a width of 0 would read as the 0 flag of %-0s
        for (JsonNode row : rows) {
            width = Math.max(width, row.path(field).asText().length());
        }
        return width;
    }

    /** The heading line of a snapshot: kind, id, status and task counts. */
    static String heading(JsonNode snapshot) {
        JsonNode tasks = snapshot.path("tasks");
        String line = snapshot.path("kind").asText() + " " + snapshot.path("id").asText() + "  "
                + snapshot.path("status").asText() + "  tasks "
                + tasks.path("succeeded").asInt() + "/"
                + tasks.path("total").asInt() + " done";
        int failed = tasks.path("failed").asInt();
        return failed > 0 ? line + ", " + failed + " failed" : line;
    }
}
