package com.clearmlmigrator.worker.elastic.adapter;

import com.clearmlmigrator.worker.elastic.copy.CopyDocument;
import com.clearmlmigrator.worker.elastic.copy.DocumentDigest;

/**
 * One document as a copy moves it: id, routing, and its source as the exact JSON bytes the source cluster returned,
 * which is what the target receives and what both sides digest.
 *
 * @param id      {@code _id}
 * @param routing {@code _routing}, or null when the document has none
 * @param source  {@code _source}, verbatim UTF-8
 * @param digest  {@link DocumentDigest} of id, routing and source
 * @param large   whether it holds the worker's place for large documents ({@link Hit#isLarge()})
 */
record CopiedDocument(String id, String routing, byte[] source, long digest, boolean large) implements CopyDocument {

    static CopiedDocument of(String id, String routing, byte[] source) {
        return new CopiedDocument(id, routing, source, DocumentDigest.of(id, routing, source), false);
    }

    static CopiedDocument of(Hit hit) {
        byte[] source = hit.sourceBytes();
        return new CopiedDocument(
                hit.id(), hit.routing(), source, DocumentDigest.of(hit.id(), hit.routing(), source), hit.isLarge());
    }

    @Override
    public int bytes() {
        return source.length;
    }
}
