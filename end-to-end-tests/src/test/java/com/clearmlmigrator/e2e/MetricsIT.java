package com.clearmlmigrator.e2e;

import static com.clearmlmigrator.e2e.Migrations.elastic;
import static com.clearmlmigrator.e2e.Migrations.mongo;
import static com.clearmlmigrator.e2e.WorkerMetrics.scrape;
import static com.clearmlmigrator.e2e.WorkerMetrics.scrapeWorkers;
import static com.clearmlmigrator.e2e.WorkerMetrics.value;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.clearmlmigrator.contracts.FailureReason;
import com.clearmlmigrator.localservers.LocalStack;
import com.clearmlmigrator.localservers.RepoLayout;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Prometheus metrics of the three services after a real migration, and the Grafana dashboard in docker/ against what
 * they expose: every metric a panel queries is one a service serves.
 */
@OnRunningSystem
class MetricsIT {
    private static final Pattern METRIC_NAME = Pattern.compile("\\b((?:migrator|kafka|jvm|process|http)_[a-z_]+)\\b");

    @Test
    void everyTaskTypeAndFailureReasonOfAWorkerIsServedWhetherItHappenedOrNot() {
        String scraped =
                scrapeWorkers(LocalStack.MONGO_WORKER, RunningSystem.ports().mongoWorker());

        // Counted from zero: a rate or an increase sees the first one, and a dashboard shows none, not "no data".
        for (FailureReason reason : FailureReason.values()) {
            assertThat(value(
                            scraped,
                            "migrator_task_failures_total\\{reason=\""
                                    + reason.name().toLowerCase(Locale.ROOT)
                                    + "\",type=\"undo_relink_collection\"}"))
                    .isNotNegative();
        }
        assertThat(scraped).doesNotContain("type=\"copy_slice\"");
    }

    @Test
    void aMigrationShowsInTheMetricsOfEveryServiceAndTheDashboardQueriesOnlyThose() throws IOException {
        String id = Migrations.submit(
                "{\"kind\":\"inspect\"," + mongo(RunningSystem.ports().mongoUri()) + ","
                        + elastic(RunningSystem.ports().elastic7Url()) + "}");
        assertThat(Migrations.awaitFinal(id).getString("status")).isEqualTo("SUCCEEDED");

        String planner = scrape(RunningSystem.ports().planner());
        String mongoWorker =
                scrapeWorkers(LocalStack.MONGO_WORKER, RunningSystem.ports().mongoWorker());
        String elasticWorker =
                scrapeWorkers(LocalStack.ELASTIC_WORKER, RunningSystem.ports().elasticWorker());

        assertThat(value(planner, "migrator_migrations\\{status=\"succeeded\"}"))
                .isGreaterThanOrEqualTo(1);
        assertThat(value(mongoWorker, "migrator_tasks_total\\{outcome=\"succeeded\",type=\"inspect_collection\"}"))
                .isPositive();
        assertThat(value(elasticWorker, "migrator_tasks_total\\{outcome=\"succeeded\",type=\"inspect_index\"}"))
                .isPositive();
        assertThat(value(elasticWorker, "migrator_documents_total\\{type=\"inspect_index\"}"))
                .isPositive();
        assertThat(value(
                        mongoWorker,
                        "migrator_task_duration_seconds_count\\{outcome=\"succeeded\",type=\"inspect_collection\"}"))
                .isPositive();
        assertThat(elasticWorker)
                .contains("migrator_tasks_running ")
                .contains("kafka_consumer_fetch_manager_records_lag_max");

        Set<String> served = new HashSet<>();
        for (String scraped : List.of(planner, mongoWorker, elasticWorker)) {
            served.addAll(names(scraped));
        }
        assertThat(dashboardMetrics())
                .isNotEmpty()
                .allSatisfy(metric -> assertThat(served)
                        .as("served by a service, as the dashboard queries it")
                        .contains(metric));
    }

    private static Set<String> names(String scraped) {
        Set<String> names = new HashSet<>();
        scraped.lines()
                .filter(line -> !line.startsWith("#") && !line.isBlank())
                .forEach(line -> names.add(line.split("[{ ]", 2)[0]));
        return names;
    }

    private static List<String> dashboardMetrics() throws IOException {
        Path dashboard = RepoLayout.locate().root().resolve("docker/grafana/clearml-migrator-dashboard.json");
        JsonNode panels =
                new ObjectMapper().readTree(Files.readString(dashboard)).path("panels");
        List<String> metrics = new ArrayList<>();
        for (JsonNode panel : panels) {
            for (JsonNode target : panel.path("targets")) {
                Matcher name = METRIC_NAME.matcher(target.path("expr").asText());
                while (name.find()) {
                    metrics.add(name.group(1));
                }
            }
        }
        return metrics;
    }
}
