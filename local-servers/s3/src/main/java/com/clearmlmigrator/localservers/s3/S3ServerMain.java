package com.clearmlmigrator.localservers.s3;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;

/**
 * An S3 server on loopback for datasets uploaded to a bucket, as MinIO would serve them beside a ClearML server: S3Proxy
 * answering the S3 API over HTTP with signed requests, its objects kept as files under a data folder (so they outlive a
 * restart).
 *
 * <p>Arguments: port, data folder, access key, secret key. Prints {@code S3_READY} once it listens.
 */
public final class S3ServerMain {
    private S3ServerMain() {}

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        Path data = Files.createDirectories(Path.of(args[1]));
        Properties settings = new Properties();
        settings.setProperty("jclouds.filesystem.basedir", data.toString());
        BlobStoreContext store =
                ContextBuilder.newBuilder("filesystem").overrides(settings).build(BlobStoreContext.class);
        S3Proxy proxy = S3Proxy.builder()
                .blobStore(store.getBlobStore())
                .endpoint(URI.create("http://127.0.0.1:" + port))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, args[2], args[3])
                .build();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                proxy.stop();
            } catch (Exception e) {
                // Stopping anyway: the process ends.
            }
            store.close();
        }));
        proxy.start();
        System.out.println("S3_READY on http://127.0.0.1:" + port);
    }
}
