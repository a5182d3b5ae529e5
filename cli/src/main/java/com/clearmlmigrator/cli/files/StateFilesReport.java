package com.clearmlmigrator.cli.files;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What a relink or its undo did to the dataset state files of one place.
 *
 * @param place    the file server's folder, or a bucket
 * @param files    state files read (for an undo: files the relink had changed)
 * @param changed  files changed (for an undo: restored); for a dry run, files that would change
 * @param links    links rewritten, or that would be
 * @param already  links already under the new prefix (for an undo: files found restored already)
 * @param problems files left as they are, each with why
 */
public record StateFilesReport(
        StateFilePlace.Description place,
        int files,
        int changed,
        int links,
        int already,
        List<String> problems,
        boolean dryRun) {
    private static final int PROBLEMS_SHOWN = 10;

    public StateFilesReport {
        problems = List.copyOf(problems);
    }

    /** What the planner is told, so the migration's view, the dashboard and its undo know of it. */
    public Map<String, Object> toOutcome() {
        Map<String, Object> outcome = outcomeIn(place, dryRun, true);
        outcome.put("files", files);
        outcome.put("changed", changed);
        outcome.put("links", links);
        outcome.put("already", already);
        outcome.put("problems", problems);
        return outcome;
    }

    /**
     * What the planner is told as the command begins in a place, before it changes a file: should the command be stopped
     * there (killed, its host lost), the migration's view, the dashboard and its undo still know the place was reached.
     */
    public static Map<String, Object> begun(StateFilePlace.Description place, boolean dryRun) {
        return outcomeIn(place, dryRun, false);
    }

    /** What every outcome told of a place starts with; the caller adds its counts. */
    static Map<String, Object> outcomeIn(StateFilePlace.Description place, boolean dryRun, boolean ended) {
        Map<String, Object> outcome = new LinkedHashMap<>();
        outcome.put("place", place.where());
        outcome.put("option", place.option());
        outcome.put("dryRun", dryRun);
        outcome.put("ended", ended);
        return outcome;
    }

    /** What the operator reads of a place as the planner keeps it, in the report of a relink or an undo. */
    public static List<String> toldLines(JsonNode outcome, boolean undo) {
        Optional<String> forgotten =
                Optional.ofNullable(outcome.path("forgotten").textValue());
        if (outcome.path("ended").asBoolean(true)) {
            StateFilesReport told = told(outcome);
            return undo ? told.undoLines() : told.relinkLines(forgotten);
        }
        String where = "Dataset state files under " + outcome.path("place").asText() + ": the ";
        if (outcome.path("dryRun").asBoolean()) {
            return List.of(where + "dry run began there and has not told its end; it changes nothing.");
        }
        String option = outcome.path("option").asText();
        if (forgotten.isPresent() && !undo) {
            return List.of(
                    where + "relink began there and did not tell its end.",
                    "  Its journal there was forgotten on " + forgotten.get() + " (`forget`): `undo` restores none of"
                            + " what it changed.");
        }
        return List.of(
                where + (undo ? "undo" : "relink")
                        + " began there and has not told its end: its command is still at it, or it was stopped.",
                "  Its journal there holds what it did; " + (undo ? "the same undo again" : "`undo`") + " with "
                        + option + " restores " + (undo ? "the rest." : "what it changed."));
    }

    /** A report as the planner keeps it (what {@link #toOutcome} told it), to read again with the migration. */
    static StateFilesReport told(JsonNode outcome) {
        return new StateFilesReport(
                toldPlace(outcome),
                outcome.path("files").asInt(),
                outcome.path("changed").asInt(),
                outcome.path("links").asInt(),
                outcome.path("already").asInt(),
                toldProblems(outcome),
                outcome.path("dryRun").asBoolean());
    }

    /** The place of an outcome the planner keeps, as far as it was told. */
    static StateFilePlace.Description toldPlace(JsonNode outcome) {
        return new StateFilePlace.Description(
                outcome.path("place").asText(),
                null,
                outcome.path("option").asText(),
                "is it where ClearML keeps them?");
    }

    static List<String> toldProblems(JsonNode outcome) {
        List<String> problems = new ArrayList<>();
        outcome.path("problems").forEach(problem -> problems.add(problem.asText()));
        return problems;
    }

    /** What the operator reads after a relink. */
    public List<String> relinkLines() {
        return relinkLines(Optional.empty());
    }

    /**
     * What the operator reads of a relink.
     *
     * @param forgotten when {@code forget} removed the originals kept here for its undo, if it did
     */
    List<String> relinkLines(Optional<String> forgotten) {
        List<String> lines = new ArrayList<>();
        if (files == 0) {
            lines.add(
                    "Dataset state files: none under " + place.where() + " (ClearML keeps them as <project>/.datasets/"
                            + "<name>/<name>.<id>/artifacts/state/state.json; " + place.isIt() + ").");
            addProblemsOfRelink(lines);
            return lines;
        }
        String verb = dryRun ? "would change" : "changed";
        lines.add("Dataset state files under " + place.where() + ": " + files + " read, " + links
                + " external-file links in "
                + changed + " of them " + verb + (already > 0 ? ", " + already + " already held the new prefix" : "")
                + ".");
        if (changed > 0 && !dryRun) {
            lines.add(forgotten
                    .map(on -> "  Their originals were forgotten on " + on + " (`forget`): they keep the new links;"
                            + " `undo` restores none of them.")
                    .orElse("  Their originals are kept" + (place.journals() == null ? "" : " in " + place.journals())
                            + "; `undo` with " + place.option() + " restores them."));
            lines.add("  Machines that fetched these datasets before keep a cached copy of their state until it is"
                    + " cleared (~/.clearml/cache/storage_manager/datasets).");
        }
        addProblemsOfRelink(lines);
        return lines;
    }

    /** A relink's problems, and how the files left get relinked: a relink is idempotent, so the same one again. */
    private void addProblemsOfRelink(List<String> lines) {
        if (!problems.isEmpty() && !dryRun) {
            lines.add("  The same relink again relinks the files below once their cause is mended; what this one"
                    + " changed is then counted as holding the new prefix.");
        }
        addProblems(lines);
    }

    /** What the operator reads after an undo. */
    public List<String> undoLines() {
        List<String> lines = new ArrayList<>();
        if (files == 0 && problems.isEmpty()) {
            lines.add("Dataset state files: the relink changed none under " + place.where() + ".");
            return lines;
        }
        if (files == 0) {
            lines.add("Dataset state files under " + place.where() + ": none restored.");
            addProblems(lines);
            return lines;
        }
        lines.add("Dataset state files under " + place.where() + ": " + changed + " of the " + files
                + " the relink changed restored" + (already > 0 ? ", " + already + " found restored already" : "")
                + ".");
        addProblems(lines);
        return lines;
    }

    private void addProblems(List<String> lines) {
        problems.stream().limit(PROBLEMS_SHOWN).forEach(problem -> lines.add("  Left as it is: " + problem));
        if (problems.size() > PROBLEMS_SHOWN) {
            lines.add("  ... and " + (problems.size() - PROBLEMS_SHOWN) + " more.");
        }
    }
}
