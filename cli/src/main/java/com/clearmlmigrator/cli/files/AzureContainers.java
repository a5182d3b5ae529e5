package com.clearmlmigrator.cli.files;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.BlobServiceClientBuilder;
import com.azure.storage.common.StorageSharedKeyCredential;
import com.azure.storage.common.policy.RequestRetryOptions;
import com.azure.storage.common.policy.RetryPolicyType;

/** Clients for Azure Blob Storage containers of state files, with the account keys ClearML's SDK would use. */
final class AzureContainers {
    /**
     * Three tries, the first retry after half a second: Azure's default waits 4 s, 8 s and 16 s, half a minute before an
     * operator who gave the wrong endpoint hears of it. A try may take minutes: a state file can hold a large dataset.
     */
    private static final RequestRetryOptions RETRIES = new RequestRetryOptions(
            RetryPolicyType.EXPONENTIAL, 3, Duration.ofMinutes(5), Duration.ofMillis(500), Duration.ofSeconds(4), null);

    private AzureContainers() {}

    /**
     * A client for the container, with its account's key as ClearML's SDK finds it: the entry of {@code
     * sdk.azure.storage.containers} in {@code clearml.conf} for its account and container, else {@code
     * AZURE_STORAGE_KEY} when {@code AZURE_STORAGE_ACCOUNT} names its account.
     *
     * @param endpoint the Blob service's URL, for Azurite or another cloud; null for {@code https://<host>}
     * @throws IllegalArgumentException with a sentence for the operator when no key is found
     */
    static BlobContainerClient forContainer(
            ContainerLocation location, Optional<ClearmlConf> conf, URI endpoint, Map<String, String> environment) {
        String key = conf.flatMap(c -> c.forContainer(location))
                .or(() -> fromEnvironment(location, environment))
                .orElseThrow(() -> new IllegalArgumentException("no Azure key found for the account "
                        + location.account() + " of " + location + ": give --clearml-conf with ClearML's"
                        + " configuration (sdk.azure.storage.containers), or set AZURE_STORAGE_ACCOUNT and"
                        + " AZURE_STORAGE_KEY to the account's name and key"));
        return new BlobServiceClientBuilder()
                .endpoint(endpoint != null ? endpoint.toString() : "https://" + location.host())
                .credential(new StorageSharedKeyCredential(location.account(), key))
                .retryOptions(RETRIES)
                .buildClient()
                .getBlobContainerClient(location.container());
    }

    private static Optional<String> fromEnvironment(ContainerLocation location, Map<String, String> environment) {
        String key = environment.get("AZURE_STORAGE_KEY");
        return location.account().equals(environment.get("AZURE_STORAGE_ACCOUNT")) && key != null && !key.isBlank()
                ? Optional.of(key)
                : Optional.empty();
    }
}
