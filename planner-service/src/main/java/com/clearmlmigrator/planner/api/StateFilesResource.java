package com.clearmlmigrator.planner.api;

import java.util.List;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.clearmlmigrator.planner.migration.InvalidRequestException;
import com.clearmlmigrator.planner.statefiles.StateFilesOutcome;
import com.clearmlmigrator.planner.statefiles.StateFilesRecording;

/**
 * The dataset state files of a relink or its undo: the command changes them on the host that reaches them (the file
 * server's folder, a bucket) and tells the planner what it did, place by place, so the migration's view shows it.
 */
@Path("/migrations/{id}/state-files")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "migrations")
@SecurityRequirement(name = ApiDescription.TOKEN)
public class StateFilesResource {
    private final StateFilesRecording recording;

    public StateFilesResource(StateFilesRecording recording) {
        this.recording = recording;
    }

    /** Keeps what was done in one place; told again for the same place, the newer replaces it. */
    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Tell what a relink or its undo did to the dataset state files of one place")
    public List<StateFilesOutcome> record(@PathParam("id") String id, StateFilesRequest body) {
        if (body == null) {
            throw new InvalidRequestException("The body is required: what was done to the state files of one place.");
        }
        return recording.record(id, body.toOutcome());
    }

    /**
     * Marks the originals a relink kept in one place for its undo as removed by {@code forget}: its view, its report
     * and the dashboard then no longer offer to restore that place. Told again, the first time is kept.
     */
    @PUT
    @Path("/forgotten")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Tell that `forget` removed what a relink kept in one place of state files for its undo")
    public List<StateFilesOutcome> forgotten(@PathParam("id") String id, StateFilesForgottenRequest body) {
        if (body == null) {
            throw new InvalidRequestException("The body is required: the place whose relink journal was forgotten.");
        }
        return recording.forget(id, body.placeGiven(), body.atOrNow());
    }

    @GET
    @Operation(summary = "What a relink or its undo did to dataset state files, by place")
    public List<StateFilesOutcome> of(@PathParam("id") String id) {
        return recording.of(id);
    }
}
