package com.clearmlmigrator.worker.elastic.adapter;

import com.clearmlmigrator.worker.elastic.domain.DocumentDigest;

/**
 * One document as a copy moves it: id, routing, and its source as the exact JSON bytes the source cluster returned,
 * which is what the target receives and what both sides digest.
 *
 * @param id      {@code _id}
 * @param routing {@code _routing}, or null when the document has none
 * @param source  {@code _source}, verbatim UTF-8
 * @param digest  {@link DocumentDigest} of id, routing and source
 */
record CopiedDocument(String id, String routing, byte[] source, long digest) {

    static CopiedDocument of(String id, String routing, byte[] source) {
        return new CopiedDocument(id, routing, source, DocumentDigest.of(id, routing, source));
    }

    static CopiedDocument of(Hit hit) {
        return of(hit.id(), hit.routing(), hit.sourceBytes());
    }

    int bytes() {
        return source.length;
    }
}
