package com.clearmlmigrator.planner.migration;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.clearmlmigrator.contracts.ElasticEndpoint;
import com.clearmlmigrator.contracts.MigrationTask;
import com.clearmlmigrator.contracts.MongoEndpoint;

class SecretPolicyTest {
    private static final MongoEndpoint MONGO_WITH_PASSWORD = new MongoEndpoint("mongodb://admin:pw@mongo", "backend");
    private static final MongoEndpoint MONGO = new MongoEndpoint("mongodb://mongo", "backend");
    private static final ElasticEndpoint ELASTIC_WITH_PASSWORD =
            new ElasticEndpoint(List.of("http://es:9200"), "elastic", "pw");

    @Test
    void credentialsAreRefusedWithASentenceWhenTheyCannotBeSealed() {
        TaskDispatcher unsealed = dispatcher(false);

        assertThatThrownBy(() -> SecretPolicy.check(unsealed, MONGO_WITH_PASSWORD))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("MIGRATOR_SECRET_KEY");
        assertThatThrownBy(() -> SecretPolicy.check(unsealed, null, null, ELASTIC_WITH_PASSWORD))
                .isInstanceOf(InvalidRequestException.class);
        assertThatCode(() -> SecretPolicy.check(unsealed, MONGO, (ElasticEndpoint) null))
                .doesNotThrowAnyException();
        assertThatCode(() -> SecretPolicy.check(dispatcher(true), MONGO_WITH_PASSWORD, ELASTIC_WITH_PASSWORD))
                .doesNotThrowAnyException();
    }

    private static TaskDispatcher dispatcher(boolean seals) {
        return new TaskDispatcher() {
            @Override
            public void dispatch(List<MigrationTask> tasks) {}

            @Override
            public boolean sealsSecrets() {
                return seals;
            }
        };
    }
}
