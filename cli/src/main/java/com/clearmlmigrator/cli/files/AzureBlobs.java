package com.clearmlmigrator.cli.files;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.azure.core.util.BinaryData;
import com.azure.storage.blob.BlobClient;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.models.BlobErrorCode;
import com.azure.storage.blob.models.BlobItem;
import com.azure.storage.blob.models.BlobRequestConditions;
import com.azure.storage.blob.models.BlobStorageException;
import com.azure.storage.blob.models.ListBlobsOptions;
import com.azure.storage.blob.options.BlobDownloadToFileOptions;
import com.azure.storage.blob.options.BlobUploadFromFileOptions;

/** The blobs of an Azure Blob Storage container, over Azure's SDK. */
final class AzureBlobs implements ObjectStore {
    private static final int DELETES_AT_ONCE = 16;

    private final BlobContainerClient container;
    private final ContainerLocation location;

    AzureBlobs(BlobContainerClient container, ContainerLocation location) {
        this.container = container;
        this.location = location;
    }

    /**
     * The container, listed once to see that it is there and takes the key.
     *
     * @throws IllegalArgumentException with a sentence for the operator when the container cannot be listed
     */
    static AzureBlobs at(BlobContainerClient container, ContainerLocation location) {
        try {
            container
                    .listBlobs(
                            new ListBlobsOptions().setPrefix(location.prefix()).setMaxResultsPerPage(1), null)
                    .iterableByPage()
                    .iterator()
                    .next();
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(AzureErrors.sentence(e, location), e);
        }
        return new AzureBlobs(container, location);
    }

    @Override
    public String where() {
        return location.toString();
    }

    @Override
    public String prefix() {
        return location.prefix();
    }

    @Override
    public String download(String key, Path into) throws IOException {
        try {
            return blob(key)
                    .downloadToFileWithResponse(new BlobDownloadToFileOptions(into.toString()), null, null)
                    .getValue()
                    .getETag();
        } catch (RuntimeException e) {
            Files.deleteIfExists(into);
            throw failure(e, key);
        }
    }

    @Override
    public String version(String key) throws IOException {
        try {
            return blob(key).getProperties().getETag();
        } catch (RuntimeException e) {
            throw failure(e, key);
        }
    }

    /** Azure answers 412 ConditionNotMet to a version that is not the blob's. */
    @Override
    public void upload(String key, Path file, String ifVersion) throws IOException {
        BlobUploadFromFileOptions options = new BlobUploadFromFileOptions(file.toString());
        if (ifVersion != null) {
            options.setRequestConditions(new BlobRequestConditions().setIfMatch(ifVersion));
        }
        try {
            blob(key).uploadFromFileWithResponse(options, null, null);
        } catch (BlobStorageException e) {
            if (e.getStatusCode() == 412) {
                throw new WrittenMeanwhileException();
            }
            throw refused(e);
        } catch (RuntimeException e) {
            throw refused(e);
        }
    }

    @Override
    public void write(String key, String text) throws IOException {
        try {
            blob(key).upload(BinaryData.fromString(text), true);
        } catch (RuntimeException e) {
            throw refused(e);
        }
    }

    @Override
    public Level level(String prefix) throws IOException {
        List<String> keys = new ArrayList<>();
        List<String> folders = new ArrayList<>();
        try {
            for (BlobItem item : container.listBlobsByHierarchy("/", new ListBlobsOptions().setPrefix(prefix), null)) {
                (Boolean.TRUE.equals(item.isPrefix()) ? folders : keys).add(item.getName());
            }
        } catch (RuntimeException e) {
            throw refused(e);
        }
        return new Level(keys, folders);
    }

    /** Folder markers: blobs whose names end with /, which some tools make for every folder. */
    @Override
    public Map<String, Long> sizesUnder(String folder) throws IOException {
        Map<String, Long> sizes = new LinkedHashMap<>();
        try {
            for (BlobItem item : container.listBlobs(new ListBlobsOptions().setPrefix(folder), null)) {
                if (!item.getName().endsWith("/")) {
                    sizes.put(item.getName(), item.getProperties().getContentLength());
                }
            }
        } catch (RuntimeException e) {
            throw refused(e);
        }
        return sizes;
    }

    /**
     * One request a blob, {@value #DELETES_AT_ONCE} at once: a relink's journal holds one original and one change mark a
     * file it changed, thousands for a large server, each deletion a round trip. A blob Azure refuses to delete is
     * counted and the others deleted; a service that stops answering ends the deletions at once.
     */
    @Override
    public void delete(List<String> keys) throws IOException {
        ExecutorService deleters = Executors.newFixedThreadPool(Math.min(DELETES_AT_ONCE, Math.max(1, keys.size())));
        try {
            List<Future<?>> deletions = keys.stream()
                    .<Future<?>>map(key -> deleters.submit(() -> blob(key).deleteIfExists()))
                    .toList();
            int failed = 0;
            String first = null;
            for (int i = 0; i < deletions.size(); i++) {
                try {
                    deletions.get(i).get();
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof BlobStorageException refusal)) {
                        // The service did not answer: the deletions still waiting are dropped, not each waited out.
                        throw e.getCause() instanceof RuntimeException away
                                ? refused(away)
                                : new IOException(e.getCause());
                    }
                    failed++;
                    first = first == null
                            ? keys.get(i) + " the first: " + AzureErrors.sentence(refusal, location)
                            : first;
                }
            }
            if (failed > 0) {
                throw new PlaceRefusedException(
                        failed + " of the blobs could not be deleted from " + location + ", " + first);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("stopped while deleting from " + location);
        } finally {
            deleters.shutdownNow();
        }
    }

    @Override
    public void close() {
        // An Azure client holds nothing to give back.
    }

    private BlobClient blob(String key) {
        return container.getBlobClient(key);
    }

    private IOException failure(RuntimeException e, String key) {
        if (e instanceof BlobStorageException missing
                && missing.getStatusCode() == 404
                && !BlobErrorCode.CONTAINER_NOT_FOUND.equals(missing.getErrorCode())) {
            return new NoSuchFileException(key);
        }
        return refused(e);
    }

    private PlaceRefusedException refused(RuntimeException e) {
        return new PlaceRefusedException(AzureErrors.midway(e, location));
    }
}
