package com.clearmlmigrator.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * docker/docker-compose.yml beside ClearML's stock compose: on ClearML's network, clear of its names and ports,
 * with the secrets from the operator's environment, reports on a volume, and services that come back by themselves.
 */
class ComposeFileTest {
    /** The services of ClearML's docker-compose.yml, whose names resolve on its network. */
    private static final Set<String> CLEARML_SERVICES = Set.of(
            "apiserver",
            "webserver",
            "fileserver",
            "mongo",
            "elasticsearch",
            "redis",
            "async_delete",
            "agent-services");
    /** What ClearML's compose publishes (webserver, apiserver, fileserver) or an operator may have published. */
    private static final Set<Integer> CLEARML_PORTS = Set.of(8080, 8008, 8081, 9200, 27017, 6379);

    private static final List<String> SERVICES = List.of("planner-service", "mongo-worker", "elastic-worker");
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Z_]+)(:?[-?])([^}]*)}");

    private static Map<String, Object> compose;
    private static Map<String, Map<String, Object>> services;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void readTheComposeFile() {
        compose = new Yaml().load(Repository.read("docker/docker-compose.yml"));
        services = (Map<String, Map<String, Object>>) compose.get("services");
    }

    @Test
    void theServicesJoinClearmlsBackendNetworkAndKeepTheirOwnStoresOffIt() {
        Map<String, Object> clearml = map(map(compose.get("networks")).get("clearml"));
        assertThat(clearml).containsEntry("external", true);
        assertThat(withDefaults((String) clearml.get("name"))).isEqualTo("clearml_backend");

        for (String service : SERVICES) {
            assertThat(list(services.get(service).get("networks"))).as(service).contains("clearml", "migrator");
        }
        assertThat(list(services.get("migrator-kafka").get("networks"))).containsExactly("migrator");
        assertThat(list(services.get("migrator-mongo").get("networks"))).containsExactly("migrator");
        assertThat(services.keySet())
                .as("names that would shadow ClearML's")
                .doesNotContainAnyElementsOf(CLEARML_SERVICES);
    }

    @Test
    void onlyThePlannerIsPublishedOnAPortClearmlLeavesFree() {
        for (Map.Entry<String, Map<String, Object>> service : services.entrySet()) {
            List<String> ports = list(service.getValue().getOrDefault("ports", List.of()));
            if (!service.getKey().equals("planner-service")) {
                assertThat(ports).as(service.getKey()).isEmpty();
                continue;
            }
            assertThat(ports).singleElement().satisfies(port -> {
                String[] parts = withDefaults(port).split(":");
                assertThat(parts[0])
                        .as("bound to loopback unless MIGRATOR_BIND says otherwise")
                        .isEqualTo("127.0.0.1");
                assertThat(Integer.parseInt(parts[1])).isNotIn(CLEARML_PORTS);
            });
        }
    }

    @Test
    void theTokenIsRequiredAndTheKeyComesFromTheEnvironmentOfEveryService() {
        assertThat((String) environment("planner-service").get("PLANNER_API_TOKEN"))
                .startsWith("${MIGRATOR_API_TOKEN:?");
        for (String service : SERVICES) {
            assertThat(environment(service))
                    .as(service)
                    .containsEntry("MIGRATOR_SECRET_KEY", "${MIGRATOR_SECRET_KEY:-}")
                    .containsEntry("KAFKA_BOOTSTRAP_SERVERS", "migrator-kafka:9092")
                    .containsEntry("QUARKUS_MONGODB_CONNECTION_STRING", "mongodb://migrator-mongo:27017");
        }
        assertThat(environment("mongo-worker")).doesNotContainKey("PLANNER_API_TOKEN");
    }

    @Test
    void reportsOutliveTheContainerWhereTheImageWritesThem() {
        String reportDir =
                DockerfileStages.parse(Repository.read("docker/Dockerfile")).effective("planner-service").stream()
                        .filter(instruction -> instruction.keyword().equals("ENV"))
                        .map(instruction -> instruction.arguments())
                        .filter(env -> env.contains("PLANNER_REPORT_DIR="))
                        .map(env -> env.replaceAll("(?s).*PLANNER_REPORT_DIR=(\\S+).*", "$1"))
                        .findFirst()
                        .orElseThrow();

        assertThat(list(services.get("planner-service").get("volumes"))).contains("reports:" + reportDir);
        assertThat(map(compose.get("volumes"))).containsKey("reports");
    }

    @Test
    void workersHaveAsLongToStopAsInTheHelmChart() {
        String chart = Repository.read("deploy/helm/clearml-migrator/templates/workers.yaml");
        Matcher grace = Pattern.compile("terminationGracePeriodSeconds: (\\d+)").matcher(chart);
        assertThat(grace.find()).as("the chart's grace period").isTrue();
        for (String worker : List.of("mongo-worker", "elastic-worker")) {
            assertThat(services.get(worker)).as(worker).containsEntry("stop_grace_period", grace.group(1) + "s");
        }
    }

    @Test
    void everyServiceRestartsAndIsStartedOnlyOnceItsStoresAreHealthy() {
        DockerfileStages dockerfile = DockerfileStages.parse(Repository.read("docker/Dockerfile"));
        for (Map.Entry<String, Map<String, Object>> service : services.entrySet()) {
            assertThat(service.getValue()).as(service.getKey()).containsEntry("restart", "unless-stopped");
            boolean builtHere = service.getValue().containsKey("build");
            if (builtHere) {
                String target = (String) map(service.getValue().get("build")).get("target");
                assertThat(dockerfile.last(target, "HEALTHCHECK"))
                        .as(service.getKey() + "'s image")
                        .isPresent();
                assertThat(map(service.getValue().get("depends_on")))
                        .as(service.getKey())
                        .containsEntry("migrator-kafka", Map.of("condition", "service_healthy"))
                        .containsEntry("migrator-mongo", Map.of("condition", "service_healthy"));
            } else {
                assertThat(service.getValue()).as(service.getKey()).containsKey("healthcheck");
            }
        }
    }

    /** A compose value with each ${NAME:-default} and ${NAME-default} given its default. */
    private static String withDefaults(String value) {
        Matcher variable = VARIABLE.matcher(value);
        StringBuilder resolved = new StringBuilder();
        while (variable.find()) {
            variable.appendReplacement(
                    resolved,
                    Matcher.quoteReplacement(variable.group(2).endsWith("-") ? variable.group(3) : "<required>"));
        }
        return variable.appendTail(resolved).toString();
    }

    private static Map<String, Object> environment(String service) {
        return map(services.get(service).get("environment"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<String> list(Object value) {
        return (List<String>) value;
    }
}
