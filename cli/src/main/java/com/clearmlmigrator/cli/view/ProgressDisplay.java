package com.clearmlmigrator.cli.view;

import java.io.PrintWriter;

import com.fasterxml.jackson.databind.JsonNode;

/** Shows a migration's snapshots as they arrive: redrawn bars on a terminal, a plain line now and then elsewhere. */
public interface ProgressDisplay {
    void show(JsonNode snapshot);

    /**
     * The right display for this output: bars when a person watches a terminal, lines for logs and pipes; the planner's
     * notices in the command's words (a store that does not answer is followed by {@code clearml-migrator retry ID},
     * not the endpoint).
     */
    static ProgressDisplay forOutput(PrintWriter out, boolean terminal, CliWording wording) {
        ProgressDisplay display = terminal ? new LiveBars(out) : new PlainLines(out);
        return snapshot -> display.show(wording.notice(snapshot));
    }
}
