package com.clearmlmigrator.worker.elastic.adapter;

import com.clearmlmigrator.contracts.FailureReason;
import com.clearmlmigrator.contracts.TaskFailedException;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * A search or scroll answer that some shards failed to serve, or that timed out, holds fewer hits and says so only in
 * {@code _shards} or {@code timed_out} (elastic/elasticsearch#65381). Read as it is, a copy, a relink or a
 * fingerprint would take part of an index for the whole: such an answer fails the task instead, to be tried again.
 */
final class ShardFailures {
    private ShardFailures() {}

    /**
     * @param shards   the answer's {@code _shards} object; missing in an answer that has none
     * @param timedOut the answer's {@code timed_out}
     * @throws TaskFailedException {@link FailureReason#TARGET_UNAVAILABLE} when the answer is partial
     */
    static void check(String index, JsonNode shards, boolean timedOut) {
        int total = shards.path("total").asInt(0);
        int failed = shards.path("failed").asInt(0);
        if (failed > 0) {
            JsonNode first = shards.path("failures").path(0).path("reason");
            String reason = first.path("reason").asText(first.path("type").asText("no reason given"));
            throw partial(index, "failed on " + failed + " of " + total + " shards (" + reason + ")");
        }
        // An unassigned shard of a red index is left out of the answer without counting as failed (ES 5.6 and 7.10).
        int answered = shards.path("successful").asInt(total);
        if (answered < total) {
            throw partial(
                    index, "got answers from " + answered + " of " + total + " shards (the others are unassigned)");
        }
        if (timedOut) {
            throw partial(index, "timed out on the cluster");
        }
    }

    private static TaskFailedException partial(String index, String what) {
        return new TaskFailedException(
                FailureReason.TARGET_UNAVAILABLE,
                "Reading " + index + " " + what + ", so the answer held only part of the index and was not used."
                        + " The task is tried again; if this goes on, check that every shard of "
                        + index + " is assigned (GET /_cluster/health/" + index + "?level=shards).");
    }
}
