package com.clearmlmigrator.planner.statefiles;

import java.util.ArrayList;
import java.util.List;

/**
 * What the command did to the dataset state files of one place beside a relink or its undo: the part of the migration
 * that lies outside the stores, done on the host that reaches the place (the file server's folder, a bucket), and told
 * to the planner so that the migration's view, the dashboard and its undo know of it.
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
        List<String> problems) {
    static final int PROBLEMS_KEPT = 100;

    public StateFilesOutcome {
        problems = problems == null ? List.of() : List.copyOf(problems);
    }

    /**
     * The same with its first {@value #PROBLEMS_KEPT} problems and a count of the others: a folder of unreadable files
     * must not make a migration's view megabytes long.
     */
    StateFilesOutcome withFirstProblems() {
        if (problems.size() <= PROBLEMS_KEPT) {
            return this;
        }
        List<String> kept = new ArrayList<>(problems.subList(0, PROBLEMS_KEPT));
        kept.add("... and " + (problems.size() - PROBLEMS_KEPT) + " more");
        return new StateFilesOutcome(place, option, dryRun, ended, files, changed, links, already, kept);
    }
}
