package com.clearmlmigrator.planner.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import com.clearmlmigrator.planner.config.PlannerConfig;

/**
 * When {@code planner.api-token} is set, every call of the migrations API needs {@code Authorization: Bearer <token>}.
 * Health stays open for probes; the API description and Swagger UI are guarded by {@link ApiDocsGuard}. The comparison takes the same time whatever the token sent.
 */
public class ApiTokenFilter {
    private static final String BEARER = "Bearer ";

    private final Optional<byte[]> token;

    public ApiTokenFilter(PlannerConfig config) {
        this.token = config.apiToken().filter(t -> !t.isBlank()).map(t -> t.getBytes(StandardCharsets.UTF_8));
    }

    @ServerRequestFilter(preMatching = true)
    public Optional<Response> requireToken(ContainerRequestContext request) {
        if (token.isEmpty() || !request.getUriInfo().getPath().startsWith("/migrations")) {
            return Optional.empty();
        }
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        byte[] sent = header != null && header.startsWith(BEARER)
                ? header.substring(BEARER.length()).getBytes(StandardCharsets.UTF_8)
                : new byte[0];
        if (MessageDigest.isEqual(sent, token.get())) {
            return Optional.empty();
        }
        return Optional.of(Response.status(Response.Status.UNAUTHORIZED)
                .type("application/json")
                .entity(new ApiError("This planner requires 'Authorization: Bearer <token>' with the token set in"
                        + " planner.api-token (PLANNER_API_TOKEN)."))
                .build());
    }
}
