package com.clearmlmigrator.worker.elastic.adapter;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * An answer's bytes as the parser reads them, keeping those of the hit being parsed, so a document's {@code _source}
 * can be taken out byte for byte ({@link #copy}) while the answer streams by. Bytes before the current hit are dropped
 * ({@link #dropBefore}), so what is kept is one hit and the parser's read-ahead, whatever the page holds. In counting
 * mode nothing is kept, only measured. Either way a hit that grows past the limits is told to {@link Limits}: past the
 * large-document size it must take the worker's one place for large documents, past the largest size it fails.
 */
final class RetainingInput extends InputStream {
    private static final int CHUNK = 256 * 1024;

    /** What a growing hit is checked against; called with the bytes of the current hit so far. */
    interface Limits {
        void hitGrew(long bytes) throws IOException;
    }

    /** Thrown through the parser when a document grew past the largest size. */
    static final class TooLarge extends IOException {
        private final long bytes;

        TooLarge(long bytes) {
            super("a document of more than " + bytes + " bytes", null);
            this.bytes = bytes;
        }

        long bytes() {
            return bytes;
        }
    }

    private final InputStream in;
    private final boolean keeping;
    private final Limits limits;
    private final Deque<byte[]> chunks = new ArrayDeque<>();
    /** Offset of the first byte of the first chunk. */
    private long chunksFrom;
    /** Bytes used in the last chunk. */
    private int lastUsed = CHUNK;
    /** Offset of the next byte to read from {@code in}. */
    private long position;
    /** Offset where the current hit starts. */
    private long hitFrom;

    RetainingInput(InputStream in, boolean keeping, Limits limits) {
        this.in = in;
        this.keeping = keeping;
        this.limits = limits;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] into, int offset, int length) throws IOException {
        int read = in.read(into, offset, length);
        if (read > 0) {
            if (keeping) {
                keep(into, offset, read);
            }
            position += read;
            limits.hitGrew(position - hitFrom);
        }
        return read;
    }

    /** A new hit starts at this offset: what came before it is no longer needed. */
    void dropBefore(long offset) {
        hitFrom = offset;
        while (keeping && !chunks.isEmpty() && chunksFrom + chunkLength(chunks.peekFirst()) <= offset) {
            chunksFrom += chunkLength(chunks.removeFirst());
        }
        if (chunks.isEmpty()) {
            chunksFrom = position;
            lastUsed = CHUNK;
        }
    }

    /** The bytes from {@code from} (inclusive) to {@code to} (exclusive), which must still be kept. */
    byte[] copy(long from, long to) {
        if (!keeping || from < chunksFrom || to > position || to < from) {
            throw new IllegalStateException(
                    "bytes " + from + ".." + to + " are not kept (" + chunksFrom + ".." + position + ")");
        }
        byte[] copy = new byte[Math.toIntExact(to - from)];
        long chunkStart = chunksFrom;
        int copied = 0;
        for (byte[] chunk : chunks) {
            long chunkEnd = chunkStart + chunkLength(chunk);
            if (chunkEnd > from && chunkStart < to) {
                int start = (int) Math.max(0, from - chunkStart);
                int end = (int) (Math.min(to, chunkEnd) - chunkStart);
                System.arraycopy(chunk, start, copy, copied, end - start);
                copied += end - start;
            }
            chunkStart = chunkEnd;
        }
        return copy;
    }

    private void keep(byte[] bytes, int offset, int length) {
        int done = 0;
        while (done < length) {
            if (lastUsed == CHUNK) {
                chunks.addLast(new byte[CHUNK]);
                lastUsed = 0;
            }
            int n = Math.min(length - done, CHUNK - lastUsed);
            System.arraycopy(bytes, offset + done, chunks.peekLast(), lastUsed, n);
            lastUsed += n;
            done += n;
        }
    }

    private int chunkLength(byte[] chunk) {
        return chunk == chunks.peekLast() ? lastUsed : CHUNK;
    }
}
