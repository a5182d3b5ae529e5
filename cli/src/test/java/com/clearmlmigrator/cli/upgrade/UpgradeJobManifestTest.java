package com.clearmlmigrator.cli.upgrade;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.clearmlmigrator.cli.ClearmlMigrator;
import com.clearmlmigrator.cli.command.UpgradeElasticCommand;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import picocli.CommandLine.ParseResult;

/** The Kubernetes Job runs a command line the command takes, on the folders its volumes mount. */
class UpgradeJobManifestTest {
    private static final Path MANIFEST = Path.of("../deploy/kubernetes/upgrade-elastic-job.yaml");

    @Test
    void theJobsArgumentsParseAsAnUpgradeOfTheMountedFolders() throws IOException {
        JsonNode job = new ObjectMapper(new YAMLFactory()).readTree(MANIFEST.toFile());
        JsonNode pod = job.path("spec").path("template").path("spec");
        JsonNode container = pod.path("containers").path(0);
        List<String> args = new ArrayList<>();
        container.path("args").forEach(arg -> args.add(arg.asText()));

        ParseResult parsed = ClearmlMigrator.commandLine().parseArgs(args.toArray(String[]::new));

        UpgradeElasticCommand upgrade =
                (UpgradeElasticCommand) parsed.subcommand().commandSpec().userObject();
        String dataMount =
                container.path("volumeMounts").path(0).path("mountPath").asText();
        assertThat(job.path("kind").asText()).isEqualTo("Job");
        assertThat(job.path("spec").path("backoffLimit").asInt())
                .as("a failed upgrade is not retried blindly")
                .isZero();
        assertThat(upgrade.source().startsWith(dataMount))
                .as(upgrade.source() + " under " + dataMount)
                .isTrue();
        assertThat(upgrade.target().startsWith(dataMount))
                .as(upgrade.target() + " under " + dataMount)
                .isTrue();
        assertThat(upgrade.target()).isNotEqualTo(upgrade.source());
        assertThat(pod.path("volumes").path(0).path("hostPath").path("path").asText())
                .isEqualTo("/opt/trains/data");
    }
}
