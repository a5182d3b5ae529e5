package com.clearmlmigrator.cli.upgrade;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.smile.SmileFactory;

/** Data folders laid out as Elasticsearch 5, 7 and 8 leave them, with state files written in its format. */
final class DataFolderFixtures {
    private static final ObjectMapper SMILE = new ObjectMapper(new SmileFactory());

    private DataFolderFixtures() {}

    /** A 5.x folder: no node version; indices whose settings say which release created them. */
    static Path elastic5(Path root, long... createdIds) throws IOException {
        Path node = root.resolve("nodes/0");
        writeState(node.resolve("_state/node-0.st"), Map.of("node_id", "abc"));
        Files.createFile(node.resolve("node.lock"));
        for (int i = 0; i < createdIds.length; i++) {
            Path state = node.resolve("indices/uuid" + i + "/_state");
            // An older generation with another version, which must not count.
            writeState(state.resolve("state-1.st"), indexState("index-" + i, 2_000_099L));
            writeState(state.resolve("state-12.st"), indexState("index-" + i, createdIds[i]));
        }
        return root;
    }

    /** A 7.x folder: the node records its version. */
    static Path elastic7(Path root, long nodeVersionId) throws IOException {
        writeState(root.resolve("nodes/0/_state/node-3.st"), Map.of("node_id", "abc", "node_version", nodeVersionId));
        Files.createFile(root.resolve("nodes/0/node.lock"));
        return root;
    }

    /** An 8.x folder: no nodes/0. */
    static Path elastic8(Path root, long nodeVersionId) throws IOException {
        writeState(root.resolve("_state/node-1.st"), Map.of("node_id", "abc", "node_version", nodeVersionId));
        return root;
    }

    private static Map<String, Object> indexState(String name, long createdId) {
        return Map.of(
                name, Map.of("version", 3, "settings", Map.of("index.version.created", Long.toString(createdId))));
    }

    /** As Elasticsearch writes it: codec header, x-content type (1 = SMILE), the document, a 16-byte footer. */
    static void writeState(Path file, Object document) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.write(ByteBuffer.allocate(4).putInt(0x3fd76c17).array());
        bytes.write(5);
        bytes.write("state".getBytes());
        bytes.write(ByteBuffer.allocate(8).putInt(1).putInt(1).array());
        bytes.write(SMILE.writeValueAsBytes(document));
        bytes.write(new byte[16]);
        Files.createDirectories(file.getParent());
        Files.write(file, bytes.toByteArray());
    }
}
