package com.clearmlmigrator.stores;

import com.clearmlmigrator.contracts.FailureReason;
import com.clearmlmigrator.contracts.Remedy;
import com.clearmlmigrator.contracts.TaskFailedException;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * How Elasticsearch says it will not take writes (a disk past its flood-stage watermark, a read-only block), and the
 * failure that pauses a migration until the operator lifts it. Elasticsearch 7 and 8 answer the flood-stage block with
 * 429, as they answer throttling, so a bulk's items are to be asked {@link #is} before their status.
 */
public final class WriteBlocks {
    /** What to do about a write block, appended to the sentence that reports one. */
    public static final String ADVICE = " Elasticsearch blocks writes when a disk passes its flood-stage"
            + " watermark or when a read-only block is set; free disk space (from 7.4 on Elasticsearch then lifts a"
            + " flood-stage block itself; before, PUT /<index>/_settings {\"index.blocks.read_only_allow_delete\": null})"
            + " or remove the block.";

    private WriteBlocks() {}

    /**
     * True for an error Elasticsearch gives while a cluster or index block forbids writing; not for the blocks of a
     * cluster that has just started ({@link ClusterStarting}), which lift by themselves.
     */
    public static boolean is(JsonNode error) {
        return ("cluster_block_exception".equals(error.path("type").asText())
                        || error.path("root_cause")
                                .path(0)
                                .path("type")
                                .asText()
                                .equals("cluster_block_exception"))
                && !ClusterStarting.is(error);
    }

    /** The failure of a task whose write to {@code index} met a block (the bulk item's {@code error}). */
    public static TaskFailedException failure(String index, JsonNode error) {
        return new TaskFailedException(
                FailureReason.TARGET_BLOCKED,
                // The reason ends its list of blocks with ';'.
                "Elasticsearch refused writes to " + index + ": "
                        + error.path("reason").asText().replaceAll("[;.\\s]+$", "") + "." + ADVICE,
                Remedy.RETRY);
    }
}
