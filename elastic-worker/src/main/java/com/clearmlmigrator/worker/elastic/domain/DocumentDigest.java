package com.clearmlmigrator.worker.elastic.domain;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The 64-bit digest of one Elasticsearch document for copy verification: SHA-256 over its {@code _id}, its routing and
 * its source as canonical JSON bytes, truncated. Both sides of a copy digest documents the same way, so equal digests
 * mean the same id, routing and content.
 */
public final class DocumentDigest {
    private static final byte SEPARATOR = 0;

    private DocumentDigest() {}

    public static long of(String id, String routing, byte[] canonicalSource) {
        MessageDigest sha = sha256();
        sha.update(id.getBytes(StandardCharsets.UTF_8));
        sha.update(SEPARATOR);
        // Absent routing and empty routing are different documents to Elasticsearch; keep them apart here too.
        sha.update(routing == null ? new byte[] {1} : ("r" + routing).getBytes(StandardCharsets.UTF_8));
        sha.update(SEPARATOR);
        sha.update(canonicalSource);
        return ByteBuffer.wrap(sha.digest()).getLong();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime provides SHA-256", e);
        }
    }
}
