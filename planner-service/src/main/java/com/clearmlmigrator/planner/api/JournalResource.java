package com.clearmlmigrator.planner.api;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.clearmlmigrator.planner.undo.JournalForgetting;
import com.clearmlmigrator.planner.undo.JournalState;

/**
 * A relink's journal in the stores: the previous values its undo restores, kept in the migrator's database until the
 * operator forgets them.
 */
@Path("/migrations/{id}/journal")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "migrations")
@SecurityRequirement(name = ApiDescription.TOKEN)
public class JournalResource {
    private final JournalForgetting forgetting;

    public JournalResource(JournalForgetting forgetting) {
        this.forgetting = forgetting;
    }

    @GET
    @Operation(summary = "How many documents' previous values a relink keeps for its undo, or when they were forgotten")
    public JournalState of(@PathParam("id") String id) {
        return forgetting.of(id);
    }

    /** Told again, removes what is left and keeps the first time. */
    @DELETE
    @Operation(summary = "Forget a finished relink's journal: it can no longer be undone")
    public JournalState forget(@PathParam("id") String id) {
        // To the second: the operator reads it back in sentences.
        return forgetting.forget(id, Instant.now().truncatedTo(ChronoUnit.SECONDS));
    }
}
