package com.clearmlmigrator.cli.view;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A migration's collections and indices as one, when the planner counted their documents before it began (an es-copy's
 * indices; a relink's collections and indices, from planners that count them): how far the whole migration has come
 * and how long the rest takes at its pace so far, where the rows say it per collection and index.
 */
final class WholeMigration {
    // Not a collection or index name (neither may hold a '*'): Rates keeps the whole migration's pace under it.
    private static final String ALL = "*";
    // How far back the whole migration's pace looks: long enough to ride out a slow heartbeat, short enough to follow a
    // change of pace from debug images to plots.
    private static final Duration PACE_WINDOW = Duration.ofSeconds(60);

    private WholeMigration() {}

    /** What keeps the whole migration's pace, one per display. */
    static Rates pace() {
        return Rates.recent(PACE_WINDOW);
    }

    /** Whether every row's documents were counted when planned, so the whole can be told. */
    static boolean isCounted(List<TargetRow> rows) {
        return !rows.isEmpty() && rows.stream().allMatch(row -> row.planned() != null);
    }

    /**
     * {@code "534,796 of 1,054,610 documents (50%), about 0:58 left"}; the time left once the pace is known.
     *
     * @param rates the display's {@link #pace()}
     */
    static String progress(List<TargetRow> rows, Rates rates, Instant now) {
        long documents = rows.stream().mapToLong(TargetRow::documents).sum();
        long planned = rows.stream().mapToLong(TargetRow::planned).sum();
        TargetRow all = new TargetRow(ALL, documents, planned, documents, 0, null, planned);
        String line = Formats.count(documents) + " of " + Formats.count(planned) + " documents ("
                + Formats.percent(documents, planned) + ")";
        rates.documentsPerSecond(all, now);
        Long left = rates.secondsLeft(all, now);
        return all.isDone() || left == null ? line : line + ", about " + Formats.duration(left) + " left";
    }
}
