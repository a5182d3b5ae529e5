package com.clearmlmigrator.planner.api;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.clearmlmigrator.planner.migration.InvalidRequestException;

/**
 * The body of {@code PUT /migrations/{id}/state-files/forgotten}: the place where {@code forget} removed what a relink
 * kept for its undo.
 *
 * @param place the place as the relink told it: the file server's folder, or {@code s3://bucket/folder}
 * @param at    when it was forgotten, as the command wrote it in the place; now when left out
 */
public record StateFilesForgottenRequest(
        @Schema(required = true, examples = "s3://datasets/clearml")
        String place,

        @Schema(examples = "2026-12-06T18:35:06Z") Instant at) {

    /** @throws InvalidRequestException when no place is named */
    String placeGiven() {
        if (place == null || place.isBlank()) {
            throw new InvalidRequestException(
                    "Field 'place' is required: the folder or bucket whose relink journal was forgotten.");
        }
        return place;
    }

    /** To the second, as the command writes it. */
    Instant atOrNow() {
        return at == null ? Instant.now().truncatedTo(ChronoUnit.SECONDS) : at;
    }
}
