package com.clearmlmigrator.planner.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.clearmlmigrator.contracts.MongoEndpoint;
import com.clearmlmigrator.planner.migration.RequestRules;

/**
 * A ClearML MongoDB as a request names it.
 *
 * @param uri      MongoDB connection string
 * @param database database name, {@code backend} when left out
 */
public record MongoConnection(
        @Schema(required = true, examples = "mongodb://mongo:27017")
        String uri,

        @Schema(defaultValue = "backend") String database) {

    /** The endpoint, checked; null when the request left the connection out. */
    static MongoEndpoint endpoint(MongoConnection mongo) {
        return mongo == null ? null : RequestRules.mongo(mongo.uri(), mongo.database());
    }
}
