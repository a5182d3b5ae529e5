package com.clearmlmigrator.planner.migration;

import java.util.Arrays;
import java.util.Objects;

import com.clearmlmigrator.contracts.ElasticEndpoint;
import com.clearmlmigrator.contracts.MongoEndpoint;

/** Credentials reach the workers only sealed: without a shared key, a migration that needs them is refused. */
public final class SecretPolicy {
    private SecretPolicy() {}

    /** @throws InvalidRequestException when the connections carry credentials and the dispatcher cannot seal them */
    public static void check(TaskDispatcher dispatcher, MongoEndpoint mongo, ElasticEndpoint... elastic) {
        boolean mongoSecret = mongo != null && !mongo.redactedUri().equals(mongo.uri());
        boolean elasticSecret = Arrays.stream(elastic).filter(Objects::nonNull).anyMatch(e -> e.password() != null);
        if ((mongoSecret || elasticSecret) && !dispatcher.sealsSecrets()) {
            throw new InvalidRequestException("This planner has no MIGRATOR_SECRET_KEY, so it cannot hand credentials"
                    + " to the workers without putting them on Kafka in clear. Give the planner and every worker the"
                    + " same key (openssl rand -base64 32), or connect without credentials.");
        }
    }
}
