package com.clearmlmigrator.planner.api;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The body of {@code POST /migrations}.
 *
 * @param kind    job kind, for example {@code inspect}
 * @param mongo   the ClearML MongoDB; optional when the job does not need it
 * @param elastic     the ClearML Elasticsearch cluster; optional when the job does not need it
 * @param from        relink: the old URL prefix
 * @param to          relink: the new URL prefix
 * @param dryRun      relink: report without writing; false when left out
 * @param include     relink: opt-in field groups
 * @param extraFields relink: more fields, {@code collection:field.path} or {@code index-pattern:field}
 * @param source           es-copy: the cluster to copy from
 * @param target           es-copy: the cluster to copy to
 * @param indices          es-copy: index patterns; every ClearML index when left out
 * @param ifTargetExists   es-copy: {@code fail} (default), {@code skip} or {@code overwrite}
 * @param afterCopy        es-copy: {@code read-only-source} (default) or {@code none}
 * @param maxDocsPerSecond es-copy: rate limit for the whole copy; none when left out
 */
@Schema(description = "A migration to run. Which fields apply depends on kind; the others must be left out.")
public record MigrationRequest(
        @Schema(
                required = true,
                enumeration = {"inspect", "relink", "undo", "es-copy"})
        String kind,

        @Schema(description = "inspect, relink: the ClearML MongoDB")
        MongoConnection mongo,

        @Schema(description = "inspect, relink: the ClearML Elasticsearch cluster")
        ElasticConnection elastic,

        @Schema(description = "relink: the old URL prefix", examples = "http://files.old.lan:8081/")
        String from,

        @Schema(description = "relink: the new URL prefix", examples = "https://files.example.com/")
        String to,

        @Schema(description = "relink, es-copy: report what would change, write nothing", defaultValue = "false")
        Boolean dryRun,

        @Schema(description = "relink: opt-in field groups") List<String> include,

        @Schema(description = "relink: more fields, collection:field.path or index-pattern:field")
        List<String> extraFields,

        @Schema(description = "es-copy: the cluster to copy from (ES 5.6, 6 or 7)")
        ElasticConnection source,

        @Schema(description = "es-copy: the cluster to copy to (ES 7 or 8)")
        ElasticConnection target,

        @Schema(description = "es-copy: index patterns; every ClearML index when left out")
        List<String> indices,

        @Schema(
                enumeration = {"fail", "skip", "overwrite"},
                defaultValue = "fail")
        String ifTargetExists,

        @Schema(
                enumeration = {"read-only-source", "none"},
                defaultValue = "read-only-source")
        String afterCopy,

        @Schema(description = "es-copy: documents per second for the whole copy; no limit when left out")
        Long maxDocsPerSecond) {
    /**
     * @param uri      MongoDB connection string
     * @param database database name, {@code backend} when left out
     */
    public record MongoConnection(
            @Schema(required = true, examples = "mongodb://mongo:27017")
            String uri,

            @Schema(defaultValue = "backend") String database) {}

    /**
     * @param hosts    node URLs of one cluster
     * @param username basic-auth user, optional
     * @param password basic-auth password, optional; never echoed back
     */
    public record ElasticConnection(
            @Schema(required = true, examples = "[\"http://elasticsearch:9200\"]")
            List<String> hosts,

            String username,
            @Schema(writeOnly = true) String password) {}
}
