package com.clearmlmigrator.planner.api;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.clearmlmigrator.planner.migration.MigrationKind;
import com.clearmlmigrator.planner.migration.MigrationOrder;
import com.clearmlmigrator.planner.migration.RequestRules;

/**
 * Rewrites every stored reference from one URL prefix to another, in MongoDB, Elasticsearch or both.
 *
 * @param kind        {@code relink}
 * @param mongo       the ClearML MongoDB; at least one of the two connections
 * @param elastic     the ClearML Elasticsearch cluster
 * @param from        the old URL prefix
 * @param to          the new URL prefix
 * @param dryRun      report without writing; false when left out
 * @param include     opt-in field groups
 * @param extraFields more fields, {@code collection:field.path} or {@code index-pattern:field}
 */
@Schema(description = "Relink: move every stored URL from one prefix to another. Give 'mongo', 'elastic' or both.")
public record RelinkRequest(
        @Schema(required = true, enumeration = "relink") String kind,
        MongoConnection mongo,
        ElasticConnection elastic,

        @Schema(required = true, description = "the old URL prefix", examples = "http://files.old.lan:8081/")
        String from,

        @Schema(required = true, description = "the new URL prefix", examples = "https://files.example.com/")
        String to,

        @Schema(description = "report what would change, write nothing", defaultValue = "false")
        Boolean dryRun,

        @Schema(
                description = "opt-in field groups: hyperparams, configuration, metadata, artifact-previews,"
                        + " logs, storage-settings")
        List<String> include,

        @Schema(description = "more fields, collection:field.path or index-pattern:field")
        List<String> extraFields)
        implements MigrationRequest {

    @Override
    public MigrationOrder toOrder() {
        return RequestRules.order(
                MigrationKind.RELINK,
                MongoConnection.endpoint(mongo),
                ElasticConnection.endpoint("elastic", elastic),
                RequestRules.relink(from, to, dryRun, include, extraFields));
    }
}
