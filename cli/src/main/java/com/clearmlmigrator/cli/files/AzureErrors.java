package com.clearmlmigrator.cli.files;

import com.azure.storage.blob.models.BlobStorageException;

/** What the operator is told when Azure Blob Storage refuses: what happened, what to give instead. Never the key. */
final class AzureErrors {
    private AzureErrors() {}

    static String sentence(RuntimeException e, ContainerLocation location) {
        if (e instanceof BlobStorageException refused) {
            return refusal(refused, location);
        }
        return "cannot reach Azure Blob Storage for " + location + " (" + FailureCause.of(e)
                + "); check --azure-endpoint";
    }

    /** The same, for a request after the container was reached ({@link FailureCause#midway}). */
    static String midway(RuntimeException e, ContainerLocation location) {
        return e instanceof BlobStorageException refused
                ? refusal(refused, location)
                : FailureCause.midway("Azure Blob Storage", location, e);
    }

    private static String refusal(BlobStorageException e, ContainerLocation location) {
        String code = e.getErrorCode() == null ? null : e.getErrorCode().toString();
        if ("ContainerNotFound".equals(code)) {
            return "there is no container " + location.container() + " in the account " + location.account()
                    + " (check its name, and --azure-endpoint for a server other than Azure)";
        }
        if ("AuthenticationFailed".equals(code) || "AuthorizationFailure".equals(code)) {
            return "Azure did not take the key of the account " + location.account() + " (" + code + "): check"
                    + " AZURE_STORAGE_KEY, or the account_key of sdk.azure.storage.containers in clearml.conf";
        }
        if (e.getStatusCode() == 403) {
            return "Azure refused access to " + location + " (" + code + "): the key must list, read and write the"
                    + " container";
        }
        return "Azure answered " + e.getStatusCode() + (code == null ? "" : " " + code) + " for " + location;
    }
}
