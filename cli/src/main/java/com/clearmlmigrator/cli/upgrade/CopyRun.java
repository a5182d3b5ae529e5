package com.clearmlmigrator.cli.upgrade;

import java.io.PrintWriter;
import java.util.function.Consumer;

/** Runs an es-copy through the migrator and follows it to its end. */
@FunctionalInterface
public interface CopyRun {
    /**
     * @param plannerUrl the local migrator's planner
     * @param log        where the progress and the report go besides the console
     * @param accepted   told the migration's id as soon as the planner accepts the copy
     * @return the command's exit code for how the copy ended ({@code 0} when every index was copied and verified)
     */
    int copy(String plannerUrl, String sourceUrl, String targetUrl, PrintWriter log, Consumer<String> accepted);
}
