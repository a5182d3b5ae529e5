package com.clearmlmigrator.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.junit.jupiter.api.Test;

import com.clearmlmigrator.cli.ClearmlMigrator;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobSpec;

import picocli.CommandLine.ParseResult;

/**
 * deploy/helm/clearml-migrator rendered by Helm (from Maven Central, no download at run time) and read as the
 * Kubernetes API's objects: what an operator installs with a chosen worker count beside ClearML's release.
 */
class HelmChartTest {
    private static final String TOKEN = "token-of-the-operator";
    private static final String STATE_STORE = "mongodb://migrator:password@clearml-mongodb:27017";
    private static final String KAFKA = "my-cluster-kafka-bootstrap.kafka:9092";

    private static Map<String, Object> required() {
        Map<String, Object> values = new HashMap<>();
        values.put("kafka.bootstrapServers", KAFKA);
        values.put("stateStore.mongoUri", STATE_STORE);
        values.put("secret.apiToken", TOKEN);
        return values;
    }

    @Test
    void everyObjectIsOneTheKubernetesApiKnows() {
        Map<String, Object> values = required();
        values.put("upgradeElastic.enabled", true);
        values.put("planner.reports.persistence", true);

        RenderedChart chart = RenderedChart.with(values);

        assertThat(chart.names())
                .containsExactlyInAnyOrder(
                        "Secret/migrator-clearml-migrator-secret",
                        "Deployment/migrator-clearml-migrator-planner",
                        "Service/migrator-clearml-migrator-planner",
                        "PersistentVolumeClaim/migrator-clearml-migrator-reports",
                        "Deployment/migrator-clearml-migrator-mongo-worker",
                        "Deployment/migrator-clearml-migrator-elastic-worker",
                        "Job/migrator-clearml-migrator-upgrade-elastic");
    }

    @Test
    void workersScaleByAValueAndEveryServiceIsProbedOnItsOwnPort() {
        Map<String, Object> values = required();
        values.put("elasticWorker.replicas", 5);
        values.put("mongoWorker.replicas", 3);

        RenderedChart chart = RenderedChart.with(values);

        assertThat(chart.named(Deployment.class, "migrator-clearml-migrator-elastic-worker")
                        .getSpec()
                        .getReplicas())
                .isEqualTo(5);
        assertThat(chart.named(Deployment.class, "migrator-clearml-migrator-mongo-worker")
                        .getSpec()
                        .getReplicas())
                .isEqualTo(3);
        assertThat(chart.named(Deployment.class, "migrator-clearml-migrator-planner")
                        .getSpec()
                        .getReplicas())
                .as("one planner owns the lifecycle")
                .isEqualTo(1);
        assertThat(value(
                        container(chart.named(Deployment.class, "migrator-clearml-migrator-planner"))
                                .getEnv(),
                        "PLANNER_COPY_WORKERS"))
                .as("a copy's rate limit is shared among the elastic-workers")
                .isEqualTo("5");
        Map<String, Integer> ports = Map.of("planner-service", 8080, "mongo-worker", 8091, "elastic-worker", 8092);
        for (Deployment deployment : chart.all(Deployment.class)) {
            Container container =
                    deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
            assertThat(container.getPorts()).singleElement().satisfies(port -> {
                assertThat(port.getName()).isEqualTo("http");
                assertThat(port.getContainerPort()).isEqualTo(ports.get(container.getName()));
            });
            assertProbe(container.getStartupProbe(), "/q/health/started");
            assertProbe(container.getLivenessProbe(), "/q/health/live");
            assertProbe(container.getReadinessProbe(), "/q/health/ready");
            assertThat(deployment
                            .getSpec()
                            .getTemplate()
                            .getSpec()
                            .getSecurityContext()
                            .getRunAsNonRoot())
                    .as(container.getName() + " runs as a user")
                    .isTrue();
            assertThat(container.getImage()).isEqualTo("clearml-migrator/" + container.getName() + ":0.1.0");
            assertThat(deployment.getSpec().getTemplate().getMetadata().getAnnotations())
                    .containsEntry("prometheus.io/path", "/q/metrics")
                    .containsEntry("prometheus.io/port", Integer.toString(ports.get(container.getName())));
        }
    }

    @Test
    void theTokenAndTheStoreReachThePodsOnlyThroughTheSecretAndKafkaIsTheOperators() {
        Map<String, Object> values = required();
        values.put("kafka.env.KAFKA_SECURITY_PROTOCOL", "SASL_SSL");

        RenderedChart chart = RenderedChart.with(values);

        Secret secret = chart.named(Secret.class, "migrator-clearml-migrator-secret");
        assertThat(secret.getStringData())
                .containsEntry("api-token", TOKEN)
                .containsEntry("state-store-uri", STATE_STORE)
                .doesNotContainKey("secret-key");
        for (Deployment deployment : chart.all(Deployment.class)) {
            List<EnvVar> env = container(deployment).getEnv();
            assertThat(env)
                    .as("no secret in plain sight")
                    .extracting(EnvVar::getValue)
                    .filteredOn(Objects::nonNull)
                    .doesNotContain(TOKEN, STATE_STORE);
            assertThat(value(env, "KAFKA_BOOTSTRAP_SERVERS")).isEqualTo(KAFKA);
            assertThat(value(env, "KAFKA_SECURITY_PROTOCOL")).isEqualTo("SASL_SSL");
            EnvVar store = variable(env, "QUARKUS_MONGODB_CONNECTION_STRING");
            assertThat(store.getValueFrom().getSecretKeyRef().getName())
                    .isEqualTo(secret.getMetadata().getName());
            assertThat(secret.getStringData())
                    .containsKey(store.getValueFrom().getSecretKeyRef().getKey());
            EnvVar key = variable(env, "MIGRATOR_SECRET_KEY");
            assertThat(key.getValueFrom().getSecretKeyRef().getOptional()).isTrue();
        }
        EnvVar token = variable(
                container(chart.named(Deployment.class, "migrator-clearml-migrator-planner"))
                        .getEnv(),
                "PLANNER_API_TOKEN");
        assertThat(secret.getStringData())
                .containsKey(token.getValueFrom().getSecretKeyRef().getKey());
        Service planner = chart.named(Service.class, "migrator-clearml-migrator-planner");
        assertThat(planner.getSpec().getPorts())
                .singleElement()
                .satisfies(port -> assertThat(port.getPort()).isEqualTo(8095));
    }

    @Test
    void aSecretOfTheOperatorsOwnReplacesTheValues() {
        Map<String, Object> values = Map.of("kafka.bootstrapServers", KAFKA, "secret.existingSecret", "their-secret");

        RenderedChart chart = RenderedChart.with(values);

        assertThat(chart.all(Secret.class)).isEmpty();
        for (Deployment deployment : chart.all(Deployment.class)) {
            List<EnvVar> env = container(deployment).getEnv();
            assertThat(variable(env, "QUARKUS_MONGODB_CONNECTION_STRING")
                            .getValueFrom()
                            .getSecretKeyRef()
                            .getName())
                    .isEqualTo("their-secret");
        }
    }

    @Test
    void missingRequiredValuesAreRefusedAllAtOnceWithWhatToGive() {
        assertThatThrownBy(() -> RenderedChart.with(Map.of()))
                .hasMessageContaining("kafka.bootstrapServers is required")
                .hasMessageContaining("Strimzi")
                .hasMessageContaining("stateStore.mongoUri is required")
                .hasMessageContaining("secret.apiToken is required");
        assertThatThrownBy(() ->
                        RenderedChart.with(Map.of("kafka.bootstrapServers", KAFKA, "stateStore.mongoUri", STATE_STORE)))
                .hasMessageContaining("secret.apiToken is required")
                .hasMessageNotContaining("kafka.bootstrapServers");
    }

    @Test
    void lintFindsNothingButTheValuesAnOperatorMustGive() {
        LintResult lint = new Helm(RenderedChart.CHART).lint().strict().call();

        assertThat(lint.getMessages())
                .filteredOn(message -> message.contains("[ERROR]") || message.contains("[WARNING]"))
                .allSatisfy(message -> assertThat(message).contains("is required"));
    }

    @Test
    void theUpgradeJobRunsACommandLineTheCommandTakesOnTheMountedFolders() {
        Map<String, Object> values = required();
        values.put("upgradeElastic.enabled", true);
        values.put("upgradeElastic.toVersion", "8");
        values.put("upgradeElastic.backup", false);
        values.put("upgradeElastic.parallel", 4);

        Job job = RenderedChart.with(values).named(Job.class, "migrator-clearml-migrator-upgrade-elastic");

        JobSpec spec = job.getSpec();
        Container container = spec.getTemplate().getSpec().getContainers().get(0);
        ParseResult upgrade = ClearmlMigrator.commandLine()
                .parseArgs(container.getArgs().toArray(String[]::new))
                .subcommand();
        assertThat(upgrade.commandSpec().name()).isEqualTo("upgrade-elastic");
        assertThat(spec.getBackoffLimit())
                .as("a failed upgrade is not retried blindly")
                .isZero();
        String data = container.getVolumeMounts().get(0).getMountPath();
        assertThat(upgrade.<Path>matchedOptionValue("--source", null)).isEqualTo(Path.of(data, "elastic_7"));
        assertThat(upgrade.<Path>matchedOptionValue("--target", null)).isEqualTo(Path.of(data, "elastic_8"));
        assertThat(upgrade.<Integer>matchedOptionValue("--to-version", null)).isEqualTo(8);
        assertThat(upgrade.<Integer>matchedOptionValue("--parallel", null)).isEqualTo(4);
        assertThat(upgrade.hasMatchedOption("--no-backup")).isTrue();
        assertThat(spec.getTemplate()
                        .getSpec()
                        .getVolumes()
                        .get(0)
                        .getHostPath()
                        .getPath())
                .isEqualTo("/opt/clearml/data");
        assertThat(container.getImage()).isEqualTo("clearml-migrator/upgrade-elastic:0.1.0");
    }

    private static void assertProbe(Probe probe, String path) {
        assertThat(probe).as(path).isNotNull();
        assertThat(probe.getHttpGet().getPath()).isEqualTo(path);
        assertThat(probe.getHttpGet().getPort().getStrVal()).isEqualTo("http");
    }

    private static Container container(Deployment deployment) {
        return deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
    }

    private static EnvVar variable(List<EnvVar> env, String name) {
        return env.stream()
                .filter(variable -> variable.getName().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + name));
    }

    private static String value(List<EnvVar> env, String name) {
        return variable(env, name).getValue();
    }
}
