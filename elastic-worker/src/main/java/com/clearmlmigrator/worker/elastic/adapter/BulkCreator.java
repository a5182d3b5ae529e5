package com.clearmlmigrator.worker.elastic.adapter;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.clearmlmigrator.contracts.ContentChecksum;
import com.clearmlmigrator.contracts.FailureReason;
import com.clearmlmigrator.contracts.Remedy;
import com.clearmlmigrator.contracts.TaskFailedException;
import com.clearmlmigrator.stores.BulkAnswer;
import com.clearmlmigrator.stores.BulkBody;
import com.clearmlmigrator.stores.ElasticClient;
import com.clearmlmigrator.stores.StoreSilence;
import com.clearmlmigrator.stores.WriteBlocks;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Creates one bulk of copied documents on the target index, with {@code create} actions, until each is created, found
 * there already with the same content, or refused. Creating instead of indexing is what makes a replayed slice safe and
 * honest: a document already there is read back and compared, so a replay confirms it while a different document under
 * the same {@code _id} (two ES 5.6 mapping types sharing an id) is reported and never overwritten. Throttling answers
 * (429, 503) are retried with growing pauses; a write block stops the task with {@link FailureReason#TARGET_BLOCKED}.
 */
record BulkCreator(ElasticClient target, String index, DocumentLimits limits) {
    private static final int CREATED = 201;
    private static final int CONFLICT = 409;
    private static final int TOO_MANY_REQUESTS = 429;
    private static final int SAMPLE_IDS = 5;

    /**
     * @return the fingerprint of the documents now on the target with exactly this content
     * @throws TaskFailedException when a document was refused, collided with a different one, or the target stayed
     *                             throttled or blocked
     */
    ContentChecksum create(List<CopiedDocument> documents) {
        ContentChecksum confirmed = ContentChecksum.EMPTY;
        List<CopiedDocument> toSend = documents;
        List<CopiedDocument> existing = new ArrayList<>();
        for (int attempt = 1; !toSend.isEmpty(); attempt++) {
            if (attempt > 1) {
                BulkAttempts.pauseBefore(attempt, "copy");
            }
            BulkOutcome outcome = send(toSend, attempt);
            confirmed = confirmed.plus(outcome.created);
            existing.addAll(outcome.existing);
            toSend = outcome.throttled;
            if (!toSend.isEmpty() && !BulkAttempts.mayFollow(attempt)) {
                throw new TaskFailedException(
                        FailureReason.TARGET_UNAVAILABLE,
                        "The target kept answering 429 (too many requests) for " + toSend.size() + " documents of "
                                + index + " after " + BulkAttempts.MAX + " attempts; give it more resources or set"
                                + " maxDocsPerSecond.",
                        Remedy.RETRY);
            }
        }
        return existing.isEmpty() ? confirmed : confirmed.plus(confirmExisting(existing));
    }

    private BulkOutcome send(List<CopiedDocument> documents, int attempt) {
        BulkAnswer answer;
        try {
            answer = target.bulk(body(documents));
        } catch (TaskFailedException e) {
            // A bulk the target took and never answered is not sent again here: each resend would wait the whole
            // answer timeout (two minutes) once more, six of them before the task's own retries even began.
            if (e.reason() == FailureReason.TARGET_UNAVAILABLE
                    && !StoreSilence.causedBy(e)
                    && BulkAttempts.mayFollow(attempt)) {
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
            } else if (WriteBlocks.is(item.path("error"))) {
                throw WriteBlocks.failure(index, item.path("error")); // a flood-stage block answers 429 too
            } else if (status == TOO_MANY_REQUESTS || status == 503) {
                throttled.add(document);
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
        Map<String, Long> onTarget = new HashMap<>();
        target.stream(
                "POST",
                "/" + index + "/_mget",
                request.toString(),
                body -> HitReader.mget(body, index, HitReader.Mode.BYTES, limits, hit -> {
                    try (hit) {
                        CopiedDocument stored = CopiedDocument.of(hit);
                        onTarget.put(stored.id() + "\u0000" + stored.routing(), stored.digest());
                    }
                }));
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
     * the values are JSON-quoted all the same. Sources go out as the bytes that were read.
     */
    private BulkBody body(List<CopiedDocument> documents) {
        BulkBody bulk = new BulkBody();
        for (CopiedDocument document : documents) {
            StringBuilder action = new StringBuilder("{\"create\":{\"_index\":");
            quoted(action, index).append(",\"_id\":");
            quoted(action, document.id());
            if (document.routing() != null) {
                quoted(action.append(",\"routing\":"), document.routing());
            }
            bulk.action(action.append("}}").toString()).line(document.source());
        }
        return bulk;
    }

    private static StringBuilder quoted(StringBuilder out, String value) {
        out.append('"');
        JsonStringEncoder.getInstance().quoteAsString(value, out);
        return out.append('"');
    }

    private static String sample(List<String> ids) {
        return String.join(", ", ids.subList(0, Math.min(SAMPLE_IDS, ids.size())));
    }

    private record BulkOutcome(
            ContentChecksum created, List<CopiedDocument> existing, List<CopiedDocument> throttled) {}
}
