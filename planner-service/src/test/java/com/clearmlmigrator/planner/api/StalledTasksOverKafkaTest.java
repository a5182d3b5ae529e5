package com.clearmlmigrator.planner.api;

import static com.clearmlmigrator.planner.support.MongoWorkerStandIn.COLLECTIONS;
import static com.clearmlmigrator.planner.support.MongoWorkerStandIn.inspected;
import static com.clearmlmigrator.planner.support.MongoWorkerStandIn.startedNow;
import static com.clearmlmigrator.planner.support.MongoWorkerStandIn.submitInspect;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.time.Duration;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.clearmlmigrator.contracts.MigrationTask;
import com.clearmlmigrator.planner.support.MongoWorkerStandIn;
import com.clearmlmigrator.planner.support.PlannerInfrastructure;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * The planner's stall watch over a real broker, with this test standing in for the mongo-workers (the test profile's
 * stall timeout is 3 s): a task whose worker falls silent is shown stalled, sent again, and failed only once no live
 * worker may be taking it up.
 */
@QuarkusTest
@WithTestResource(PlannerInfrastructure.class)
class StalledTasksOverKafkaTest {
    @Inject
    MongoWorkerStandIn worker;

    @Test
    void aTaskWhoseWorkerFallsSilentIsShownStalledSentAgainAndThenFailedNamingTheWorker() throws Exception {
        String id = submitInspect();
        List<MigrationTask> tasks = worker.receiveTasks(id, COLLECTIONS.size());
        MigrationTask silent = tasks.get(0);
        String silentWorker = "mongo-worker@host-a/4711#k3f9";
        // The worker starts the first task, says so once, and is never heard from again (frozen, say).
        worker.heartbeat(silentWorker, startedNow(silent));
        for (MigrationTask task : tasks.subList(1, tasks.size())) {
            worker.answer(inspected(task));
        }

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> given().get("/migrations/" + id)
                        .then()
                        .body("status", equalTo("RUNNING"))
                        .body("running[0].task", equalTo(silent.id().toString()))
                        .body("running[0].worker", equalTo(silentWorker))
                        .body("running[0].documents", equalTo(5))
                        .body("running[0].stalled", equalTo(true))
                        .body("running[0].resent", equalTo(1))
                        // What `watch` prints: the silent worker by name, and what became of its task.
                        .body(
                                "notice",
                                allOf(
                                        startsWith(silentWorker + " has said nothing of the task it performs for "),
                                        endsWith(" s: stalled, sent again for a live worker to"
                                                + " take over once its lease ends."))));
        assertThat(worker.receiveTasks(id, COLLECTIONS.size() + 1))
                .as("the stalled task went out again, under the same id")
                .filteredOn(task -> task.id().equals(silent.id()))
                .hasSize(2);

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> given().get("/migrations/" + id)
                        .then()
                        .body("status", equalTo("COMPLETED_WITH_ERRORS"))
                        .body("tasks.failed", equalTo(1))
                        .body("running.size()", equalTo(0)));
        given().get("/migrations/" + id + "/report")
                .then()
                .body("failures[0].reason", equalTo("TARGET_UNAVAILABLE"))
                .body("failures[0].detail", containsString("stalled: worker " + silentWorker))
                .body("failures[0].detail", containsString("/retry"));
    }

    @Test
    void aTaskSentAgainIsNotFailedWhileAnotherWorkerOfItsKindHasJustBeenBusyAndMayBeTakingItUp() throws Exception {
        String id = submitInspect();
        List<MigrationTask> tasks = worker.receiveTasks(id, COLLECTIONS.size());
        MigrationTask silent = tasks.get(0);
        MigrationTask ownPart = tasks.get(1);
        worker.heartbeat("mongo-worker@host-a/4711#dead", startedNow(silent));
        for (MigrationTask task : tasks.subList(2, tasks.size())) {
            worker.answer(inspected(task));
        }
        try (MongoWorkerStandIn.Beating survivor = worker.beating("mongo-worker@host-b/4712#live")) {
            // Busy with a part of its own, the survivor is not yet at the copy sent again: that copy is not failed
            // for its silence, however long (the stall timeout is 3 s here).
            survivor.performs(startedNow(ownPart));
            await().atMost(Duration.ofSeconds(30))
                    .untilAsserted(() -> given().get("/migrations/" + id)
                            .then()
                            .body(
                                    "running.find { it.resent == 1 }.task",
                                    equalTo(silent.id().toString())));
            awaitStillRunningWithoutFailure(id, Duration.ofSeconds(4));

            // Idle now, it is about to take the copy up (in CI the planner failed the task the moment the survivor's
            // heartbeat named no task, as it watched the killed worker's lease).
            worker.answer(inspected(ownPart));
            survivor.performs();
            awaitStillRunningWithoutFailure(id, Duration.ofMillis(1_500));

            // It watches the killed worker's lease, for a lease time (20 s by default): its heartbeats say so, and
            // the planner tells who takes the task over.
            survivor.takesUp(silent.id());
            await().atMost(Duration.ofSeconds(10))
                    .untilAsserted(() -> given().get("/migrations/" + id)
                            .then()
                            .body(
                                    "notice",
                                    endsWith(survivor.name()
                                            + " is taking it over once the quiet worker's lease runs out.")));
            awaitStillRunningWithoutFailure(id, Duration.ofSeconds(4));

            survivor.performs(startedNow(silent));
            worker.answer(inspected(silent));
            await().atMost(Duration.ofSeconds(30))
                    .untilAsserted(() -> given().get("/migrations/" + id)
                            .then()
                            .body("status", equalTo("SUCCEEDED"))
                            .body("tasks.failed", equalTo(0)));
        }
    }

    /** The migration runs on, no task failed, for the whole of {@code period}. */
    private static void awaitStillRunningWithoutFailure(String migrationId, Duration period) {
        await("the migration running, no task failed, for " + period.toMillis() + " ms")
                .during(period)
                .atMost(period.plusSeconds(5))
                .until(() -> {
                    JsonPath view = given().get("/migrations/" + migrationId).jsonPath();
                    return view.getString("status").equals("RUNNING") && view.getInt("tasks.failed") == 0;
                });
    }
}
