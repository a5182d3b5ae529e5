package com.clearmlmigrator.planner.api;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.clearmlmigrator.planner.migration.InvalidRequestException;
import com.clearmlmigrator.planner.statefiles.StateFilesOutcome;

/**
 * The body of {@code PUT /migrations/{id}/state-files}: what the command did to the dataset state files of one place,
 * or found there in an inspection.
 *
 * @param place    the file server's folder, or {@code s3://bucket/folder}
 * @param option   the command's option that names the place again, for an undo
 * @param dryRun   whether it only counted
 * @param ended    false when told as the command begins in the place, before any file is changed, so that a
 *                 command stopped mid-way leaves its trace; true (or left out, as older commands do) once it ended
 * @param files    state files read
 * @param changed  files changed (an undo: restored)
 * @param links    links rewritten
 * @param already  links already under the new prefix (an undo: files found restored already)
 * @param problems files left as they were, each with why
 * @param origins  an inspection's census: each origin the links start with ({@code origin}) and how many do
 *                 ({@code links})
 *     <p>Counts left out are 0, {@code dryRun} false and {@code ended} true.
 */
public record StateFilesRequest(
        @Schema(required = true, examples = "/opt/clearml/data/fileserver")
        String place,

        @Schema(examples = "--fileserver-folder /opt/clearml/data/fileserver")
        String option,

        Boolean dryRun,
        Boolean ended,
        Integer files,
        Integer changed,
        Integer links,
        Integer already,
        List<String> problems,
        List<StateFilesOutcome.Origin> origins) {
    private static final int LONGEST_PLACE = 4096;

    /** @throws InvalidRequestException with a sentence for what is wrong */
    StateFilesOutcome toOutcome() {
        if (place == null || place.isBlank()) {
            throw new InvalidRequestException(
                    "Field 'place' is required: the folder or bucket the state files are in.");
        }
        if (place.length() > LONGEST_PLACE || (option != null && option.length() > LONGEST_PLACE)) {
            throw new InvalidRequestException(
                    "Fields 'place' and 'option' take at most " + LONGEST_PLACE + " characters.");
        }
        if (count(files) < 0 || count(changed) < 0 || count(links) < 0 || count(already) < 0) {
            throw new InvalidRequestException(
                    "Fields 'files', 'changed', 'links' and 'already' are counts: 0 or more.");
        }
        if (origins != null
                && origins.stream()
                        .anyMatch(origin -> origin == null
                                || origin.origin() == null
                                || origin.origin().isBlank()
                                || origin.origin().length() > LONGEST_PLACE
                                || origin.links() < 0)) {
            throw new InvalidRequestException("Each of 'origins' is {\"origin\": \"s3://bucket\", \"links\": 12}: an"
                    + " origin of at most " + LONGEST_PLACE + " characters, and a count of 0 or more.");
        }
        return new StateFilesOutcome(
                place,
                option,
                Boolean.TRUE.equals(dryRun),
                !Boolean.FALSE.equals(ended),
                count(files),
                count(changed),
                count(links),
                count(already),
                problems,
                origins,
                null);
    }

    private static int count(Integer given) {
        return given == null ? 0 : given;
    }
}
