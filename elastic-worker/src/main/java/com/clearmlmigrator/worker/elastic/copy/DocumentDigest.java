package com.clearmlmigrator.worker.elastic.copy;

import java.nio.charset.StandardCharsets;

import net.jpountz.xxhash.XXHash64;
import net.jpountz.xxhash.XXHashFactory;

/**
 * The 64-bit digest of one Elasticsearch document for copy verification: XXH64 over its {@code _id}, its routing and
 * its source bytes, chained. Both sides of a copy digest documents the same way, so equal digests mean the same id,
 * routing and content. XXH64 rather than a cryptographic hash: the check guards against lost, doubled or altered
 * documents, not against an adversary, and hashing every byte twice must not cost the copy its speed.
 */
public final class DocumentDigest {
    private static final XXHash64 XXH64 = XXHashFactory.fastestJavaInstance().hash64();
    private static final byte[] NO_ROUTING = {0};
    private static final byte[] ROUTING_MARK = {1};

    private DocumentDigest() {}

    public static long of(String id, String routing, byte[] source) {
        long digest = hash(id.getBytes(StandardCharsets.UTF_8), 0);
        // Absent routing and empty routing are different documents to Elasticsearch; keep them apart here too.
        digest = routing == null
                ? hash(NO_ROUTING, digest)
                : hash(routing.getBytes(StandardCharsets.UTF_8), hash(ROUTING_MARK, digest));
        return hash(source, digest);
    }

    private static long hash(byte[] bytes, long seed) {
        return XXH64.hash(bytes, 0, bytes.length, seed);
    }
}
