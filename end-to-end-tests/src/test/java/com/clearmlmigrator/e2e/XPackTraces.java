package com.clearmlmigrator.e2e;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.zip.CRC32;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.smile.SmileFactory;

/**
 * What Elastic's 5.6 image, which bundled X-Pack, leaves in a data folder that the project's node (no X-Pack) never
 * writes: the license in the cluster metadata, and X-Pack's settings on its own indices. Written into a stopped
 * folder's state files as Elasticsearch writes them (codec header, SMILE, CRC32 footer).
 */
final class XPackTraces {
    private static final int CODEC_MAGIC = 0x3fd76c17;
    private static final ObjectMapper SMILE = new ObjectMapper(new SmileFactory());

    private XPackTraces() {}

    /** Adds the license, and X-Pack's settings to every index whose name starts with a dot. */
    static void add(Path dataFolder) throws IOException {
        Path node = dataFolder.resolve("nodes/0");
        for (Path global : stateFiles(node.resolve("_state"), "global-")) {
            rewrite(
                    global,
                    state -> ((ObjectNode) state.path("meta-data"))
                            .putObject("licenses")
                            .putObject("license")
                            .put("uid", "5a4b8a5c-0000-0000-0000-000000000000")
                            .put("type", "basic")
                            .put("issue_date_in_millis", 1_500_000_000_000L)
                            .put("expiry_date_in_millis", 4_000_000_000_000L)
                            .put("max_nodes", 1000)
                            .put("issued_to", "trains")
                            .put("issuer", "elasticsearch")
                            .put("signature", "AAAAAwAAAA0"));
        }
        try (Stream<Path> indices = Files.list(node.resolve("indices"))) {
            for (Path index : indices.toList()) {
                for (Path state : stateFiles(index.resolve("_state"), "state-")) {
                    rewrite(state, XPackTraces::xpackSettingsOnDotIndex);
                }
            }
        }
    }

    private static void xpackSettingsOnDotIndex(JsonNode state) {
        String name = state.fieldNames().next();
        if (name.startsWith(".")) {
            ((ObjectNode) state.path(name).path("settings"))
                    .put("index.format", "6")
                    .put("index.xpack.watcher.template.version", "6");
        }
    }

    private static Iterable<Path> stateFiles(Path folder, String prefix) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().startsWith(prefix))
                    .toList();
        }
    }

    private static void rewrite(Path stateFile, Consumer<JsonNode> change) throws IOException {
        byte[] bytes = Files.readAllBytes(stateFile);
        if (ByteBuffer.wrap(bytes).getInt() != CODEC_MAGIC) {
            throw new IOException(stateFile + " is not a state file");
        }
        int start = 5 + bytes[4] + 8;
        JsonNode state = SMILE.readTree(bytes, start, bytes.length - 16 - start);
        change.accept(state);
        ByteArrayOutputStream rewritten = new ByteArrayOutputStream();
        rewritten.write(bytes, 0, start);
        rewritten.write(SMILE.writeValueAsBytes(state));
        rewritten.write(ByteBuffer.allocate(8).putInt(~CODEC_MAGIC).putInt(0).array());
        CRC32 checksum = new CRC32();
        checksum.update(rewritten.toByteArray());
        rewritten.write(ByteBuffer.allocate(8).putLong(checksum.getValue()).array());
        Files.write(stateFile, rewritten.toByteArray());
    }
}
