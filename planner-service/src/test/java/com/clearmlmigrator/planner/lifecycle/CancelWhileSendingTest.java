package com.clearmlmigrator.planner.lifecycle;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.bson.Document;
import org.junit.jupiter.api.Test;

import com.clearmlmigrator.contracts.MigrationTask;
import com.clearmlmigrator.planner.migration.TaskDispatcher;
import com.clearmlmigrator.planner.support.PlannerInfrastructure;
import com.clearmlmigrator.testsupport.PlannerRequests;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.ReplaceOptions;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * A cancel asked for while a sending of the migration's tasks waits for a broker that does not acknowledge them (Kafka
 * going away just as they were sent): the sending holds the scheduler for as long as that lasts, up to the producer's 2
 * minutes. The cancel answers without waiting for it, and the tasks left unsent are skipped once it ends.
 */
@QuarkusTest
@WithTestResource(PlannerInfrastructure.class)
@TestProfile(CancelWhileSendingTest.HeldSending.class)
class CancelWhileSendingTest {
    private static final List<String> COLLECTIONS = List.of("model", "project", "queue", "task", "url_to_delete");

    @Inject
    HeldDispatcher dispatcher;

    @Test
    void aCancelDuringAHeldSendingAnswersAndTheTasksLeftUnsentAreSkippedOnceItEnds() throws Exception {
        seedClearmlCollections();
        String id = PlannerRequests.submit("{\"kind\":\"inspect\",\"mongo\":{\"uri\":\""
                + PlannerInfrastructure.mongoUri() + "\",\"database\":\"backend\"}}");
        assertThat(dispatcher.holding.await(30, TimeUnit.SECONDS))
                .as("the sending began")
                .isTrue();

        given().post("/migrations/" + id + "/cancel").then().statusCode(200).body("status", equalTo("CANCELLED"));

        assertThat(dispatcher.ended)
                .as("the cancel answered while the sending still held the scheduler")
                .isFalse();
        assertThat(given().get("/migrations/" + id).<Integer>path("tasks.pending"))
                .as("not skipped yet: the sending may still take them")
                .isEqualTo(COLLECTIONS.size());

        dispatcher.released.countDown();

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> given().get("/migrations/" + id)
                        .then()
                        .body("status", equalTo("CANCELLED"))
                        .body("tasks.pending", equalTo(0))
                        .body("tasks.skipped", equalTo(COLLECTIONS.size())));
    }

    private static void seedClearmlCollections() {
        try (MongoClient client = MongoClients.create(PlannerInfrastructure.mongoUri())) {
            COLLECTIONS.forEach(c -> client.getDatabase("backend")
                    .getCollection(c)
                    .replaceOne(new Document("_id", c), new Document("_id", c), new ReplaceOptions().upsert(true)));
        }
    }

    /** A planner whose tasks go to {@link HeldDispatcher}. */
    public static class HeldSending implements QuarkusTestProfile {
        @Override
        public Set<Class<?>> getEnabledAlternatives() {
            return Set.of(HeldDispatcher.class);
        }
    }

    /**
     * Sends nothing: holds each sending until the test releases it, then says the broker did not take the tasks, as the
     * Kafka dispatcher does once its producer gives up.
     */
    @Alternative
    @Singleton // no client proxy: the test reads its latches directly
    public static class HeldDispatcher implements TaskDispatcher {
        final CountDownLatch holding = new CountDownLatch(1);
        final CountDownLatch released = new CountDownLatch(1);
        volatile boolean ended;

        @Override
        public void dispatch(List<MigrationTask> tasks) {
            holding.countDown();
            try {
                released.await(1, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            ended = true;
            throw new UnavailableException("Kafka did not take " + tasks.size() + " tasks (held by the test)", null);
        }

        @Override
        public boolean sealsSecrets() {
            return false;
        }
    }
}
