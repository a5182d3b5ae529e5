package com.clearmlmigrator.planner.domain;

import java.util.List;

import com.clearmlmigrator.contracts.MongoEndpoint;

/** Lists what a ClearML MongoDB holds. */
public interface CollectionCatalog {
    /**
     * The collection names of the endpoint's database, sorted, so plans and task ids are deterministic.
     *
     * @throws com.clearmlmigrator.contracts.TaskFailedException when the server is unreachable or refuses
     */
    List<String> collections(MongoEndpoint endpoint);

    /**
     * The names of every database on the endpoint's server.
     *
     * @throws com.clearmlmigrator.contracts.TaskFailedException when the server is unreachable or refuses
     */
    List<String> databases(MongoEndpoint endpoint);
}
