package com.clearmlmigrator.worker.elastic.adapter;

import java.util.concurrent.locks.ReentrantLock;

import com.clearmlmigrator.contracts.FailureReason;
import com.clearmlmigrator.contracts.Remedy;
import com.clearmlmigrator.contracts.TaskFailedException;

/**
 * What one worker holds of a document at once. Pages are streamed and bulks are cut by bytes, so small documents cost
 * a bounded amount whatever the page size; a document of {@code largeBytes} or more (a plot of megabytes, counted
 * decompressed where it is stored compressed) is handled alone, one at a time in the whole worker, as it may be held
 * three or four times over while it is rewritten; and a document past {@code maxBytes} fails its task with a sentence
 * saying which setting to raise, instead of running the worker out of memory.
 *
 * @param largeBytes documents of at least this size wait for the worker's one place for large documents
 * @param maxBytes   documents larger than this fail their task
 */
public record DocumentLimits(long largeBytes, long maxBytes, ReentrantLock largePlace) {

    public DocumentLimits(long largeBytes, long maxBytes) {
        this(largeBytes, maxBytes, new ReentrantLock(true));
    }

    /** The default largest document for a heap: a sixth of it, the rest for the copies being rewritten and the rest of the worker. */
    public static long defaultMaxBytes(long maxHeap) {
        return maxHeap / 6;
    }

    /** Fails the task of a document past the largest size; {@code what} names the document. */
    void check(long bytes, String what) {
        if (bytes > maxBytes) {
            throw tooLarge(bytes, what);
        }
    }

    /** The failure of a task whose document is past the largest size, with the settings to raise. */
    TaskFailedException tooLarge(long bytes, String what) {
        return new TaskFailedException(
                FailureReason.BAD_INPUT,
                what + " holds more than " + megabytes(bytes) + " MB, more than this worker takes ("
                        + megabytes(maxBytes) + " MB, elastic-worker.max-document-bytes). Raise that setting"
                        + " (ELASTIC_WORKER_MAX_DOCUMENT_BYTES) together with the worker's heap (about six times the"
                        + " document: -Xmx, or SERVICE_HEAP for bin/dev-stack).",
                Remedy.RETRY);
    }

    /** Waits for the worker's one place for large documents; the same thread may take it again. */
    void takeLargePlace() {
        largePlace.lock();
    }

    void leaveLargePlace() {
        largePlace.unlock();
    }

    private static String megabytes(long bytes) {
        return String.format(java.util.Locale.ROOT, "%.1f", bytes / (1024.0 * 1024.0));
    }
}
