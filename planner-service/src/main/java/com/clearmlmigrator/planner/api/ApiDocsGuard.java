package com.clearmlmigrator.planner.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import com.clearmlmigrator.planner.config.PlannerConfig;

import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * When {@code planner.api-token} is set, the API description ({@code /q/openapi}) and Swagger UI ({@code
 * /q/swagger-ui}) need it too: they are Vert.x routes, out of {@link ApiTokenFilter}'s reach. A browser cannot send a
 * bearer token when it opens a page, so Basic authentication with the token as password (any user name) is accepted
 * beside {@code Authorization: Bearer <token>}; the browser asks for it once. In Swagger UI, "Authorize" takes the
 * token for the calls it makes.
 */
@ApplicationScoped
public class ApiDocsGuard {
    private static final String BEARER = "Bearer ";
    private static final String BASIC = "Basic ";

    void protect(@Observes Router router, PlannerConfig config) {
        Optional<byte[]> token =
                config.apiToken().filter(t -> !t.isBlank()).map(t -> t.getBytes(StandardCharsets.UTF_8));
        if (token.isEmpty()) {
            return;
        }
        router.route().order(Integer.MIN_VALUE).handler(context -> {
            String path = context.normalizedPath();
            if ((path.startsWith("/q/openapi") || path.startsWith("/q/swagger-ui"))
                    && !MessageDigest.isEqual(sent(context), token.get())) {
                context.response()
                        .setStatusCode(401)
                        .putHeader("WWW-Authenticate", "Basic realm=\"clearml-migrator\"")
                        .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                        .end("{\"error\":\"The API description needs the token set in planner.api-token"
                                + " (PLANNER_API_TOKEN): 'Authorization: Bearer <token>', or as the password when"
                                + " the browser asks.\"}");
                return;
            }
            context.next();
        });
    }

    /** The token sent as a bearer token or as a Basic password; empty when neither. */
    private static byte[] sent(RoutingContext context) {
        String header = context.request().getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null) {
            return new byte[0];
        }
        if (header.startsWith(BEARER)) {
            return header.substring(BEARER.length()).getBytes(StandardCharsets.UTF_8);
        }
        if (header.startsWith(BASIC)) {
            try {
                String userAndPassword = new String(
                        Base64.getDecoder().decode(header.substring(BASIC.length())), StandardCharsets.UTF_8);
                int colon = userAndPassword.indexOf(':');
                return colon < 0
                        ? new byte[0]
                        : userAndPassword.substring(colon + 1).getBytes(StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return new byte[0];
            }
        }
        return new byte[0];
    }
}
