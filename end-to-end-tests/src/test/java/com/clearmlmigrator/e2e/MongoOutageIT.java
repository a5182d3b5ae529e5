package com.clearmlmigrator.e2e;

import static com.clearmlmigrator.e2e.ExpectedRelink.NEW;
import static com.clearmlmigrator.e2e.ExpectedRelink.OLD;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.clearmlmigrator.synthetic.ClearmlWorld;
import com.clearmlmigrator.synthetic.DatasetSpec;
import com.clearmlmigrator.synthetic.MongoDataset;
import com.clearmlmigrator.synthetic.MongoSeeder;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

import io.restassured.path.json.JsonPath;

/**
 * The user's MongoDB goes away in the middle of a relink and comes back a few seconds later: the tasks that met the
 * outage are tried again after a pause, the migration succeeds, and every document ends exactly as a relink without
 * the outage leaves it, compared one by one with the test's own oracle: nothing lost, nothing rewritten twice (the new
 * prefix extends the old one, so a second rewrite would show).
 */
@ExtendWith(RunningSystem.class)
class MongoOutageIT {
    /** A database of its own, larger than the shared world, so the relink has many parts to be interrupted in. */
    private static final String DATABASE = "backend_outage";

    private static final ClearmlWorld WORLD = ClearmlWorld.generate(DatasetSpec.of(13, 1, 600));

    @Test
    void aRelinkSurvivesItsMongoDbGoingAwayMidRunAndComingBack() throws Exception {
        new MongoSeeder(RunningSystem.ports().mongoUri()).seed(DATABASE, new MongoDataset(WORLD).collections());
        var before = StoreSnapshot.mongo(RunningSystem.ports().mongoUri(), DATABASE);

        JsonPath migration;
        try (TcpOutageProxy proxy = new TcpOutageProxy(RunningSystem.ports().mongo(), 400_000, Duration.ofSeconds(3))) {
            String id = Migrations.submit("{\"kind\":\"relink\",\"from\":\"" + OLD + "\",\"to\":\"" + NEW
                    + "\",\"mongo\":{\"uri\":\"mongodb://127.0.0.1:" + proxy.port() + "\",\"database\":\""
                    + DATABASE + "\"}}");
            migration = Migrations.awaitFinal(id);
            assertThat(proxy.outages()).as("the server was taken away mid-run").isEqualTo(1);
            assertThat(migration.getInt("tasks.total")).isGreaterThan(10);
            JsonPath report = Migrations.report(id);
            assertThat(report.getList("targets.fields.flatten().failed", Integer.class))
                    .allMatch(n -> n == 0);
            assertThat(report.getList("targets.fields.flatten().conflicts", Integer.class))
                    .allMatch(n -> n == 0);
            assertThat(report.getList("targets.fields.flatten().remaining", Integer.class))
                    .allMatch(n -> n == 0);
        }
        assertThat(migration.getString("status")).isEqualTo("SUCCEEDED");

        var after = StoreSnapshot.mongo(RunningSystem.ports().mongoUri(), DATABASE);
        assertThat(after.keySet()).isEqualTo(before.keySet());
        for (Map.Entry<String, Map<String, Map<String, Object>>> collection : before.entrySet()) {
            assertThat(after.get(collection.getKey()).keySet())
                    .as(collection.getKey())
                    .isEqualTo(collection.getValue().keySet());
            collection
                    .getValue()
                    .forEach((id, doc) -> assertThat(ExpectedRelink.deepCopy(
                                    after.get(collection.getKey()).get(id)))
                            .as(collection.getKey() + "/" + id)
                            .isEqualTo(ExpectedRelink.mongo(collection.getKey(), doc)));
        }
    }

    @AfterAll
    static void dropTheDatabase() {
        try (MongoClient client = MongoClients.create(RunningSystem.ports().mongoUri())) {
            client.getDatabase(DATABASE).drop();
        }
    }
}
