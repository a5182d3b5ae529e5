package com.clearmlmigrator.cli.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Our S3 client against an S3 server over HTTP that, like Ceph's RADOS Gateway and other S3 servers, refuses a
 * multi-object delete without {@code Content-MD5}: the AWS SDK stopped sending it in 2.30, sending its own CRC32 header
 * instead. (S3Proxy, the S3 server of our other tests, answers that header 501, which {@link S3Objects} meets by
 * deleting one key a request.)
 */
class S3ClientsTest {
    private static final String REFUSAL = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>InvalidRequest</Code>"
            + "<Message>Missing required header for this request: Content-MD5</Message></Error>";
    private static final String DELETED =
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><DeleteResult xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"/>";

    private final List<String> deleteBodyDigests = new CopyOnWriteArrayList<>();
    private final List<String> contentMd5Headers = new CopyOnWriteArrayList<>();
    private HttpServer server;

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::answer);
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    @Test
    void aMultiObjectDeleteCarriesTheContentMd5OfItsBodyWhichOlderS3ServersRequire() throws Exception {
        try (S3Client client = S3Clients.create(
                URI.create("http://127.0.0.1:" + server.getAddress().getPort()),
                "us-east-1",
                StaticCredentialsProvider.create(AwsBasicCredentials.create("key", "secret")))) {
            new S3Objects(client, BucketLocation.parse("s3://datasets/clearml"))
                    .delete(List.of("clearml/a/state.json", "clearml/b/state.json"));
        }

        assertThat(deleteBodyDigests).as("one request for both keys").hasSize(1);
        assertThat(contentMd5Headers).containsExactlyElementsOf(deleteBodyDigests);
    }

    private void answer(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        boolean delete = "POST".equals(exchange.getRequestMethod())
                && String.valueOf(exchange.getRequestURI().getRawQuery()).startsWith("delete");
        String md5 = exchange.getRequestHeaders().getFirst("Content-MD5");
        if (delete) {
            deleteBodyDigests.add(md5Of(body));
            if (md5 != null) {
                contentMd5Headers.add(md5);
            }
        }
        byte[] answer = (delete && md5 == null ? REFUSAL : DELETED).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/xml");
        exchange.sendResponseHeaders(delete && md5 == null ? 400 : 200, answer.length);
        exchange.getResponseBody().write(answer);
        exchange.close();
    }

    private static String md5Of(byte[] body) {
        try {
            return Base64.getEncoder()
                    .encodeToString(MessageDigest.getInstance("MD5").digest(body));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
