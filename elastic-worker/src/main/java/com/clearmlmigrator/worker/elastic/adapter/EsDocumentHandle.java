package com.clearmlmigrator.worker.elastic.adapter;

/**
 * What a conditional write needs to know of a document read from Elasticsearch.
 *
 * @param type        mapping type on ES 5.6 ({@code event}); null on typeless clusters
 * @param routing     routing value; must be sent back or the write lands on another shard
 * @param version     {@code _version} (ES 5.6 optimistic concurrency)
 * @param seqNo       {@code _seq_no} (ES 7+ optimistic concurrency)
 * @param primaryTerm {@code _primary_term} (ES 7+)
 */
record EsDocumentHandle(String type, String routing, long version, long seqNo, long primaryTerm) {}
