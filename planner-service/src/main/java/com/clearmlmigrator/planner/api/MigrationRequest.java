package com.clearmlmigrator.planner.api;

import org.eclipse.microprofile.openapi.annotations.media.DiscriminatorMapping;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.clearmlmigrator.planner.migration.MigrationOrder;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * The body of {@code POST /migrations}, one record per kind: each has exactly the fields its kind takes. {@link
 * MigrationRequestReader} reads the kind first, so a field of another kind or an unknown kind gets a sentence saying
 * so, then binds the kind's record strictly. An undo is not submitted here but from its relink.
 */
@JsonTypeInfo(
        use = JsonTypeInfo.Id.NAME,
        include = JsonTypeInfo.As.EXISTING_PROPERTY,
        property = "kind",
        visible = true)
@JsonSubTypes({
    @JsonSubTypes.Type(value = InspectRequest.class, name = "inspect"),
    @JsonSubTypes.Type(value = RelinkRequest.class, name = "relink"),
    @JsonSubTypes.Type(value = EsCopyRequest.class, name = "es-copy")
})
@Schema(
        description = "A migration to run; 'kind' says which, and which fields apply.",
        oneOf = {InspectRequest.class, RelinkRequest.class, EsCopyRequest.class},
        discriminatorProperty = "kind",
        discriminatorMapping = {
            @DiscriminatorMapping(value = "inspect", schema = InspectRequest.class),
            @DiscriminatorMapping(value = "relink", schema = RelinkRequest.class),
            @DiscriminatorMapping(value = "es-copy", schema = EsCopyRequest.class)
        })
public sealed interface MigrationRequest permits InspectRequest, RelinkRequest, EsCopyRequest {
    /** The migration's kind as the request names it. */
    String kind();

    /** The order the planner runs, every field checked; {@code InvalidRequestException} names the first problem. */
    MigrationOrder toOrder();
}
