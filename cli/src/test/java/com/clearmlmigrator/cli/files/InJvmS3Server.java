package com.clearmlmigrator.cli.files;

import java.net.URI;
import java.util.Properties;

import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.s3.S3Client;

/** An S3 server in the test's JVM (S3Proxy over jclouds' in-memory store), spoken to over HTTP with signed requests. */
final class InJvmS3Server implements AutoCloseable {
    static final String ACCESS_KEY = "clearml-access";
    static final String SECRET_KEY = "clearml-secret-never-printed";

    private final S3Proxy proxy;
    private final BlobStoreContext store;

    /** Objects in memory. */
    InJvmS3Server() throws Exception {
        this("transient", new Properties());
    }

    /**
     * Objects as files under {@code folder/<bucket>/<key>}; a file put there by hand is an object the server gives no
     * ETag for.
     */
    InJvmS3Server(java.nio.file.Path folder) throws Exception {
        this("filesystem", filesIn(folder));
    }

    private static Properties filesIn(java.nio.file.Path folder) {
        Properties settings = new Properties();
        settings.setProperty("jclouds.filesystem.basedir", folder.toString());
        return settings;
    }

    private InJvmS3Server(String provider, Properties settings) throws Exception {
        store = ContextBuilder.newBuilder(provider)
                .credentials("identity", "credential")
                .overrides(settings)
                .build(BlobStoreContext.class);
        proxy = S3Proxy.builder()
                .blobStore(store.getBlobStore())
                .endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
                .build();
        proxy.start(); // returns once Jetty listens
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + proxy.getPort());
    }

    S3Client client(String accessKey, String secretKey) {
        return S3Clients.create(
                endpoint(),
                "us-east-1",
                StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secretKey)));
    }

    S3Client client() {
        return client(ACCESS_KEY, SECRET_KEY);
    }

    @Override
    public void close() throws Exception {
        proxy.stop();
        store.close();
    }
}
