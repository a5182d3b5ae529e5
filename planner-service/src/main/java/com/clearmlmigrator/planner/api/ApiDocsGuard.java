package com.clearmlmigrator.planner.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import com.clearmlmigrator.planner.config.PlannerConfig;

import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;

/**
 * When {@code planner.api-token} is set, the API description ({@code /q/openapi}) and Swagger UI ({@code
 * /q/swagger-ui}) need it too: they are Vert.x routes, out of {@link ApiTokenFilter}'s reach. A browser cannot send a
 * bearer token when it opens a page, so Basic authentication with the token as password (any user name) is accepted
 * beside {@code Authorization: Bearer <token>}; the browser asks for it once. In Swagger UI, "Authorize" takes the
 * token for the calls it makes.
 */
@ApplicationScoped
public class ApiDocsGuard {
    void protect(@Observes Router router, PlannerConfig config) {
        ApiToken token = new ApiToken(config);
        if (!token.isSet()) {
            return;
        }
        router.route().order(Integer.MIN_VALUE).handler(context -> {
            String path = context.normalizedPath();
            if ((path.startsWith("/q/openapi") || path.startsWith("/q/swagger-ui"))
                    && !token.presentedAsBearerOrBasic(context.request().getHeader(HttpHeaders.AUTHORIZATION))) {
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
}
