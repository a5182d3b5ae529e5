package com.clearmlmigrator.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.github.dockerjava.core.dockerfile.Dockerfile;

/**
 * docker/Dockerfile against the build context Docker would send for it: the repository as .dockerignore leaves it,
 * made by docker-java as the Docker CLI makes it, no engine needed. A .dockerignore that drops sources (once,
 * {@code **}{@code /target/} dropped every adapter package then named {@code target}) or a module missing from the
 * dependency layer fails here, not in an operator's {@code docker compose build}.
 */
class DockerContextTest {
    private static final String DOCKERFILE = "docker/Dockerfile";
    private static final List<String> SERVICES = List.of("planner-service", "mongo-worker", "elastic-worker");

    private static Set<String> context;
    private static DockerfileStages stages;

    @BeforeAll
    static void theContextDockerWouldSend() throws IOException {
        Dockerfile dockerfile =
                new Dockerfile(Repository.ROOT.resolve(DOCKERFILE).toFile(), Repository.ROOT.toFile());
        context = new HashSet<>();
        try (InputStream tar = dockerfile.parse().buildDockerFolderTar();
                // Sent gzipped, as the CLI sends it.
                TarArchiveInputStream entries = new TarArchiveInputStream(new GzipCompressorInputStream(tar))) {
            for (TarArchiveEntry entry = entries.getNextEntry(); entry != null; entry = entries.getNextEntry()) {
                if (entry.isFile()) {
                    context.add(entry.getName());
                }
            }
        }
        stages = DockerfileStages.parse(Repository.read(DOCKERFILE));
    }

    @Test
    void everySourceAndPomOfTheBuildIsInTheContext() {
        List<String> inputs = Repository.buildInputs();

        assertThat(inputs).as("the build's inputs found").contains("pom.xml", "planner-service/pom.xml");
        assertThat(context).as("the context .dockerignore leaves").containsAll(inputs);
    }

    @Test
    void mavenOutputAndTheDevStackAreLeftOut() {
        assertThat(context)
                .noneMatch(path -> path.startsWith("planner-service/target/"))
                .noneMatch(path -> path.startsWith(".dev-stack/"))
                .noneMatch(path -> path.startsWith(".git/"));
    }

    @Test
    void everyModuleIsInTheDependencyLayerSoItsDownloadsAreCached() {
        List<String> copied = stages.stages().get("dependencies").arguments("COPY").stream()
                .map(arguments -> arguments.split("\\s+")[0])
                .toList();

        assertThat(copied).containsExactlyInAnyOrderElementsOf(Repository.poms());
    }

    @Test
    void whatTheDockerfileCopiesFromTheContextIsThere() {
        for (DockerfileStages.Stage stage : stages.stages().values()) {
            for (String copy : stage.arguments("COPY")) {
                List<String> words = List.of(copy.split("\\s+"));
                if (words.stream().anyMatch(word -> word.startsWith("--from="))) {
                    continue;
                }
                List<String> sources = words.stream()
                        .filter(word -> !word.startsWith("--"))
                        .toList()
                        .subList(
                                0,
                                (int) words.stream()
                                                .filter(w -> !w.startsWith("--"))
                                                .count()
                                        - 1);
                for (String source : sources) {
                    if (!source.equals(".")) {
                        assertThat(context)
                                .as(stage.name() + ": COPY " + copy)
                                .anyMatch(path -> path.equals(source) || path.startsWith(source + "/"));
                    }
                }
            }
        }
    }

    @Test
    void eachServiceImageRunsAsAUserWithAHealthCheckAndMemoryThatFollowsTheContainer() {
        for (String service : SERVICES) {
            assertThat(stages.stages()).as("a target per service").containsKey(service);
            assertThat(stages.last(service, "USER"))
                    .as(service + "'s user")
                    .hasValueSatisfying(
                            user -> assertThat(user).doesNotStartWith("root").doesNotStartWith("0"));
            assertThat(stages.last(service, "HEALTHCHECK"))
                    .as(service + "'s health check")
                    .isPresent();
            assertThat(stages.effective(service))
                    .as(service + "'s JVM flags")
                    .anyMatch(instruction -> instruction.keyword().equals("ENV")
                            && instruction.arguments().contains("-XX:MaxRAMPercentage="));
            assertThat(stages.effective(service))
                    .as(service + "'s application")
                    .anyMatch(instruction -> instruction.keyword().equals("COPY")
                            && instruction.arguments().contains("/src/" + service + "/target/quarkus-app/"));
        }
    }
}
