package com.clearmlmigrator.planner.api;

import java.util.LinkedHashMap;
import java.util.Map;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

import io.quarkus.smallrye.openapi.OpenApiFilter;

/**
 * Adds the error answers every operation can give to the API description, each with its {@link ApiError} body, in one
 * place rather than on every method: bad input and a missing or wrong token everywhere; an unknown id and a state that
 * forbids the call where the path names a migration.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class ErrorAnswers implements OASFilter {
    private static final Map<String, String> EVERYWHERE = new LinkedHashMap<>();
    private static final Map<String, String> ON_A_MIGRATION = new LinkedHashMap<>();

    static {
        EVERYWHERE.put("400", "Bad input, with a sentence saying what to change");
        EVERYWHERE.put("401", "The API token is missing or wrong");
        ON_A_MIGRATION.put("404", "No migration has this id");
        ON_A_MIGRATION.put("409", "The migration is not in a state that allows this");
    }

    @Override
    public Operation filterOperation(Operation operation) {
        EVERYWHERE.forEach((code, description) -> add(operation, code, description));
        boolean onAMigration = operation.getParameters() != null
                && operation.getParameters().stream().anyMatch(p -> "id".equals(p.getName()));
        if (onAMigration) {
            ON_A_MIGRATION.forEach((code, description) -> add(operation, code, description));
        }
        return operation;
    }

    /** Replaces what the scanner made of the code (a bare "Bad Request" for 400), to name the body. */
    private static void add(Operation operation, String code, String description) {
        APIResponse error = OASFactory.createAPIResponse()
                .description(description)
                .content(OASFactory.createContent()
                        .addMediaType(
                                "application/json",
                                OASFactory.createMediaType()
                                        .schema(OASFactory.createSchema().ref("ApiError"))));
        operation.getResponses().addAPIResponse(code, error);
    }
}
