package com.clearmlmigrator.planner.migration;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import com.clearmlmigrator.contracts.ElasticEndpoint;
import com.clearmlmigrator.contracts.MongoEndpoint;

/**
 * The connections, credentials included, of the migrations this planner is running, held in memory only: steps sent
 * later (a copy's slices and verifications) need them, and credentials are never stored. After a planner restart a
 * migration without credentials goes on from its stored hosts; one with credentials needs them again through
 * {@code POST /migrations/{id}/retry}.
 */
@ApplicationScoped
public class ConnectionVault {
    private final Map<String, Connections> held = new ConcurrentHashMap<>();

    /**
     * @param mongo   the ClearML MongoDB, or null
     * @param elastic the Elasticsearch cluster written to, or null
     * @param source  the cluster an es-copy reads from, or null
     */
    public record Connections(MongoEndpoint mongo, ElasticEndpoint elastic, ElasticEndpoint source) {}

    public void keep(String migrationId, Connections connections) {
        held.put(migrationId, connections);
    }

    public void forget(String migrationId) {
        held.remove(migrationId);
    }

    /**
     * The connections of a migration: held ones, or else its stored hosts.
     *
     * @throws InvalidRequestException when the migration used credentials this planner no longer holds
     */
    public Connections connectionsOf(Migration migration) {
        Connections kept = held.get(migration.id());
        if (kept != null) {
            return kept;
        }
        if (migration.copy() != null && migration.copy().sourceCredentials()) {
            throw new InvalidRequestException("Migration " + migration.id() + " used credentials for its source"
                    + " cluster, which are never stored, and the planner has restarted since; send the"
                    + " connections again with POST /migrations/" + migration.id() + "/retry.");
        }
        ElasticEndpoint source = migration.targets().sourceHosts().isEmpty()
                ? null
                : new ElasticEndpoint(migration.targets().sourceHosts(), null, null);
        return new Connections(
                StoredConnections.mongo(migration, null), StoredConnections.elastic(migration, null), source);
    }
}
