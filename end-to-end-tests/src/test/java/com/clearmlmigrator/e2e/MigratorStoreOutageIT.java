package com.clearmlmigrator.e2e;

import static com.clearmlmigrator.e2e.RunningSystem.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.clearmlmigrator.localservers.LocalStack;
import com.clearmlmigrator.synthetic.DatasetSpec;
import com.clearmlmigrator.synthetic.ElasticEra;

/**
 * The migrator's own MongoDB (the planner's migrations, the workers' task leases) going away in the middle of an
 * es-copy, as when the MongoDB ClearML and the migrator share is restarted in a maintenance window. Meanwhile the
 * workers wait for their leases, the planner for the store to record results, and the API answers 503; once it is back
 * the copy ends whole, and no service had to be restarted: before, each service's consumer failed on the outage (the
 * workers' and the planner's watchdogs would restart them), and the planner stayed deaf to heartbeats for good.
 */
@OnSecondSystem
class MigratorStoreOutageIT {
    @RegisterExtension
    static final OwnCompanies own =
            OwnCompanies.onStack(ElasticEra.ES5, DatasetSpec.of(15, 3, 8)).copiedToStackEs7();

    private static final Duration OUTAGE = Duration.ofSeconds(20);

    @Test
    void theMigratorsMongoDbAwayMidCopyLosesNothingAndNoServiceIsRestarted() {
        Map<String, Long> pids = LocalStack.SERVICES.stream()
                .collect(Collectors.toMap(
                        Function.identity(),
                        name -> RunningSystem.stack().process(name).pid()));
        String id = Migrations.submit(Migrations.esCopy(
                RunningSystem.ports().elastic5Url(),
                RunningSystem.ports().elastic7Url(),
                own.indexPatterns(),
                "\"maxDocsPerSecond\":40"));
        await().atMost(Duration.ofMinutes(1))
                .until(() -> given().get("/migrations/" + id).path("tasks.succeeded"), done -> (int) done >= 1);

        RunningSystem.servicesMongo().takeAwayFor(OUTAGE);
        await("the API's answer while the store is away")
                .atMost(OUTAGE)
                .untilAsserted(() ->
                        given().get("/migrations/" + id).then().statusCode(503).header("Retry-After", "10"));

        CopyAssertions.assertCopiedIntact(
                id,
                new ElasticHttp(RunningSystem.ports().elastic5Url()),
                new ElasticHttp(RunningSystem.ports().elastic7Url()),
                own.indices(),
                "7.");
        assertThat(RunningSystem.servicesMongo().isUp()).isTrue();
        LocalStack.SERVICES.forEach(
                name -> assertThat(RunningSystem.stack().process(name).isAlive())
                        .as(name + " still runs")
                        .isTrue());
        assertThat(LocalStack.SERVICES.stream()
                        .collect(Collectors.toMap(
                                Function.identity(),
                                name -> RunningSystem.stack().process(name).pid())))
                .as("no service was started again")
                .isEqualTo(pids);
        given().get("/q/health/live").then().statusCode(200);
    }
}
