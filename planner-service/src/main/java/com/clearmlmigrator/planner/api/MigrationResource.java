package com.clearmlmigrator.planner.api;

import java.net.URI;
import java.util.List;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.clearmlmigrator.planner.escopy.CopySummary;
import com.clearmlmigrator.planner.inspect.InspectReport;
import com.clearmlmigrator.planner.lifecycle.MigrationCancellation;
import com.clearmlmigrator.planner.lifecycle.MigrationRetry;
import com.clearmlmigrator.planner.lifecycle.MigrationSubmission;
import com.clearmlmigrator.planner.migration.Migration;
import com.clearmlmigrator.planner.migration.MigrationConflictException;
import com.clearmlmigrator.planner.migration.MigrationKind;
import com.clearmlmigrator.planner.relink.ElasticRequestExport;
import com.clearmlmigrator.planner.relink.RelinkSummary;

/** Submit and follow migrations. */
@Path("/migrations")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "migrations", description = "Submit, follow, retry, cancel and undo migrations")
@SecurityRequirement(name = ApiDescription.TOKEN)
public class MigrationResource {

    private final MigrationSubmission submission;
    private final MigrationCancellation cancellation;
    private final MigrationRetry retry;
    private final MigrationViews views;

    public MigrationResource(
            MigrationSubmission submission,
            MigrationCancellation cancellation,
            MigrationRetry retry,
            MigrationViews views) {
        this.submission = submission;
        this.cancellation = cancellation;
        this.retry = retry;
        this.views = views;
    }

    /** Accepts a migration and plans it in the background; 202 with its id, 400 with a reason for bad input. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Submit a migration: inspect, relink, undo or es-copy")
    @APIResponse(responseCode = "202", ref = ApiDescription.ACCEPTED)
    public Response submit(
            @RequestBody(
                            required = true,
                            content =
                                    @Content(
                                            mediaType = MediaType.APPLICATION_JSON,
                                            schema = @Schema(implementation = MigrationRequest.class)))
                    MigrationRequest request) {
        return accepted(submission.submit(request.toOrder()));
    }

    private static Response accepted(Migration migration) {
        return Response.accepted(new AcceptedView(migration.id(), migration.status()))
                .location(URI.create("/migrations/" + migration.id()))
                .build();
    }

    /**
     * The Elasticsearch requests equivalent to a relink, to run by hand where the migrator cannot reach the cluster;
     * they come with the caveats that make a relink migration the safer choice.
     */
    @GET
    @Path("/{id}/elastic-requests")
    public ElasticRequestExport elasticRequests(@PathParam("id") String id) {
        Migration migration = find(id);
        if (migration.kind() != MigrationKind.RELINK) {
            throw new MigrationConflictException("Migration " + id + " is a "
                    + migration.kind().wireName() + "; only relinks have equivalent Elasticsearch requests.");
        }
        return ElasticRequestExport.of(migration.relink());
    }

    /**
     * Starts an undo of a finished relink: restores every value the relink changed, from its journal. The body may
     * give the connections again (required when the relink used credentials, which are never stored).
     */
    @POST
    @Path("/{id}/undo")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Undo a finished relink from its journal")
    @APIResponse(responseCode = "202", ref = ApiDescription.ACCEPTED)
    public Response undo(
            @PathParam("id") String id, @RequestBody(ref = ApiDescription.CONNECTIONS) ConnectionsRequest body) {
        ConnectionsRequest again = orNone(body);
        return accepted(submission.submitUndo(find(id), again.mongoEndpoint(), again.elasticEndpoint()));
    }

    /**
     * Sends the failed tasks of a migration that completed with errors again. The body may give the connections
     * again (required when the migration used credentials, which are never stored).
     */
    @POST
    @Path("/{id}/retry")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Send a migration's failed tasks again")
    @APIResponse(responseCode = "202", ref = ApiDescription.ACCEPTED)
    public Response retry(
            @PathParam("id") String id, @RequestBody(ref = ApiDescription.CONNECTIONS) ConnectionsRequest body) {
        ConnectionsRequest again = orNone(body);
        return accepted(
                retry.retry(find(id), again.mongoEndpoint(), again.elasticOrTargetEndpoint(), again.sourceEndpoint()));
    }

    /** Cancels a migration that has not ended; 409 when it has. */
    @POST
    @Path("/{id}/cancel")
    @Consumes(MediaType.WILDCARD)
    public MigrationView cancel(@PathParam("id") String id) {
        return views.summary(cancellation.cancel(find(id)));
    }

    /** The most recent migrations first. */
    @GET
    public List<MigrationView> list() {
        return views.recent();
    }

    @GET
    @Path("/{id}")
    public MigrationView get(@PathParam("id") String id) {
        return views.current(id);
    }

    /** What the migration found or did, task by task, with every failure and its reason. */
    @GET
    @Path("/{id}/report")
    @APIResponse(
            responseCode = "200",
            description = "The report of the migration's kind",
            content = @Content(schema = @Schema(oneOf = {InspectReport.class, RelinkSummary.class, CopySummary.class})))
    public Object report(@PathParam("id") String id) {
        return views.report(id);
    }

    private Migration find(String id) {
        return views.find(id);
    }

    /** The optional body of undo and retry: the connections again, or none. */
    private static ConnectionsRequest orNone(ConnectionsRequest body) {
        return body == null ? ConnectionsRequest.NONE : body;
    }
}
