package com.clearmlmigrator.planner.statefiles;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What the command did to the dataset state files of one place beside a relink, its undo or an inspection: the part of
 * the migration that lies outside the stores, done on the host that reaches the place (the file server's folder, a
 * bucket), and told to the planner so that the migration's view, the dashboard and its undo know of it.
 *
 * @param place    where: the folder, or {@code s3://bucket/folder}
 * @param option   the command's option that names the place again, which an undo needs to restore it
 * @param dryRun   whether it only counted
 * @param ended    false while the command has told only that it began here: it is still at it, or it was stopped
 *                 (killed, the host lost) before telling its end, and its journal in the place holds what it did
 * @param files    state files read (an undo: files the relink had changed)
 * @param changed  files changed (an undo: restored); a dry run: files that would change
 * @param links    links rewritten, or that would be
 * @param already  links already under the new prefix (an undo: files found restored already)
 * @param problems files left as they were, each with why
 * @param origins  an inspection's census: the origins the files' external links start with, most linked first
 * @param forgotten when {@code forget} removed the originals a relink kept in the place for its undo; null while they
 *                 are kept: after it the files keep the relink's links, and its undo restores none of them
 */
public record StateFilesOutcome(
        String place,
        String option,
        boolean dryRun,
        boolean ended,
        int files,
        int changed,
        int links,
        int already,
        List<String> problems,
        List<Origin> origins,
        Instant forgotten) {
    static final int PROBLEMS_KEPT = 100;
    static final int ORIGINS_KEPT = 100;

    public StateFilesOutcome {
        problems = problems == null ? List.of() : List.copyOf(problems);
        origins = origins == null ? List.of() : List.copyOf(origins);
    }

    /**
     * An origin (scheme, host and port, or bucket) the links of an inspected place's state files start with.
     *
     * @param links how many links start with it
     */
    public record Origin(String origin, long links) {}

    /**
     * The same with its first {@value #PROBLEMS_KEPT} problems and a count of the others, and its {@value #ORIGINS_KEPT}
     * most linked origins: a folder of unreadable files, or of links to every host there is, must not make a migration's
     * view megabytes long.
     */
    StateFilesOutcome bounded() {
        List<String> keptProblems = problems;
        if (problems.size() > PROBLEMS_KEPT) {
            keptProblems = new ArrayList<>(problems.subList(0, PROBLEMS_KEPT));
            keptProblems.add("... and " + (problems.size() - PROBLEMS_KEPT) + " more");
        }
        List<Origin> keptOrigins = origins.stream()
                .sorted(Comparator.comparingLong(Origin::links).reversed().thenComparing(Origin::origin))
                .limit(ORIGINS_KEPT)
                .toList();
        return new StateFilesOutcome(
                place, option, dryRun, ended, files, changed, links, already, keptProblems, keptOrigins, forgotten);
    }
}
