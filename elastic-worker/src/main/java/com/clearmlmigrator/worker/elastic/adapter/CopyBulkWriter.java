package com.clearmlmigrator.worker.elastic.adapter;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;

import com.clearmlmigrator.contracts.ContentChecksum;
import com.clearmlmigrator.contracts.TaskFailedException;
import com.clearmlmigrator.worker.elastic.copy.TargetIndex;
import com.clearmlmigrator.worker.runtime.ProgressBeacon;

/**
 * Writes copied documents to a target index in bulks cut by bytes and by count, each created by the {@link
 * BulkCreator}. One bulk is written in the background while the next is read and gathered, so reading the source and
 * writing the target overlap; what is held is at most two bulks.
 */
final class CopyBulkWriter implements TargetIndex.Writer<CopiedDocument> {
    private final ExecutorService senders;
    private final BulkCreator creator;
    private final long bulkBytes;
    private final int bulkDocuments;
    private final ProgressBeacon.Counter written;
    private List<CopiedDocument> pending = new ArrayList<>();
    private long pendingBytes;
    private Future<?> inFlight;
    /**
     * Added to as each bulk is confirmed, before it is counted: the count is where a cancel stops the copy, and what was
     * confirmed by then is what the stopped task reports.
     */
    private final AtomicReference<ContentChecksum> confirmed = new AtomicReference<>(ContentChecksum.EMPTY);

    /**
     * @param senders       threads that write one bulk while the next is gathered
     * @param bulkBytes     a bulk is sent once it holds this many bytes of sources
     * @param bulkDocuments or this many documents
     * @param written       counts the documents the target has confirmed
     */
    CopyBulkWriter(
            ExecutorService senders,
            BulkCreator creator,
            long bulkBytes,
            int bulkDocuments,
            ProgressBeacon.Counter written) {
        this.senders = senders;
        this.creator = creator;
        this.bulkBytes = bulkBytes;
        this.bulkDocuments = bulkDocuments;
        this.written = written;
    }

    /** Adds a document to the bulk being gathered, sending it once it is full. */
    @Override
    public void add(CopiedDocument document) {
        pending.add(document);
        pendingBytes += document.bytes();
        if (pendingBytes >= bulkBytes || pending.size() >= bulkDocuments) {
            send();
        }
    }

    /** A page of the source has been read: what is gathered goes out, so a paced copy's progress moves page by page. */
    @Override
    public void pageEnded() {
        send();
    }

    /** Writes a large document in a bulk of its own, after everything before it, and returns once it is written. */
    @Override
    public void writeAlone(CopiedDocument document) {
        send();
        awaitInFlight();
        confirmed.accumulateAndGet(creator.create(List.of(document)), ContentChecksum::plus);
        written.add(1);
    }

    /**
     * Writes what is gathered and waits for every bulk; returns the fingerprint of the documents now on the target
     * with exactly this content.
     *
     * @throws TaskFailedException when a document was refused, collided with a different one, or the target stayed
     *                             throttled or blocked
     */
    @Override
    public ContentChecksum finish() {
        send();
        awaitInFlight();
        return confirmed.get();
    }

    @Override
    public ContentChecksum confirmed() {
        return confirmed.get();
    }

    /** After a failure: the task does not end while one of its bulks is still being written. */
    @Override
    public void close() {
        if (inFlight != null) {
            BackgroundWork.settle(inFlight);
            inFlight = null;
        }
    }

    private void send() {
        if (pending.isEmpty()) {
            return;
        }
        awaitInFlight();
        List<CopiedDocument> bulk = pending;
        pending = new ArrayList<>();
        pendingBytes = 0;
        inFlight = senders.submit(() -> {
            confirmed.accumulateAndGet(creator.create(bulk), ContentChecksum::plus);
            written.add(bulk.size());
        });
    }

    private void awaitInFlight() {
        if (inFlight != null) {
            Future<?> sent = inFlight;
            inFlight = null;
            BackgroundWork.await(sent);
        }
    }
}
