package com.clearmlmigrator.cli.upgrade;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.smile.SmileFactory;

/**
 * Reads Elasticsearch's metadata files ({@code *.st}, versions 5 to 8): a Lucene codec header (magic, the name
 * {@code state}, a format version), the x-content type of what follows (SMILE in practice, JSON possible), the
 * document, and a 16-byte checksum footer.
 */
final class StateFiles {
    private static final int CODEC_MAGIC = 0x3fd76c17;
    private static final int FOOTER_LENGTH = 16;
    private static final int JSON = 0;
    private static final int SMILE = 1;
    private static final ObjectMapper JSON_READER = new ObjectMapper();
    private static final ObjectMapper SMILE_READER = new ObjectMapper(new SmileFactory());

    private StateFiles() {}

    static JsonNode read(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        if (bytes.length < 5 + FOOTER_LENGTH || buffer.getInt() != CODEC_MAGIC) {
            throw new IOException(file + " is not an Elasticsearch state file");
        }
        // The codec name is a Lucene string: a one-byte length for a name this short, then its bytes.
        buffer.position(5 + bytes[4]);
        buffer.getInt();
        int type = buffer.getInt();
        int start = buffer.position();
        int length = bytes.length - FOOTER_LENGTH - start;
        ObjectMapper reader = switch (type) {
            case JSON -> JSON_READER;
            case SMILE -> SMILE_READER;
            default -> throw new IOException(file + " holds metadata in a format not read here (" + type + ")");
        };
        return reader.readTree(bytes, start, length);
    }
}
