package com.clearmlmigrator.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.azure.core.util.BinaryData;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.BlobServiceClientBuilder;
import com.azure.storage.common.StorageSharedKeyCredential;
import com.clearmlmigrator.cli.ExitCode;
import com.clearmlmigrator.synthetic.ClearmlWorld;
import com.clearmlmigrator.synthetic.DatasetSpec;
import com.clearmlmigrator.synthetic.MongoDataset;
import com.clearmlmigrator.synthetic.MongoSeeder;
import com.clearmlmigrator.testsupport.AzuriteServer;

/**
 * Datasets uploaded to an Azure Blob Storage container: the command relinks the links in their state files there (on
 * Azurite, with the account's key from ClearML's configuration) while the system relinks the stores, and its undo
 * restores them.
 */
@OnRunningSystem
class StateFilesInContainerIT {
    private static final String DATABASE = "container_backend";
    private static final String CONTAINER = "e2e-datasets";
    private static final String ROOT =
            "azure://" + AzuriteServer.ACCOUNT + ".blob.core.windows.net/" + CONTAINER + "/clearml";
    private static final String STATE = "clearml/vision/.datasets/images/images.b1/artifacts/state/state.json";
    private static final String OLD = DatasetSpec.DEFAULT_FILE_SERVER;
    private static final String NEW = "http://files.example.com:8081";

    private static AzuriteServer azurite;
    private static BlobContainerClient container;

    @BeforeAll
    static void aContainerWithADatasetsStateFile() throws Exception {
        new MongoSeeder(RunningSystem.ports().mongoUri())
                .seed(DATABASE, new MongoDataset(ClearmlWorld.generate(DatasetSpec.of(12, 1, 4))).collections());
        azurite = AzuriteServer.start();
        container = new BlobServiceClientBuilder()
                .endpoint(azurite.endpoint().toString())
                .credential(new StorageSharedKeyCredential(AzuriteServer.ACCOUNT, AzuriteServer.KEY))
                .buildClient()
                .getBlobContainerClient(CONTAINER);
        container.createIfNotExists();
    }

    @AfterAll
    static void stopAzurite() {
        if (azurite != null) {
            azurite.close();
        }
    }

    @Test
    void aRelinkMovesTheLinksOfTheStateFilesInTheContainerAndItsUndoPutsThemBack(@TempDir Path folder)
            throws Exception {
        String before = "{\n    \"dataset_link_entries\": [\n        {\n            \"link\": \"" + OLD
                + "/raw/a.png\",\n            \"size\": 10\n        }\n    ],\n    \"id\": \"b1\"\n}";
        container.getBlobClient(STATE).upload(BinaryData.fromString(before), true);
        // As ClearML's SDK reads the account's key: sdk.azure.storage.containers in clearml.conf.
        Path conf = Files.writeString(
                folder.resolve("clearml.conf"),
                "sdk.azure.storage.containers: [ { account_name: \"" + AzuriteServer.ACCOUNT + "\", account_key: \""
                        + AzuriteServer.KEY + "\" } ]");
        String[] containerOptions = {
            "--dataset-bucket",
            ROOT,
            "--azure-endpoint",
            azurite.endpoint().toString(),
            "--clearml-conf",
            conf.toString()
        };

        CommandRun relinked = CommandRun.of(CommandRun.relink(DATABASE, OLD, NEW, containerOptions));

        assertThat(relinked.code()).as(relinked.out() + relinked.err()).isEqualTo(ExitCode.SUCCEEDED);
        String id = relinked.migrationId();
        assertThat(relinked.out())
                .containsSubsequence(
                        "Migration " + id + " accepted",
                        "Dataset state files under " + ROOT + "/: 1 read, 1 external-file links in 1 of them changed.",
                        "Migration " + id + " SUCCEEDED.")
                .doesNotContain(AzuriteServer.KEY);
        assertThat(container.getBlobClient(STATE).downloadContent().toString()).isEqualTo(before.replace(OLD, NEW));
        assertThat(CommandRun.of("report", id).out())
                .contains("`undo` with --dataset-bucket " + ROOT + " --azure-endpoint " + azurite.endpoint()
                        + " --clearml-conf " + conf + " restores them.");

        CommandRun undo = CommandRun.of(CommandRun.words(new String[] {"undo", id}, containerOptions));

        assertThat(undo.code()).as(undo.out() + undo.err()).isEqualTo(ExitCode.SUCCEEDED);
        assertThat(undo.out()).contains(ROOT + "/: 1 of the 1 the relink changed restored.");
        assertThat(container.getBlobClient(STATE).downloadContent().toString()).isEqualTo(before);
    }
}
