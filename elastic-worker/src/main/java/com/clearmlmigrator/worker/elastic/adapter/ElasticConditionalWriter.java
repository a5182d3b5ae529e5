package com.clearmlmigrator.worker.elastic.adapter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.elasticsearch.client.ResponseException;

import com.clearmlmigrator.contracts.FailureReason;
import com.clearmlmigrator.contracts.Remedy;
import com.clearmlmigrator.contracts.TaskFailedException;
import com.clearmlmigrator.relink.DocumentPaths;
import com.clearmlmigrator.relink.PlannedWrite;
import com.clearmlmigrator.relink.RelinkPass;
import com.clearmlmigrator.stores.BulkAnswer;
import com.clearmlmigrator.stores.BulkBody;
import com.clearmlmigrator.stores.ElasticClient;
import com.clearmlmigrator.stores.WriteBlocks;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Writes planned changes with one bulk that indexes each changed document whole, guarded by the version it was read at,
 * so a document changed in between is reported as a conflict instead of overwritten. ES 5.6 documents keep their type
 * and routing.
 *
 * <p>Whole documents rather than partial updates: a partial update makes the server fetch the document again by id
 * and merge it, which on ES 7.10 cost it three times the CPU of indexing the document we already hold (measured over
 * 72,000 debug images: 4.7 s against 15.4 s; ClearML's own {@code _update_by_query} took 14.3 s).
 */
final class ElasticConditionalWriter {
    // The client's mapper: numbers are read and written back exactly, so a whole document is indexed as it was read.
    private static final ObjectMapper JSON = ElasticClient.JSON;
    private static final int CONFLICT = 409;
    private static final int TOO_MANY_REQUESTS = 429;
    private static final int UNAVAILABLE = 503;

    private ElasticConditionalWriter() {}

    static void write(ElasticClient client, String index, int major, List<PlannedWrite> writes, RelinkPass pass) {
        if (!writes.isEmpty()) {
            record(writes, send(client, index, major, writes), pass);
        }
    }

    /**
     * Sends the bulk of non-empty planned writes and returns each write's item of the answer, in order; {@link #record}
     * then tells the pass how each ended. Writes answered 429 or 503 (a cluster under indexing pressure: a plot of tens
     * of megabytes needs room in the node's indexing buffer) are sent again with growing pauses, as is a bulk the
     * cluster refused whole with 429 or 503; what is still refused after the last attempt, and a bulk whose answer was
     * lost, fail the task as unavailable, to be tried again. A write block (a disk past its flood-stage watermark) fails
     * it as blocked, which pauses the migration.
     */
    static List<JsonNode> send(ElasticClient client, String index, int major, List<PlannedWrite> writes) {
        JsonNode[] items = new JsonNode[writes.size()];
        List<Integer> toSend = new ArrayList<>();
        for (int i = 0; i < writes.size(); i++) {
            toSend.add(i);
        }
        for (int attempt = 1; ; attempt++) {
            List<Integer> throttled = sendOnce(client, index, major, writes, toSend, items, attempt);
            if (throttled.isEmpty()) {
                return Arrays.asList(items);
            }
            if (!BulkAttempts.mayFollow(attempt)) {
                throw new TaskFailedException(
                        FailureReason.TARGET_UNAVAILABLE,
                        "Elasticsearch kept answering 429 (too many requests) for " + throttled.size()
                                + " documents of " + index + " after " + BulkAttempts.MAX
                                + " attempts; a document of tens of"
                                + " megabytes needs the node's indexing buffer (indexing_pressure.memory.limit, a"
                                + " tenth of its heap) to hold it: give the cluster more heap.",
                        Remedy.RETRY);
            }
            toSend = throttled;
            BulkAttempts.pauseBefore(attempt + 1, "relink");
        }
    }

    /** One attempt: fills the items of the writes that got a final answer; returns those to send again. */
    private static List<Integer> sendOnce(
            ElasticClient client,
            String index,
            int major,
            List<PlannedWrite> writes,
            List<Integer> toSend,
            JsonNode[] items,
            int attempt) {
        BulkAnswer answer;
        try {
            answer = client.bulk(
                    body(index, major, toSend.stream().map(writes::get).toList()));
        } catch (TaskFailedException e) {
            if (refusedWhole(e) && BulkAttempts.mayFollow(attempt)) {
                return toSend;
            }
            throw e;
        }
        List<Integer> throttled = new ArrayList<>();
        for (int i = 0; i < toSend.size(); i++) {
            JsonNode item = answer.item(i, "index");
            int status = answer.errors() ? item.path("status").asInt() : 200;
            if (status >= 300 && WriteBlocks.is(item.path("error"))) {
                // Paused, not throttled: Elasticsearch 7 answers its flood-stage block with 429 too. What this bulk
                // wrote is in the journal, and the retry reads the range again.
                throw WriteBlocks.failure(index, item.path("error"));
            }
            if (status == TOO_MANY_REQUESTS || status == UNAVAILABLE) {
                throttled.add(toSend.get(i));
            } else {
                items[toSend.get(i)] = answer.errors() ? item : null;
            }
        }
        return throttled;
    }

    /**
     * True for a bulk the cluster answered 429 or 503 as a whole: it applied none of it, so it may be sent again as it
     * is. After a lost connection or another 5xx the cluster may have applied it; sent again, its compare-and-set
     * writes would meet their own results as conflicts. The task's retry takes such a bulk over instead, and its
     * journal tells the writes that landed from the ones that did not.
     */
    private static boolean refusedWhole(TaskFailedException e) {
        if (e.reason() != FailureReason.TARGET_UNAVAILABLE // a block answered 429 pauses the migration instead
                || !(e.getCause() instanceof ResponseException refused)) {
            return false;
        }
        int status = refused.getResponse().getStatusLine().getStatusCode();
        return status == TOO_MANY_REQUESTS || status == UNAVAILABLE;
    }

    /** Tells the pass how each write ended, given its item ({@code null} when the bulk had no error at all). */
    static void record(List<PlannedWrite> writes, List<JsonNode> items, RelinkPass pass) {
        for (int i = 0; i < writes.size(); i++) {
            JsonNode item = items.get(i);
            int status = item == null ? 200 : item.path("status").asInt();
            if (status >= 200 && status < 300) {
                pass.written(writes.get(i), PlannedWrite.Outcome.WRITTEN, null);
            } else if (status == CONFLICT) {
                pass.written(writes.get(i), PlannedWrite.Outcome.CONFLICT, null);
            } else {
                String reason = item.path("error").path("reason").asText("status " + status);
                pass.written(writes.get(i), PlannedWrite.Outcome.FAILED, "Elasticsearch refused the update: " + reason);
            }
        }
    }

    private static ObjectNode action(String index, int major, PlannedWrite write) {
        EsDocumentHandle handle = (EsDocumentHandle) write.document().handle();
        ObjectNode meta = JSON.createObjectNode()
                .put("_index", index)
                .put("_id", write.document().id());
        if (major < 7) {
            if (handle.type() != null) {
                meta.put("_type", handle.type());
            }
            if (handle.routing() != null) {
                meta.put("_routing", handle.routing());
            }
            meta.put("_version", handle.version());
        } else {
            if (handle.routing() != null) {
                meta.put("routing", handle.routing());
            }
            meta.put("if_seq_no", handle.seqNo()).put("if_primary_term", handle.primaryTerm());
        }
        ObjectNode action = JSON.createObjectNode();
        action.set("index", meta);
        return action;
    }

    /**
     * The bulk body: for each write, its action line and the whole document with every change applied. The changes
     * are applied to the documents as read, in place: a batch is read for this write only, and a deep copy of every
     * document was two fifths of the CPU of building the body (profiled). Each document is written once, to the bytes
     * the request sends.
     */
    private static BulkBody body(String index, int major, List<PlannedWrite> writes) {
        BulkBody bulk = new BulkBody();
        try {
            for (PlannedWrite write : writes) {
                Map<String, Object> document = write.document().source();
                write.changes().forEach(change -> DocumentPaths.set(document, change.path(), change.after()));
                bulk.line(JSON.writeValueAsBytes(action(index, major, write)));
                bulk.line(JSON.writeValueAsBytes(document));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Writing a bulk body in memory failed", e);
        }
        return bulk;
    }
}
