package com.clearmlmigrator.e2e;

import static com.clearmlmigrator.e2e.RunningSystem.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.clearmlmigrator.localservers.LocalStack;
import com.clearmlmigrator.localservers.ManagedProcess;
import com.clearmlmigrator.synthetic.DatasetSpec;
import com.clearmlmigrator.synthetic.ElasticEra;

/**
 * The Kafka broker away for longer than a worker's producer waits for it, in the middle of an es-copy: tasks that end
 * meanwhile keep their results until the broker is back, instead of failing the worker's task consumer (its watchdog
 * then restarted the worker, and the tasks ran again from their start: seen on the dev stack with Kafka away for 150 s,
 * longer than the producer's two-minute delivery timeout). Here the elastic-worker's producer gives up after 5 s, so an
 * outage of 25 s shows the same.
 */
@OnSecondSystem
class KafkaOutageIT {
    @RegisterExtension
    static final OwnCompanies own =
            OwnCompanies.onStack(ElasticEra.ES5, DatasetSpec.of(17, 3, 8)).copiedToStackEs7();

    private static final Duration OUTAGE = Duration.ofSeconds(25);

    /** A results producer that gives a record up after 5 s instead of Kafka's 2 minutes. */
    private static final List<String> IMPATIENT_PRODUCER = List.of(
            "-Dmp.messaging.outgoing.migration-task-results.delivery.timeout.ms=5000",
            "-Dmp.messaging.outgoing.migration-task-results.request.timeout.ms=2000",
            "-Dmp.messaging.outgoing.migration-task-results.max.block.ms=2000");

    @Test
    void tasksThatEndWhileKafkaIsAwayKeepTheirResultsUntilItIsBack() throws Exception {
        ServiceFaults.stop(LocalStack.ELASTIC_WORKER);
        ManagedProcess worker = RunningSystem.stack()
                .startService(
                        LocalStack.ELASTIC_WORKER,
                        LocalStack.ELASTIC_WORKER,
                        RunningSystem.ports().elasticWorker(),
                        false,
                        IMPATIENT_PRODUCER);
        String id = Migrations.submit(Migrations.esCopy(
                RunningSystem.ports().elastic5Url(),
                RunningSystem.ports().elastic7Url(),
                own.indexPatterns(),
                "\"maxDocsPerSecond\":40"));
        await().atMost(Duration.ofMinutes(1))
                .until(() -> given().get("/migrations/" + id).path("tasks.succeeded"), done -> (int) done >= 1);

        RunningSystem.stack().restartKafka(OUTAGE);

        CopyAssertions.assertCopiedIntact(
                id,
                new ElasticHttp(RunningSystem.ports().elastic5Url()),
                new ElasticHttp(RunningSystem.ports().elastic7Url()),
                own.indices(),
                "7.");
        assertThat(resultsKeptForKafka(worker))
                .as("a task ended while Kafka was away (else this test saw nothing)")
                .isNotEmpty();
        assertThat(worker.isAlive()).as("the elastic-worker still runs").isTrue();
        assertThat(RunningSystem.stack().process(LocalStack.ELASTIC_WORKER).pid())
                .as("the elastic-worker was not started again")
                .isEqualTo(worker.pid());
    }

    private static List<String> resultsKeptForKafka(ManagedProcess service) throws IOException {
        try (Stream<String> lines = Files.lines(service.log())) {
            return lines.filter(line -> line.contains("Kafka did not take the result of task"))
                    .toList();
        }
    }
}
