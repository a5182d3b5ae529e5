package com.clearmlmigrator.cli.files;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import com.clearmlmigrator.cli.upgrade.Sizes;

/**
 * A relink's journal in one place of state files, forgotten once the relink is to be kept: the originals it kept there
 * for its undo take room in the operator's own bucket or disk (as much as the state files it changed), for as long as
 * nobody removes them.
 *
 * @param place           the file server's folder, or a bucket
 * @param relinkId        the relink whose journal it is
 * @param kept            what the journal held when looked at
 * @param forgottenBefore when an earlier forget was asked, if one was
 * @param dryRun          whether it was only looked at
 * @param problem         why the journal could not be forgotten (or read), if so
 */
public record StateFilesForgetting(
        StateFilePlace.Description place,
        String relinkId,
        StateFileJournal.Kept kept,
        Optional<Instant> forgottenBefore,
        boolean dryRun,
        String problem) {

    /** Forgets the relink's journal in the place, or with {@code dryRun} says what forgetting it would remove. */
    public static StateFilesForgetting in(StateFilePlace place, String relinkId, boolean dryRun, Instant now) {
        StateFileJournal journal = place.journal(relinkId);
        StateFileJournal.Kept kept = new StateFileJournal.Kept(0, 0);
        Optional<Instant> before = Optional.empty();
        try {
            before = journal.forgottenAt();
            // Again after an earlier forget too: one stopped midway left part of the journal.
            kept = dryRun ? journal.kept() : journal.forget(now);
            return new StateFilesForgetting(place.description(), relinkId, kept, before, dryRun, null);
        } catch (IOException | RuntimeException e) {
            return new StateFilesForgetting(
                    place.description(), relinkId, kept, before, dryRun, StateFilesRelink.why(e));
        }
    }

    /** What the operator reads of the place. */
    public List<String> lines() {
        String where = "Dataset state files under " + place.where() + ": ";
        String journal = "the journal of relink " + relinkId;
        if (problem != null) {
            return List.of(
                    where + journal + " could not be " + (dryRun ? "read" : "forgotten") + ": " + problem,
                    "  The same command again " + (dryRun ? "looks again." : "finishes it."));
        }
        String originals = kept.originals() + " original" + (kept.originals() == 1 ? "" : "s") + " ("
                + Sizes.of(kept.bytes()) + ")";
        if (forgottenBefore.isPresent()) {
            return List.of(where + journal + " was forgotten on " + forgottenBefore.get()
                    + (kept.bytes() > 0 && !dryRun ? "; what was left of it is removed now." : "."));
        }
        if (kept.originals() == 0) {
            return List.of(where + "relink " + relinkId + " changed none here: it keeps no journal to forget.");
        }
        String journals = place.journals();
        String in = journals == null
                ? ""
                : " in " + journals + (journals.endsWith("/") ? "" : "/") + "relink-" + relinkId + "/";
        return dryRun
                ? List.of(
                        where + "relink " + relinkId + " keeps " + originals + in + ".",
                        "  Forgetting them (without --dry-run) leaves the files with their new links for good: its"
                                + " undo restores none of them after it.")
                : List.of(
                        where + journal + " is forgotten: " + originals + " removed" + in + ".",
                        "  The files keep their new links; its undo restores none of them now.");
    }

    /**
     * When the place's journal counts as forgotten after this, for the planner: empty after a dry run, a problem, or in
     * a place where the relink changed nothing (no mark is left there).
     *
     * @param now the time this forget wrote, when it was the first
     */
    public Optional<Instant> forgottenAt(Instant now) {
        if (dryRun || problem != null) {
            return Optional.empty();
        }
        return forgottenBefore.or(() -> kept.originals() > 0 ? Optional.of(now) : Optional.empty());
    }

    /** Whether the command should end with an error for this place. */
    public boolean failed() {
        return problem != null;
    }
}
