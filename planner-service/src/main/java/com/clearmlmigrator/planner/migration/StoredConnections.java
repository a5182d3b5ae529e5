package com.clearmlmigrator.planner.migration;

import com.clearmlmigrator.contracts.ElasticEndpoint;
import com.clearmlmigrator.contracts.MongoEndpoint;

/**
 * The connections a follow-up of a migration (undo, retry) uses: the ones the request gives, or else the migration's
 * stored targets, which are usable only when the original had no credentials (credentials are never stored).
 */
public final class StoredConnections {
    private StoredConnections() {}

    public static MongoEndpoint mongo(Migration migration, MongoEndpoint given) {
        if (given != null) {
            return given;
        }
        String uri = migration.targets().mongoUri();
        if (uri == null) {
            return null;
        }
        if (uri.contains(":***@")) {
            throw new InvalidRequestException(
                    "Migration " + migration.id() + " used MongoDB credentials, which are never"
                            + " stored; send the 'mongo' connection again in the request body.");
        }
        return new MongoEndpoint(uri, migration.targets().mongoDatabase());
    }

    public static ElasticEndpoint elastic(Migration migration, ElasticEndpoint given) {
        if (given != null || migration.targets().elasticHosts().isEmpty()) {
            return given;
        }
        return new ElasticEndpoint(migration.targets().elasticHosts(), null, null);
    }
}
