package com.clearmlmigrator.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class EndpointsTest {
    @Test
    void mongoEndpointNeverPrintsThePassword() {
        MongoEndpoint endpoint = new MongoEndpoint("mongodb://admin:s3cret@db:27017/?authSource=admin", "backend");

        assertThat(endpoint.toString()).doesNotContain("s3cret").contains("admin:***@db:27017");
    }

    @Test
    void elasticEndpointNeverPrintsThePassword() {
        ElasticEndpoint endpoint = new ElasticEndpoint(List.of("https://es:9200"), "elastic", "s3cret");

        assertThat(endpoint.toString()).doesNotContain("s3cret");
        assertThat(endpoint.hasCredentials()).isTrue();
    }

    @Test
    void taskWithoutSecretsKeepsItsDatabaseAndTakesNewConnectionsBack() {
        MigrationTask task = MigrationTask.inspection(
                new TaskId("job", 2), "user", new MongoEndpoint("mongodb://admin:s3cret@db:27017", "auth"));

        MigrationTask stored = task.withoutSecrets();
        MigrationTask restored =
                stored.withConnections(new MongoEndpoint("mongodb://admin:s3cret@db:27017", "backend"), null);

        assertThat(stored.mongo().uri()).doesNotContain("s3cret");
        assertThat(restored).isEqualTo(task);
    }
}
