package com.clearmlmigrator.cli.files;

import java.net.URI;

/**
 * An Azure Blob Storage container, and the folder in it, that datasets were uploaded to: the start of a dataset's
 * {@code output_uri} as ClearML writes it, {@code azure://ACCOUNT.blob.core.windows.net/CONTAINER/FOLDER}.
 *
 * @param host      the account's host, {@code ACCOUNT.blob.core.windows.net}
 * @param container the container's name
 * @param prefix    the folder in it, empty or ending with /
 */
public record ContainerLocation(String host, String container, String prefix) {
    /** @throws IllegalArgumentException with a sentence for the operator when {@code uri} is no container's address */
    public static ContainerLocation parse(String uri) {
        URI parsed;
        try {
            parsed = URI.create(uri.strip());
        } catch (IllegalArgumentException e) {
            throw notAContainer(uri);
        }
        String path = parsed.getPath() == null ? "" : parsed.getPath().replaceAll("^/+", "");
        int slash = path.indexOf('/');
        String container = slash < 0 ? path : path.substring(0, slash);
        if (!"azure".equalsIgnoreCase(parsed.getScheme()) || parsed.getHost() == null || container.isEmpty()) {
            throw notAContainer(uri);
        }
        String folder = slash < 0 ? "" : path.substring(slash + 1);
        return new ContainerLocation(
                parsed.getAuthority(), container, folder.isEmpty() || folder.endsWith("/") ? folder : folder + "/");
    }

    /** The storage account, as ClearML's SDK takes it from the host: the name before its first dot. */
    public String account() {
        int dot = host.indexOf('.');
        return dot < 0 ? host : host.substring(0, dot);
    }

    private static IllegalArgumentException notAContainer(String uri) {
        return new IllegalArgumentException("'" + uri + "' is not an Azure container: give it as"
                + " azure://ACCOUNT.blob.core.windows.net/CONTAINER or .../CONTAINER/FOLDER, the start of the datasets'"
                + " output_uri.");
    }

    @Override
    public String toString() {
        return "azure://" + host + "/" + container + "/" + prefix;
    }
}
