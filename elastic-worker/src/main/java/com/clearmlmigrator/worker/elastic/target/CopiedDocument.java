package com.clearmlmigrator.worker.elastic.target;

import java.nio.charset.StandardCharsets;

import com.clearmlmigrator.worker.elastic.domain.DocumentDigest;

/**
 * One document as a copy moves it: id, routing, and its source as the exact JSON text the source cluster returned,
 * which is what the target receives and what both sides digest.
 *
 * @param id      {@code _id}
 * @param routing {@code _routing}, or null when the document has none
 * @param source  {@code _source}, verbatim
 * @param bytes   size of the source in UTF-8
 * @param digest  {@link DocumentDigest} of id, routing and source
 */
record CopiedDocument(String id, String routing, String source, int bytes, long digest) {

    static CopiedDocument of(String id, String routing, String source) {
        byte[] utf8 = source.getBytes(StandardCharsets.UTF_8);
        return new CopiedDocument(id, routing, source, utf8.length, DocumentDigest.of(id, routing, utf8));
    }
}
