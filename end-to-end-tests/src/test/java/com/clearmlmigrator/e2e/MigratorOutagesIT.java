package com.clearmlmigrator.e2e;

import static com.clearmlmigrator.e2e.RunningSystem.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.clearmlmigrator.localservers.LocalStack;
import com.clearmlmigrator.localservers.ManagedProcess;
import com.clearmlmigrator.synthetic.DatasetSpec;
import com.clearmlmigrator.synthetic.ElasticEra;

/**
 * The migrator's own infrastructure going away in the middle of an es-copy, as in a maintenance window where the
 * MongoDB ClearML and the migrator share, or the Kafka broker, is restarted. Once it is back the copy ends whole, and
 * no service had to be restarted for it.
 */
@OnSecondSystem
class MigratorOutagesIT {
    @RegisterExtension
    static final OwnCompanies own =
            OwnCompanies.onStack(ElasticEra.ES5, DatasetSpec.of(15, 3, 8)).copiedToStackEs7();

    /**
     * Three times the 5 s after which the impatient producers below give a record up, and longer than the 5 s after
     * which the planner calls Kafka lost (25 s before, more than the tests need).
     */
    private static final Duration KAFKA_OUTAGE = Duration.ofSeconds(15);

    /**
     * The migrator's MongoDB (the planner's migrations, the workers' task leases) away for 20 s: the workers wait for
     * their leases, the planner for the store to record results, and the API answers 503. Before, each service's
     * consumer failed on the outage (the watchdogs would restart them), and the planner stayed deaf to heartbeats.
     */
    @Test
    void theMigratorsMongoDbAwayMidCopyLosesNothingAndNoServiceIsRestarted() {
        Map<String, Long> pids = servicePids();
        String id = startSlowCopy();

        Duration outage = Duration.ofSeconds(20);
        RunningSystem.servicesMongo().takeAwayFor(outage);
        await("the API's answer while the store is away")
                .atMost(outage)
                .untilAsserted(() ->
                        given().get("/migrations/" + id).then().statusCode(503).header("Retry-After", "10"));

        assertCopiedWhole(id);
        assertThat(RunningSystem.servicesMongo().isUp()).isTrue();
        LocalStack.SERVICES.forEach(
                name -> assertThat(RunningSystem.stack().process(name).isAlive())
                        .as(name + " still runs")
                        .isTrue());
        assertThat(servicePids()).as("no service was started again").isEqualTo(pids);
        given().get("/q/health/live").then().statusCode(200);
    }

    /**
     * The Kafka broker away for longer than a worker's producer waits for it: tasks that end meanwhile keep their
     * results until the broker is back. Before, the failed send failed the worker's task consumer, its watchdog
     * restarted it, and its tasks ran again from their start (seen on the dev stack with Kafka away for minutes, past
     * the producer's two-minute delivery timeout). Here the elastic-worker's producer gives up after 5 s, so an outage
     * of 15 s shows the same.
     */
    @Test
    void tasksThatEndWhileKafkaIsAwayKeepTheirResultsUntilItIsBack() throws Exception {
        ManagedProcess worker = startedAgainWithAnImpatientProducer(
                LocalStack.ELASTIC_WORKER, RunningSystem.ports().elasticWorker(), "migration-task-results");
        String id = startSlowCopy();

        RunningSystem.stack().restartKafka(KAFKA_OUTAGE);

        assertCopiedWhole(id);
        assertThat(logLines(worker, "Kafka did not take the result of task"))
                .as("a task ended while Kafka was away (else this test saw nothing)")
                .isNotEmpty();
        assertThat(worker.isAlive()).as("the elastic-worker still runs").isTrue();
        assertThat(RunningSystem.stack().process(LocalStack.ELASTIC_WORKER).pid())
                .as("the elastic-worker was not started again")
                .isEqualTo(worker.pid());
    }

    /**
     * A migration submitted while the broker is away (the planner's producer gives its tasks up after 5 s): it is
     * accepted, and its tasks are sent once the broker is back. Before, its planning "failed unexpectedly" once the
     * producer gave up, with a stack trace in the log, and nothing would send its tasks but a planner restart.
     */
    @Test
    void aMigrationSubmittedWhileKafkaIsAwaySendsItsTasksOnceItIsBack() throws Exception {
        ManagedProcess planner = startedAgainWithAnImpatientProducer(
                LocalStack.PLANNER, RunningSystem.ports().planner(), "migration-tasks-mongo");
        CompletableFuture<Void> outage = kafkaAwayInTheBackground();

        String id = Migrations.submit("{\"kind\":\"inspect\","
                + Migrations.mongo(RunningSystem.ports().mongoUri()) + "}");
        outage.get(2, TimeUnit.MINUTES);

        Migrations.awaitEnded(id, "SUCCEEDED");
        assertThat(logLines(planner, "they are sent once the broker is back"))
                .as("the broker did not take the tasks at first (else this test saw nothing)")
                .isNotEmpty();
        assertThat(logLines(planner, "Planning migration " + id + " failed")).isEmpty();
    }

    /**
     * A migration cancelled while the broker is away (the planner's producer of closures gives a record up after 5 s):
     * the cancellation is announced to the workers once the broker is back, and they skip the migration's queued tasks.
     * Before, the planner logged it as lost and left it to the producer's own retries, which ended with the delivery
     * timeout: the workers then performed the cancelled migration's queued tasks.
     */
    @Test
    void aMigrationCancelledWhileKafkaIsAwayHasItsQueuedTasksSkipped() throws Exception {
        ManagedProcess planner = startedAgainWithAnImpatientProducer(
                LocalStack.PLANNER, RunningSystem.ports().planner(), "migrations-closed");
        // Slower than the other tests' copies, so that most of its tasks still wait in Kafka when it is cancelled and
        // when the broker is back, instead of having been taken by the worker before it heard of the cancellation.
        String id = submitCopy(10);
        await().atMost(Duration.ofMinutes(1))
                .until(() -> given().get("/migrations/" + id).<List<?>>path("running"), running -> !running.isEmpty());
        CompletableFuture<Void> outage = kafkaAwayInTheBackground();

        given().post("/migrations/" + id + "/cancel").then().statusCode(200);
        outage.get(2, TimeUnit.MINUTES);

        await().atMost(Duration.ofMinutes(2))
                .until(() -> given().get("/migrations/" + id).<Integer>path("tasks.pending") == 0);
        assertThat(given().get("/migrations/" + id).<String>path("status")).isEqualTo("CANCELLED");
        assertThat(logLines(RunningSystem.stack().process(LocalStack.ELASTIC_WORKER), "Skipped task " + id))
                .as("queued tasks the elastic-worker skipped once it heard of the cancellation")
                .isNotEmpty();
        assertThat(logLines(planner, "announced to the workers after all")).isNotEmpty();
    }

    /**
     * A retry asked for while the planner has lost Kafka is answered at once, and its tasks are sent once the broker is
     * back. Before, the request was held until the broker took the tasks, or the producer gave them up (2 minutes).
     */
    @Test
    void aRetryAskedForWhileKafkaIsAwayIsAnsweredBeforeItIsBackAndRunsOnceItIs() throws Exception {
        String id = pausedCopy();
        ManagedProcess planner = RunningSystem.stack().process(LocalStack.PLANNER);
        int lossesBefore = logLines(planner, "The planner has lost Kafka").size();
        CompletableFuture<Void> outage = kafkaAwayInTheBackground();
        await().atMost(KAFKA_OUTAGE)
                .until(() -> logLines(planner, "The planner has lost Kafka").size() > lossesBefore);

        given().post("/migrations/" + id + "/retry").then().statusCode(202);

        assertThat(outage)
                .as("the retry answered while the broker is still away")
                .isNotDone();
        outage.get(2, TimeUnit.MINUTES);
        assertCopiedWhole(id);
        assertThat(logLines(planner, "Migration " + id + ": the planner does not hear Kafka now"))
                .isNotEmpty();
    }

    /** Takes the broker away for {@link #KAFKA_OUTAGE} and starts it again, in the background; returns once it is away. */
    private static CompletableFuture<Void> kafkaAwayInTheBackground() {
        ManagedProcess broker = RunningSystem.stack().process("kafka");
        CompletableFuture<Void> outage = CompletableFuture.runAsync(() -> {
            try {
                RunningSystem.stack().restartKafka(KAFKA_OUTAGE);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        await().atMost(Duration.ofSeconds(30)).until(() -> !broker.isAlive());
        return outage;
    }

    /**
     * Stops a service and starts it again on its port with a producer to {@code channel} that gives a record up after
     * 5 s instead of Kafka's 2 minutes.
     */
    private static ManagedProcess startedAgainWithAnImpatientProducer(String service, int port, String channel) {
        String producer = "-Dmp.messaging.outgoing." + channel + ".";
        ServiceFaults.stop(service);
        return RunningSystem.stack()
                .startService(
                        service,
                        service,
                        port,
                        false,
                        List.of(
                                producer + "delivery.timeout.ms=5000",
                                producer + "request.timeout.ms=2000",
                                producer + "max.block.ms=2000"));
    }

    /** A copy of the test's companies at 40 documents a second, once its first task has succeeded. */
    private static String startSlowCopy() {
        String id = submitCopy(40);
        await().atMost(Duration.ofMinutes(1))
                .until(() -> given().get("/migrations/" + id).path("tasks.succeeded"), done -> (int) done >= 1);
        return id;
    }

    /**
     * A copy of the test's companies that paused on its first index coming up write-blocked (as a flood-stage watermark
     * would make it), the block lifted once it paused, so that a retry finishes it.
     */
    private static String pausedCopy() {
        ElasticHttp es7 = new ElasticHttp(RunningSystem.ports().elastic7Url());
        String blocked = own.indices().get(0);
        es7.put(
                "/_template/zz-blocked",
                "{\"index_patterns\":[\"" + blocked + "\"],\"order\":100,\"settings\":{\"index.blocks.write\":true}}");
        String id;
        try {
            id = submitCopy(1_000);
            Migrations.awaitStatus(id, "PAUSED");
        } finally {
            es7.delete("/_template/zz-blocked");
        }
        // null, not false: the setting goes, as a lifted block leaves none.
        es7.put("/" + blocked + "/_settings", "{\"index.blocks.write\": null}");
        return id;
    }

    /** Submits a copy of the test's companies' indices, over any left by an earlier test, at this pace. */
    private static String submitCopy(int documentsPerSecond) {
        return Migrations.submit(Migrations.esCopy(
                RunningSystem.ports().elastic5Url(),
                RunningSystem.ports().elastic7Url(),
                own.indexPatterns(),
                "\"ifTargetExists\":\"overwrite\",\"maxDocsPerSecond\":" + documentsPerSecond));
    }

    private static void assertCopiedWhole(String id) {
        CopyAssertions.assertCopiedIntact(
                id,
                new ElasticHttp(RunningSystem.ports().elastic5Url()),
                new ElasticHttp(RunningSystem.ports().elastic7Url()),
                own.indices(),
                "7.");
    }

    private static Map<String, Long> servicePids() {
        return LocalStack.SERVICES.stream()
                .collect(Collectors.toMap(
                        Function.identity(),
                        name -> RunningSystem.stack().process(name).pid()));
    }

    private static List<String> logLines(ManagedProcess service, String containing) throws IOException {
        try (Stream<String> lines = Files.lines(service.log())) {
            return lines.filter(line -> line.contains(containing)).toList();
        }
    }
}
