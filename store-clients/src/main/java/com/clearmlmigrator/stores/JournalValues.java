package com.clearmlmigrator.stores;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

import org.bson.Document;
import org.bson.types.Binary;

/**
 * How a journaled value is stored. Text of 64 KB or more (a plot kept uncompressed in {@code plot_str}, tens of
 * megabytes on servers of the ES 5.6 era) is stored deflated, as {@code {"deflated": <bytes>}}: a journal entry holds
 * the value before and after, and MongoDB takes at most 16 MB per document. Everything else is stored as it is.
 */
final class JournalValues {
    static final int DEFLATE_FROM_CHARACTERS = 64 * 1024;
    private static final String DEFLATED = "deflated";

    private JournalValues() {}

    static Object stored(Object value) {
        if (!(value instanceof String text) || text.length() < DEFLATE_FROM_CHARACTERS) {
            return value;
        }
        Deflater deflater = new Deflater(Deflater.BEST_SPEED);
        try {
            deflater.setInput(text.getBytes(StandardCharsets.UTF_8));
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(text.length() / 8);
            byte[] buffer = new byte[64 * 1024];
            while (!deflater.finished()) {
                out.write(buffer, 0, deflater.deflate(buffer));
            }
            return new Document(DEFLATED, new Binary(out.toByteArray()));
        } finally {
            deflater.end();
        }
    }

    static Object read(Object stored) {
        if (!(stored instanceof Document document) || !(document.get(DEFLATED) instanceof Binary binary)) {
            return stored;
        }
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(binary.getData());
            ByteArrayOutputStream out = new ByteArrayOutputStream(binary.getData().length * 8);
            byte[] buffer = new byte[64 * 1024];
            while (!inflater.finished()) {
                int read = inflater.inflate(buffer);
                if (read == 0 && inflater.needsInput()) {
                    throw new IllegalStateException("A deflated journal value ends early");
                }
                out.write(buffer, 0, read);
            }
            return out.toString(StandardCharsets.UTF_8);
        } catch (DataFormatException e) {
            throw new IllegalStateException("A deflated journal value cannot be read", e);
        } finally {
            inflater.end();
        }
    }
}
