package com.clearmlmigrator.stores;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.apache.http.entity.AbstractHttpEntity;

/**
 * A {@code _bulk} body built from pieces that are sent as they are: each document's source goes out as the very bytes
 * the worker holds, never copied into one large string (a bulk of plots would otherwise sit in memory two or three
 * times over).
 */
public final class BulkBody {
    private static final byte[] NEWLINE = {'\n'};

    private final List<byte[]> pieces = new ArrayList<>();
    private long length;

    /** Adds an action line (JSON text, without its newline). */
    public BulkBody action(String json) {
        return line(json.getBytes(StandardCharsets.UTF_8));
    }

    /** Adds a line of JSON bytes as they are, then its newline. */
    public BulkBody line(byte[] json) {
        pieces.add(json);
        pieces.add(NEWLINE);
        length += json.length + 1L;
        return this;
    }

    public long length() {
        return length;
    }

    public boolean isEmpty() {
        return pieces.isEmpty();
    }

    /** The body as a request entity that may be sent more than once (the client may try another node). */
    AbstractHttpEntity entity() {
        AbstractHttpEntity entity = new AbstractHttpEntity() {
            @Override
            public boolean isRepeatable() {
                return true;
            }

            @Override
            public long getContentLength() {
                return length;
            }

            @Override
            public InputStream getContent() {
                List<InputStream> streams = new ArrayList<>(pieces.size());
                pieces.forEach(piece -> streams.add(new ByteArrayInputStream(piece)));
                return new SequenceInputStream(Collections.enumeration(streams));
            }

            @Override
            public void writeTo(OutputStream out) throws IOException {
                for (byte[] piece : pieces) {
                    out.write(piece);
                }
            }

            @Override
            public boolean isStreaming() {
                return false;
            }
        };
        entity.setContentType("application/x-ndjson");
        return entity;
    }
}
