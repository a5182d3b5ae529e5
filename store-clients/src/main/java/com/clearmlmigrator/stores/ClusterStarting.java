package com.clearmlmigrator.stores;

import com.clearmlmigrator.contracts.FailureReason;
import com.clearmlmigrator.contracts.TaskFailedException;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * How Elasticsearch says it has started but not yet recovered its cluster state: until then it blocks reads and writes
 * with {@code SERVICE_UNAVAILABLE/1/state not recovered / initialized} (or {@code SERVICE_UNAVAILABLE/2/no master}), and
 * ES 5.6 answers even {@code GET /} with 503. On one node that lasts under a second (measured on 5.6); a cluster whose
 * {@code gateway.expected_data_nodes} have not all joined waits {@code gateway.recover_after_time}, 5 minutes by
 * default. A moment to wait for, not a write block to lift: both are {@code cluster_block_exception}s.
 */
public final class ClusterStarting {
    private static final String UNAVAILABLE_BLOCK = "SERVICE_UNAVAILABLE/";

    private ClusterStarting() {}

    /** True for the error of a request that met a cluster still recovering its state or without a master. */
    public static boolean is(JsonNode error) {
        return isStartingError(error)
                || isStartingError(error.path("root_cause").path(0));
    }

    /** True for ES 5.6's answer to {@code GET /} before its state is recovered: the usual body, with a 503. */
    static boolean isMainAnswer(String path, JsonNode body) {
        return path.equals("/") && body.has("version") && !body.has("error");
    }

    private static boolean isStartingError(JsonNode error) {
        String type = error.path("type").asText();
        return type.equals("master_not_discovered_exception")
                || (type.equals("cluster_block_exception")
                        && error.path("reason").asText().contains(UNAVAILABLE_BLOCK));
    }

    /** A request a cluster that is starting could not answer yet; a task meeting it is tried again. */
    public static final class StillStarting extends TaskFailedException {
        public StillStarting(String message, Throwable cause) {
            super(FailureReason.TARGET_UNAVAILABLE, message, cause);
        }
    }
}
