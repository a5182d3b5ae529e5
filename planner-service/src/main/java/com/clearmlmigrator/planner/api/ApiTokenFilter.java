package com.clearmlmigrator.planner.api;

import java.util.Optional;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import com.clearmlmigrator.planner.config.PlannerConfig;

/**
 * When {@code planner.api-token} is set, every call of the migrations API needs {@code Authorization: Bearer <token>}.
 * Health stays open for probes; the API description and Swagger UI are guarded by {@link ApiDocsGuard}.
 */
public class ApiTokenFilter {
    private final ApiToken token;

    public ApiTokenFilter(PlannerConfig config) {
        this.token = new ApiToken(config);
    }

    @ServerRequestFilter(preMatching = true)
    public Optional<Response> requireToken(ContainerRequestContext request) {
        if (!token.isSet()
                || !request.getUriInfo().getPath().startsWith("/migrations")
                || token.presentedAsBearer(request.getHeaderString(HttpHeaders.AUTHORIZATION))) {
            return Optional.empty();
        }
        return Optional.of(Response.status(Response.Status.UNAUTHORIZED)
                .type("application/json")
                .entity(new ApiError("This planner requires 'Authorization: Bearer <token>' with the token set in"
                        + " planner.api-token (PLANNER_API_TOKEN)."))
                .build());
    }
}
