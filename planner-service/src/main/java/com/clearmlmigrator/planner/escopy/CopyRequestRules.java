package com.clearmlmigrator.planner.escopy;

import java.net.URI;
import java.util.List;
import java.util.regex.Pattern;

import com.clearmlmigrator.contracts.ElasticEndpoint;
import com.clearmlmigrator.planner.migration.CopyOrder;
import com.clearmlmigrator.planner.migration.InvalidRequestException;
import com.clearmlmigrator.planner.migration.MigrationKind;
import com.clearmlmigrator.planner.migration.MigrationOrder;
import com.clearmlmigrator.planner.migration.RequestRules;

/**
 * What an es-copy request must satisfy, beside the connection rules of {@link RequestRules}. Every rule fails with a
 * sentence naming the field and what to change.
 */
public final class CopyRequestRules {
    private static final int MAX_INDEX_PATTERNS = 100;
    private static final long MAX_DOCS_PER_SECOND = 10_000_000L;
    private static final int MAX_REPLICAS = 20;
    private static final Pattern INDEX_PATTERN = Pattern.compile("[a-z0-9*][a-z0-9_\\-.*+]{0,254}");

    private CopyRequestRules() {}

    /**
     * The order of an es-copy: the two clusters and what to copy.
     *
     * @param source the cluster to copy from, validated; null when the request has none
     * @param target the cluster to copy to, validated; null when the request has none
     */
    public static MigrationOrder order(
            ElasticEndpoint source,
            ElasticEndpoint target,
            List<String> indices,
            String ifTargetExists,
            String afterCopy,
            Boolean dryRun,
            Long maxDocsPerSecond,
            Integer replicas) {
        if (source == null || target == null) {
            throw new InvalidRequestException(
                    "An es-copy needs 'source' and 'target', for example \"source\":"
                            + " {\"hosts\": [\"http://old-elastic:9200\"]}, \"target\": {\"hosts\": [\"http://new-elastic:9200\"]}.");
        }
        for (String host : source.hosts()) {
            if (target.hosts().stream().anyMatch(t -> sameHost(t, host))) {
                throw new InvalidRequestException(
                        "'source' and 'target' both name " + host + "; a copy needs two different clusters.");
            }
        }
        List<String> patterns = patterns(indices);
        String exists = oneOf("ifTargetExists", ifTargetExists, CopyOrder.FAIL, CopyOrder.SKIP, CopyOrder.OVERWRITE);
        String after = oneOf("afterCopy", afterCopy, CopyOrder.READ_ONLY_SOURCE, CopyOrder.NONE);
        if (maxDocsPerSecond != null && (maxDocsPerSecond < 1 || maxDocsPerSecond > MAX_DOCS_PER_SECOND)) {
            throw new InvalidRequestException("Field 'maxDocsPerSecond' must be between 1 and " + MAX_DOCS_PER_SECOND
                    + "; leave it out for no limit.");
        }
        if (replicas != null && (replicas < 0 || replicas > MAX_REPLICAS)) {
            throw new InvalidRequestException("Field 'replicas' must be between 0 and " + MAX_REPLICAS
                    + "; leave it out to give each index the replicas it has on the source.");
        }
        CopyOrder copy =
                new CopyOrder(source, patterns, exists, after, Boolean.TRUE.equals(dryRun), maxDocsPerSecond, replicas);
        return new MigrationOrder(MigrationKind.ES_COPY, null, target, null, copy);
    }

    /** The index patterns to copy, validated: every ClearML index when the request names none. */
    private static List<String> patterns(List<String> indices) {
        List<String> patterns = indices == null ? CopyOrder.CLEARML_INDICES : indices;
        if (patterns.isEmpty() || patterns.size() > MAX_INDEX_PATTERNS) {
            throw new InvalidRequestException("Field 'indices' needs 1 to " + MAX_INDEX_PATTERNS
                    + " index patterns, for example [\"events-*\"]; leave it out to copy every ClearML index.");
        }
        for (String pattern : patterns) {
            String named = pattern != null && IndexPatterns.isExclusion(pattern) ? pattern.substring(1) : pattern;
            if (named == null || !INDEX_PATTERN.matcher(named).matches()) {
                throw new InvalidRequestException("Index pattern '" + RequestRules.shorten(String.valueOf(pattern))
                        + "' is not valid: use lowercase index names with * wildcards, up to 255 characters, not"
                        + " starting with _ or . (for example events-* or worker_stats_*); a leading - leaves the"
                        + " indices it matches out (-events-log-broken).");
            }
        }
        return patterns;
    }

    /** The value of an enumerated field, its first choice when left out. */
    private static String oneOf(String field, String value, String... choices) {
        if (value == null) {
            return choices[0];
        }
        if (!List.of(choices).contains(value)) {
            throw new InvalidRequestException("Field '" + field + "' must be one of " + String.join(", ", choices)
                    + "; it was '" + RequestRules.shorten(value) + "'.");
        }
        return value;
    }

    private static boolean sameHost(String a, String b) {
        URI first = URI.create(a);
        URI second = URI.create(b);
        return first.getHost().equalsIgnoreCase(second.getHost()) && port(first) == port(second);
    }

    private static int port(URI uri) {
        if (uri.getPort() != -1) {
            return uri.getPort();
        }
        return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }
}
