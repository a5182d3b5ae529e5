package com.clearmlmigrator.worker.elastic.inspect;

import com.clearmlmigrator.contracts.ElasticEndpoint;
import com.clearmlmigrator.contracts.IndexInspection;

/** Reads what an index holds without changing it. */
public interface IndexInspector {
    /**
     * Count, size, server version and mapping shape of one index.
     *
     * @throws com.clearmlmigrator.contracts.TaskFailedException when the cluster is unreachable or refuses
     */
    IndexInspection inspect(ElasticEndpoint endpoint, String index);
}
