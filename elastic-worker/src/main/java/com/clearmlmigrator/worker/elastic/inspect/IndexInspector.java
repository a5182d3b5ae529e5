package com.clearmlmigrator.worker.elastic.inspect;

import java.util.function.LongConsumer;

import com.clearmlmigrator.contracts.ElasticEndpoint;
import com.clearmlmigrator.contracts.IndexInspection;

/** Reads what an index holds without changing it. */
public interface IndexInspector {
    /**
     * Count, size, server version, mapping shape and the census of URL origins ({@link
     * com.clearmlmigrator.relink.UrlCensus}) of one index.
     *
     * @param scanned told how many documents the census has read, as it goes
     * @throws com.clearmlmigrator.contracts.TaskFailedException when the cluster is unreachable or refuses
     */
    IndexInspection inspect(ElasticEndpoint endpoint, String index, LongConsumer scanned);
}
