package com.clearmlmigrator.planner.api;

import jakarta.ws.rs.core.Application;

import org.eclipse.microprofile.openapi.annotations.Components;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/**
 * What the API description ({@code /q/openapi}) says once for every operation that needs it: the title, the API token,
 * the answer to an accepted migration and the optional connections of undo and retry. The error answers are added by
 * {@link ErrorAnswers}. An {@link Application} because that is where the scanner reads this definition; it adds no
 * path and registers nothing.
 */
@OpenAPIDefinition(
        info =
                @Info(
                        title = "clearml-migrator planner",
                        version = "0.1.0",
                        description =
                                "Relink a ClearML server's stored URLs and copy its Elasticsearch indices to a newer"
                                        + " version: submit a migration, follow it, retry, cancel or undo it."),
        components =
                @Components(
                        securitySchemes =
                                @SecurityScheme(
                                        securitySchemeName = ApiDescription.TOKEN,
                                        type = SecuritySchemeType.HTTP,
                                        scheme = "bearer",
                                        description =
                                                "The token set in planner.api-token (PLANNER_API_TOKEN), when one is set"),
                        responses =
                                @APIResponse(
                                        name = ApiDescription.ACCEPTED,
                                        description = "Accepted as a migration; follow it at Location",
                                        content =
                                                @Content(
                                                        mediaType = "application/json",
                                                        schema = @Schema(implementation = AcceptedView.class))),
                        requestBodies =
                                @RequestBody(
                                        name = ApiDescription.CONNECTIONS,
                                        required = false,
                                        description = "The connections again, when the migration used credentials",
                                        content =
                                                @Content(
                                                        mediaType = "application/json",
                                                        schema = @Schema(implementation = ConnectionsRequest.class)))))
public class ApiDescription extends Application {
    static final String TOKEN = "apiToken";
    static final String ACCEPTED = "accepted";
    static final String CONNECTIONS = "connections";
}
