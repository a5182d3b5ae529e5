package com.clearmlmigrator.planner.api;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.clearmlmigrator.planner.migration.InvalidRequestException;
import com.clearmlmigrator.planner.migration.MigrationConflictException;
import com.clearmlmigrator.planner.migration.MigrationNotFoundException;
import com.clearmlmigrator.planner.migration.PlannerBusyException;

import io.quarkus.logging.Log;

/** Turns failures into JSON answers with a sentence to act on; never a stack trace, never a credential. */
public class ApiExceptionMappers {
    private static final int RETRY_AFTER_SECONDS = 60;

    @ServerExceptionMapper
    public Response invalidRequest(InvalidRequestException e) {
        return answer(Response.Status.BAD_REQUEST, e.getMessage());
    }

    @ServerExceptionMapper
    public Response notFound(MigrationNotFoundException e) {
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
