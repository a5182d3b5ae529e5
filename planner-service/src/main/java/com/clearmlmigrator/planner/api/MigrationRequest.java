package com.clearmlmigrator.planner.api;

import java.util.List;

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
public record MigrationRequest(
        String kind,
        MongoConnection mongo,
        ElasticConnection elastic,
        String from,
        String to,
        Boolean dryRun,
        List<String> include,
        List<String> extraFields,
        ElasticConnection source,
        ElasticConnection target,
        List<String> indices,
        String ifTargetExists,
        String afterCopy,
        Long maxDocsPerSecond) {
    /**
     * @param uri      MongoDB connection string
     * @param database database name, {@code backend} when left out
     */
    public record MongoConnection(String uri, String database) {}

    /**
     * @param hosts    node URLs of one cluster
     * @param username basic-auth user, optional
     * @param password basic-auth password, optional; never echoed back
     */
    public record ElasticConnection(List<String> hosts, String username, String password) {}
}
