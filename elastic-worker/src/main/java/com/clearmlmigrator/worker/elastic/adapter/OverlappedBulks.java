package com.clearmlmigrator.worker.elastic.adapter;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

import com.clearmlmigrator.relink.PlannedWrite;
import com.clearmlmigrator.relink.RelinkPass;
import com.clearmlmigrator.stores.ElasticClient;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * Keeps one relink bulk in flight while the task plans and journals the next page. Without it the cluster waited for
 * every journal insert and the journal for every bulk. The outcomes are still recorded on the task's own thread, in
 * page order ({@link RelinkPass} is not thread-safe). A page's journal entries are recorded before its bulk is sent,
 * as without the overlap; only the wait for the bulk before is moved after the next page's journal.
 */
final class OverlappedBulks implements AutoCloseable {
    private final ExecutorService senders;
    private final ElasticClient client;
    private final String index;
    private final int major;
    private final RelinkPass pass;
    private Future<List<JsonNode>> inFlight;
    private List<PlannedWrite> inFlightWrites;

    OverlappedBulks(ExecutorService senders, ElasticClient client, String index, int major, RelinkPass pass) {
        this.senders = senders;
        this.client = client;
        this.index = index;
        this.major = major;
        this.pass = pass;
    }

    /** Waits for the bulk before, records how it ended, and sends these writes. */
    void write(List<PlannedWrite> writes) {
        finish();
        if (!writes.isEmpty()) {
            inFlightWrites = writes;
            inFlight = senders.submit(() -> ElasticConditionalWriter.send(client, index, major, writes));
        }
    }

    /** Waits for the bulk in flight, if any, and records how it ended. */
    void finish() {
        if (inFlight != null) {
            Future<List<JsonNode>> sent = inFlight;
            inFlight = null;
            ElasticConditionalWriter.record(inFlightWrites, BackgroundWork.await(sent), pass);
        }
    }

    /** After a failure: the task does not end while one of its bulks is still being written. */
    @Override
    public void close() {
        if (inFlight != null) {
            BackgroundWork.settle(inFlight);
        }
    }
}
