package com.clearmlmigrator.worker.elastic.target;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.clearmlmigrator.contracts.ContentChecksum;
import com.clearmlmigrator.contracts.FailureReason;
import com.clearmlmigrator.contracts.TaskFailedException;
import com.clearmlmigrator.stores.BulkAnswer;
import com.clearmlmigrator.stores.ElasticClient;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Writes copied documents to a target index with {@code create} bulk actions, sized by bytes. Creating instead of
 * indexing is what makes a replayed slice safe and honest: a document already there is read back and compared, so a
 * replay confirms it while a different document under the same {@code _id} (two ES 5.6 mapping types sharing an id)
 * is reported and never overwritten. Throttling answers (429, 503) are retried with growing pauses; a write block
 * stops the task with {@link FailureReason#TARGET_BLOCKED}.
 */
final class CopyBulkWriter {
    static final int MAX_BULK_BYTES = 8 * 1024 * 1024;
    private static final int ATTEMPTS = 6;
    private static final long FIRST_PAUSE_MILLIS = 500;
    private static final int CREATED = 201;
    private static final int CONFLICT = 409;
    private static final int TOO_MANY_REQUESTS = 429;
    private static final int SAMPLE_IDS = 5;

    private final ElasticClient target;
    private final String index;

    CopyBulkWriter(ElasticClient target, String index) {
        this.target = target;
        this.index = index;
    }

    /**
     * Writes the documents and returns the fingerprint of those now on the target with exactly this content.
     *
     * @throws TaskFailedException when a document was refused, collided with a different one, or the target stayed
     *                             throttled or blocked
     */
    ContentChecksum write(List<CopiedDocument> documents) {
        ContentChecksum confirmed = ContentChecksum.EMPTY;
        List<CopiedDocument> bulk = new ArrayList<>();
        int bytes = 0;
        for (CopiedDocument document : documents) {
            if (!bulk.isEmpty() && bytes + document.bytes() > MAX_BULK_BYTES) {
                confirmed = confirmed.plus(writeBulk(bulk));
                bulk = new ArrayList<>();
                bytes = 0;
            }
            bulk.add(document);
            bytes += document.bytes();
        }
        return bulk.isEmpty() ? confirmed : confirmed.plus(writeBulk(bulk));
    }

    private ContentChecksum writeBulk(List<CopiedDocument> documents) {
        ContentChecksum confirmed = ContentChecksum.EMPTY;
        List<CopiedDocument> toSend = documents;
        List<CopiedDocument> existing = new ArrayList<>();
        for (int attempt = 1; !toSend.isEmpty(); attempt++) {
            if (attempt > 1) {
                pause(attempt);
            }
            BulkOutcome outcome = send(toSend, attempt);
            confirmed = confirmed.plus(outcome.created);
            existing.addAll(outcome.existing);
            toSend = outcome.throttled;
            if (!toSend.isEmpty() && attempt == ATTEMPTS) {
                throw new TaskFailedException(
                        FailureReason.TARGET_UNAVAILABLE,
                        "The target kept answering 429 (too many requests) for " + toSend.size() + " documents of "
                                + index + " after " + ATTEMPTS + " attempts; give it more resources or set"
                                + " maxDocsPerSecond, then POST /migrations/{id}/retry.");
            }
        }
        return existing.isEmpty() ? confirmed : confirmed.plus(confirmExisting(existing));
    }

    private BulkOutcome send(List<CopiedDocument> documents, int attempt) {
        BulkAnswer answer;
        try {
            answer = target.bulk(body(documents));
        } catch (TaskFailedException e) {
            if (e.reason() == FailureReason.TARGET_UNAVAILABLE && attempt < ATTEMPTS) {
                return new BulkOutcome(ContentChecksum.EMPTY, List.of(), documents);
            }
            throw e;
        }
        if (!answer.errors()) {
            ContentChecksum.Tally created = new ContentChecksum.Tally();
            documents.forEach(document -> created.addDocument(document.digest()));
            return new BulkOutcome(created.total(), List.of(), List.of());
        }
        return sortOut(documents, answer);
    }

    /** Which documents of a bulk with errors were created, existed already, or were throttled; fails on the rest. */
    private BulkOutcome sortOut(List<CopiedDocument> documents, BulkAnswer answer) {
        ContentChecksum.Tally created = new ContentChecksum.Tally();
        List<CopiedDocument> existing = new ArrayList<>();
        List<CopiedDocument> throttled = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        String refusal = null;
        for (int i = 0; i < documents.size(); i++) {
            CopiedDocument document = documents.get(i);
            JsonNode item = answer.item(i, "create");
            int status = item.path("status").asInt();
            if (status == CREATED || status == 200) {
                created.addDocument(document.digest());
            } else if (status == CONFLICT) {
                existing.add(document);
            } else if (status == TOO_MANY_REQUESTS || status == 503) {
                throttled.add(document);
            } else if (ElasticClient.isWriteBlock(item.path("error"))) {
                throw new TaskFailedException(
                        FailureReason.TARGET_BLOCKED,
                        "The target refused writes to " + index + ": "
                                + item.path("error").path("reason").asText() + "." + ElasticClient.WRITE_BLOCK_ADVICE);
            } else {
                refused.add(document.id());
                refusal = refusal != null
                        ? refusal
                        : item.path("error").path("reason").asText("status " + status);
            }
        }
        if (!refused.isEmpty()) {
            throw new TaskFailedException(
                    FailureReason.TARGET_REJECTED,
                    "The target refused " + refused.size() + " documents of " + index + " (for example "
                            + sample(refused) + "): " + refusal + ". Check the target index mapping against the"
                            + " source's.");
        }
        return new BulkOutcome(created.total(), existing, throttled);
    }

    /** Reads back documents that already existed and keeps those identical to the source's as confirmed. */
    private ContentChecksum confirmExisting(List<CopiedDocument> documents) {
        ObjectNode request = ElasticClient.JSON.createObjectNode();
        ArrayNode docs = request.putArray("docs");
        for (CopiedDocument document : documents) {
            ObjectNode doc = docs.addObject().put("_id", document.id());
            if (document.routing() != null) {
                doc.put("routing", document.routing());
            }
        }
        String found = target.sendForText("POST", "/" + index + "/_mget", request.toString());
        Map<String, Long> onTarget = new HashMap<>();
        for (CopiedDocument stored : RawHits.mgetDocuments(index, found)) {
            onTarget.put(stored.id() + "\u0000" + stored.routing(), stored.digest());
        }
        ContentChecksum.Tally confirmed = new ContentChecksum.Tally();
        List<String> collisions = new ArrayList<>();
        for (CopiedDocument document : documents) {
            Long digest = onTarget.get(document.id() + "\u0000" + document.routing());
            if (digest != null && digest == document.digest()) {
                confirmed.addDocument(document.digest());
            } else {
                collisions.add(document.id());
            }
        }
        if (!collisions.isEmpty()) {
            throw new TaskFailedException(
                    FailureReason.TARGET_REJECTED,
                    collisions.size() + " documents of " + index + " have an _id that a different document already"
                            + " holds on the target (for example " + sample(collisions) + "): ids shared across ES 5.6"
                            + " mapping types, or a target index written to since the copy began. Nothing was"
                            + " overwritten.");
        }
        return confirmed.total();
    }

    /**
     * Action lines are written as text rather than through a tree per document, which showed in the worker's profile;
     * the values are JSON-quoted all the same.
     */
    private String body(List<CopiedDocument> documents) {
        StringBuilder bulk = new StringBuilder();
        for (CopiedDocument document : documents) {
            bulk.append("{\"create\":{\"_index\":");
            quoted(bulk, index).append(",\"_id\":");
            quoted(bulk, document.id());
            if (document.routing() != null) {
                quoted(bulk.append(",\"routing\":"), document.routing());
            }
            bulk.append("}}\n").append(document.source()).append('\n');
        }
        return bulk.toString();
    }

    private static StringBuilder quoted(StringBuilder out, String value) {
        out.append('"');
        JsonStringEncoder.getInstance().quoteAsString(value, out);
        return out.append('"');
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(FIRST_PAUSE_MILLIS << Math.min(attempt - 2, 4));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TaskFailedException(FailureReason.TARGET_UNAVAILABLE, "The copy was interrupted.", e);
        }
    }

    private static String sample(List<String> ids) {
        return String.join(", ", ids.subList(0, Math.min(SAMPLE_IDS, ids.size())));
    }

    private record BulkOutcome(
            ContentChecksum created, List<CopiedDocument> existing, List<CopiedDocument> throttled) {}
}
