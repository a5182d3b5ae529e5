package com.clearmlmigrator.cli.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.azure.core.util.BinaryData;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.BlobServiceClientBuilder;
import com.azure.storage.blob.models.BlobItem;
import com.azure.storage.blob.models.ListBlobsOptions;
import com.azure.storage.blob.specialized.BlobLeaseClient;
import com.azure.storage.blob.specialized.BlobLeaseClientBuilder;
import com.azure.storage.common.StorageSharedKeyCredential;
import com.clearmlmigrator.testsupport.AzuriteServer;

/** Dataset state files in an Azure Blob Storage container, relinked and restored through Azurite over HTTP. */
class DatasetContainerIT extends StateFilesInAStore {
    private static final String CONTAINER = "new-bucket";
    private static final String HOST = AzuriteServer.ACCOUNT + ".blob.core.windows.net";
    /** Where ClearML's SDK finds an account's key when clearml.conf names none. */
    private static final Map<String, String> KEY_IN_ENVIRONMENT =
            Map.of("AZURE_STORAGE_ACCOUNT", AzuriteServer.ACCOUNT, "AZURE_STORAGE_KEY", AzuriteServer.KEY);

    private static AzuriteServer server;
    private static BlobContainerClient container;

    @BeforeAll
    static void startAzurite() throws Exception {
        server = AzuriteServer.start();
        container = containerClient(CONTAINER, AzuriteServer.KEY);
    }

    @AfterAll
    static void stopAzurite() {
        if (server != null) {
            server.close();
        }
    }

    @BeforeEach
    void emptyContainer() {
        container.createIfNotExists();
        container
                .listBlobs()
                .forEach(blob -> container.getBlobClient(blob.getName()).delete());
    }

    private static BlobContainerClient containerClient(String name, String key) {
        return new BlobServiceClientBuilder()
                .endpoint(server.endpoint().toString())
                .credential(new StorageSharedKeyCredential(AzuriteServer.ACCOUNT, key))
                .buildClient()
                .getBlobContainerClient(name);
    }

    /** Azure deletes a blob a request, 16 at once. */
    @Override
    int keptOriginals() {
        return 100;
    }

    @Override
    String root() {
        return "azure://" + HOST + "/" + CONTAINER;
    }

    @Override
    ObjectStore open(String uri) {
        ContainerLocation location = ContainerLocation.parse(uri);
        return AzureBlobs.at(
                AzureContainers.forContainer(location, Optional.empty(), server.endpoint(), KEY_IN_ENVIRONMENT),
                location);
    }

    @Override
    void put(String key, String text) {
        container.getBlobClient(key).upload(BinaryData.fromString(text), true);
    }

    @Override
    String get(String key) {
        return container.getBlobClient(key).downloadContent().toString();
    }

    @Override
    List<String> keys() {
        return container.listBlobs().stream().map(BlobItem::getName).toList();
    }

    @Override
    long bytesUnder(String prefix) {
        return container.listBlobs(new ListBlobsOptions().setPrefix(prefix), null).stream()
                .mapToLong(blob -> blob.getProperties().getContentLength())
                .sum();
    }

    @Test
    void theKeyIsTakenFromClearmlConfAsTheSdkFindsItForTheContainersAccount(@TempDir Path folder) throws Exception {
        String images = state("a1", OLD + "/raw/f0.csv");
        put("clearml/" + IMAGES, images);
        Path conf = folder.resolve("clearml.conf");
        Files.writeString(conf, """
                sdk {
                  azure.storage {
                    containers: [
                      { account_name: "another", account_key: "bm90IHRoaXMgb25l" },
                      { account_name: "%1$s", container_name: "another-container", account_key: "bm90IHRoaXMgb25l" },
                      { account_name: "%1$s", account_key: "%2$s" }
                    ]
                  }
                }
                """.formatted(AzuriteServer.ACCOUNT, AzuriteServer.KEY));
        BucketAccess access =
                new BucketAccess(Optional.of(ClearmlConf.read(conf)), null, null, server.endpoint(), Map.of());

        StateFilesReport relinked;
        try (DatasetBucket place = access.open(root() + "/clearml", "--dataset-bucket " + root() + "/clearml")) {
            relinked = new StateFilesRelink(place).relink("m1", OLD, NEW, false);
        }

        assertThat(relinked.changed()).isEqualTo(1);
        assertThat(get("clearml/" + IMAGES)).isEqualTo(images.replace(OLD, NEW));
    }

    /** A blob Azure keeps (under a lease) is named and the others deleted; one gone already counts as deleted. */
    @Test
    void aBlobAzureKeepsIsNamedAndOneGoneAlreadyCountsAsDeleted() throws Exception {
        put("j/leased.json", "{}");
        put("j/free.json", "{}");
        BlobLeaseClient lease = new BlobLeaseClientBuilder()
                .blobClient(container.getBlobClient("j/leased.json"))
                .buildClient();
        lease.acquireLease(-1);
        try (ObjectStore store = open(root())) {
            assertThatThrownBy(() -> store.delete(List.of("j/gone.json", "j/leased.json", "j/free.json")))
                    .isInstanceOf(PlaceRefusedException.class)
                    .hasMessageStartingWith("1 of the blobs could not be deleted from " + root())
                    .hasMessageContaining(", j/leased.json the first: Azure answered 412 LeaseIdMissing");
        } finally {
            lease.breakLease();
        }
        assertThat(keys()).containsExactly("j/leased.json");
    }

    @Test
    void aContainerWithNoKeyFoundForItsAccountIsRefusedWithWhereToGiveOne() {
        ContainerLocation location = ContainerLocation.parse(root());

        assertThatThrownBy(() -> AzureContainers.forContainer(location, Optional.empty(), server.endpoint(), Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no Azure key found for the account clearmldata of " + root() + "/: give --clearml-conf"
                        + " with ClearML's configuration (sdk.azure.storage.containers), or set AZURE_STORAGE_ACCOUNT"
                        + " and AZURE_STORAGE_KEY to the account's name and key");
    }

    @Test
    void aContainerThatIsNotThereIsRefusedWithWhatToCheck() {
        assertThatThrownBy(() -> open("azure://" + HOST + "/no-such-container/clearml"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("there is no container no-such-container in the account clearmldata (check its name, and"
                        + " --azure-endpoint for a server other than Azure)");
    }

    @Test
    void aKeyTheServerDoesNotTakeIsRefusedWithoutBeingPrinted() {
        String wrongKey = "bm90LXRoZS1hY2NvdW50LWtleQ==";
        ContainerLocation location = ContainerLocation.parse(root());

        assertThatThrownBy(() -> AzureBlobs.at(containerClient(CONTAINER, wrongKey), location))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Azure did not take the key of the account clearmldata (")
                .hasMessageNotContaining(wrongKey)
                .hasMessageNotContaining(AzuriteServer.KEY);
    }

    @Test
    void aBlobServiceThatDoesNotAnswerIsNamedWithTheOptionToCheck() {
        ContainerLocation location = ContainerLocation.parse(root());
        var unreachable = containerNobodyServes(location);

        assertThatThrownBy(() -> AzureBlobs.at(unreachable, location))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("cannot reach Azure Blob Storage for " + root() + "/ (")
                .hasMessageEndingWith("); check --azure-endpoint");
    }

    /**
     * Not a count of blobs that stay, each waited out through its retries: the service is named, as failing after it
     * had answered (a journal is forgotten from a container opened first).
     */
    @Test
    void deletionsAServiceNoLongerAnswersEndWithItsSentence() {
        ContainerLocation location = ContainerLocation.parse(root());
        var away = containerNobodyServes(location);
        List<String> journal = java.util.stream.IntStream.range(0, 100)
                .mapToObj(i -> "j/originals/d" + i + "/state.json")
                .toList();

        assertThatThrownBy(() -> new AzureBlobs(away, location).delete(journal))
                .isInstanceOf(PlaceRefusedException.class)
                .hasMessageStartingWith("the connection to Azure Blob Storage for " + root() + "/ failed midway (")
                .hasMessageNotContaining("--azure-endpoint");
    }

    /** The container at a port nothing listens on (9, discard, closed here). */
    private static BlobContainerClient containerNobodyServes(ContainerLocation location) {
        return AzureContainers.forContainer(
                location,
                Optional.empty(),
                URI.create("http://127.0.0.1:9/" + AzuriteServer.ACCOUNT),
                KEY_IN_ENVIRONMENT);
    }

    @Test
    void anAddressThatIsNotAContainerIsRefusedWithHowToWriteOne() {
        assertThatThrownBy(() -> ContainerLocation.parse("azure://" + HOST))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("'azure://" + HOST + "' is not an Azure container: give it as"
                        + " azure://ACCOUNT.blob.core.windows.net/CONTAINER");
        ContainerLocation deep = ContainerLocation.parse("azure://acct.blob.core.windows.net/data/clearml/datasets");
        assertThat(deep.account()).isEqualTo("acct");
        assertThat(deep.container()).isEqualTo("data");
        assertThat(deep.prefix()).isEqualTo("clearml/datasets/");
        assertThat(ContainerLocation.parse("azure://acct.blob.core.windows.net/data/")
                        .prefix())
                .isEmpty();
    }
}
