package com.clearmlmigrator.planner.api;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.clearmlmigrator.planner.migration.InvalidRequestException;
import com.clearmlmigrator.planner.migration.MigrationConflictException;
import com.clearmlmigrator.planner.migration.MigrationNotFoundException;
import com.clearmlmigrator.planner.migration.PlannerBusyException;
import com.clearmlmigrator.planner.statefiles.StateFilesPlaceNotFoundException;
import com.clearmlmigrator.stores.MongoConnections;
import com.mongodb.ConnectionString;
import com.mongodb.MongoException;

import io.quarkus.logging.Log;

/** Turns failures into JSON answers with a sentence to act on; never a stack trace, never a credential. */
public class ApiExceptionMappers {
    private static final int RETRY_AFTER_SECONDS = 60;
    private static final int STORE_RETRY_AFTER_SECONDS = 10;

    @ServerExceptionMapper
    public Response invalidRequest(InvalidRequestException e) {
        return answer(Response.Status.BAD_REQUEST, e.getMessage());
    }

    @ServerExceptionMapper({MigrationNotFoundException.class, StateFilesPlaceNotFoundException.class})
    public Response notFound(RuntimeException e) {
        return answer(Response.Status.NOT_FOUND, e.getMessage());
    }

    @ServerExceptionMapper
    public Response conflict(MigrationConflictException e) {
        return answer(Response.Status.CONFLICT, e.getMessage());
    }

    @ServerExceptionMapper
    public Response busy(PlannerBusyException e) {
        return Response.fromResponse(answer(Response.Status.SERVICE_UNAVAILABLE, e.getMessage()))
                .header("Retry-After", RETRY_AFTER_SECONDS)
                .build();
    }

    @ServerExceptionMapper
    public Response framework(WebApplicationException e) {
        Response.StatusType status = e.getResponse().getStatusInfo();
        return answer(status, status.getReasonPhrase() + ".");
    }

    /** The planner's own database away (restarting, say): a 503 to try again, not an internal error. */
    @ServerExceptionMapper
    public Response storeAway(MongoException e) {
        if (!MongoConnections.isUnreachable(e)) {
            return unexpected(e);
        }
        Log.warnf("Answered 503: the planner's database is unreachable: %s", e.getMessage());
        String hosts = ConfigProvider.getConfig()
                .getOptionalValue("quarkus.mongodb.connection-string", String.class)
                .map(uri -> " at " + String.join(",", new ConnectionString(uri).getHosts()))
                .orElse("");
        return Response.fromResponse(answer(
                        Response.Status.SERVICE_UNAVAILABLE,
                        "The planner's database (MongoDB" + hosts + ", where it keeps every migration) does not answer"
                                + " just now; try again once it is back. Migrations under way go on then: their"
                                + " results wait in Kafka."))
                .header("Retry-After", STORE_RETRY_AFTER_SECONDS)
                .build();
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e) {
        Log.error("Unexpected error while answering a request", e);
        return answer(Response.Status.INTERNAL_SERVER_ERROR, "Internal error; the planner log has the details.");
    }

    private static Response answer(Response.StatusType status, String message) {
        return Response.status(status)
                .type("application/json")
                .entity(new ApiError(message))
                .build();
    }
}
