package com.clearmlmigrator.cli.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Our S3 calls over HTTP against what S3 servers other than AWS answer to what AWS added later: a multi-object delete
 * without {@code Content-MD5} (refused by Ceph's RADOS Gateway and others; the AWS SDK stopped sending it in 2.30), no
 * multi-object delete at all (Google Cloud Storage's XML API), no conditional writes (older MinIO and Ceph), no
 * {@code aws-chunked} bodies (Google Cloud Storage, OVH, AIStore). The S3 server of the other tests (S3Proxy) has all of
 * these, so these answers are written out here as such servers give them.
 */
class OlderS3ServersTest {
    private static final String NOT_IMPLEMENTED = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error>"
            + "<Code>NotImplemented</Code><Message>A header you provided implies functionality that is not"
            + " implemented.</Message></Error>";
    private static final String MD5_MISSING = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error>"
            + "<Code>InvalidRequest</Code><Message>Missing required header for this request: Content-MD5</Message>"
            + "</Error>";
    private static final String DELETED =
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><DeleteResult xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"/>";

    private final List<String> requests = new CopyOnWriteArrayList<>();
    private HttpServer server;
    private S3Client client;

    @AfterEach
    void stop() {
        client.close();
        server.stop(0);
    }

    @Test
    void aMultiObjectDeleteCarriesTheContentMd5OfItsBody() throws Exception {
        List<String> bodyDigests = new CopyOnWriteArrayList<>();
        List<String> md5Headers = new CopyOnWriteArrayList<>();
        serve((exchange, body) -> {
            String md5 = exchange.getRequestHeaders().getFirst("Content-MD5");
            if (!isMultiObjectDelete(exchange)) {
                answer(exchange, 204, "");
            } else if (md5 == null) {
                bodyDigests.add(md5Of(body));
                answer(exchange, 400, MD5_MISSING);
            } else {
                bodyDigests.add(md5Of(body));
                md5Headers.add(md5);
                answer(exchange, 200, DELETED);
            }
        });

        objects().delete(List.of("clearml/a/state.json", "clearml/b/state.json"));

        assertThat(bodyDigests).as("one request for both keys").hasSize(1);
        assertThat(md5Headers).containsExactlyElementsOf(bodyDigests);
    }

    @Test
    void aServerWithoutMultiObjectDeleteIsAskedOnceAKey() throws Exception {
        serve((exchange, body) -> answer(
                exchange,
                isMultiObjectDelete(exchange) ? 501 : 204,
                isMultiObjectDelete(exchange) ? NOT_IMPLEMENTED : ""));

        objects().delete(List.of("clearml/a/state.json", "clearml/b/state.json"));

        assertThat(requests)
                .containsExactly(
                        "POST /datasets?delete",
                        "DELETE /datasets/clearml/a/state.json",
                        "DELETE /datasets/clearml/b/state.json");
    }

    @Test
    void anUploadToAServerWithoutConditionalWritesIsSentAgainWithoutItsCondition(@TempDir Path folder)
            throws Exception {
        List<String> conditions = new CopyOnWriteArrayList<>();
        serve((exchange, body) -> {
            String ifMatch = exchange.getRequestHeaders().getFirst("If-Match");
            conditions.add(String.valueOf(ifMatch));
            answer(exchange, ifMatch != null ? 501 : 200, ifMatch != null ? NOT_IMPLEMENTED : "");
        });
        Path file = Files.writeString(folder.resolve("state.json"), "{}");

        objects().upload("clearml/a/state.json", file, "\"e1\"");

        assertThat(conditions).containsExactly("\"e1\"", "null");
    }

    /**
     * Over plain HTTP, as MinIO and Ceph often run on a LAN, the SDK would send a body as {@code aws-chunked}, signed
     * chunk by chunk: servers without that encoding refuse it (Google Cloud Storage's XML API, OVH) or, worse, keep the
     * chunk framing as the object's bytes (AIStore). A state file goes whole, its payload signed as one.
     */
    @Test
    void anUploadOverPlainHttpIsSentWholeWithItsPayloadSignedAsOne(@TempDir Path folder) throws Exception {
        List<String> uploads = new CopyOnWriteArrayList<>();
        serve((exchange, body) -> {
            String encoding = exchange.getRequestHeaders().getFirst("Content-Encoding");
            uploads.add(new String(body, StandardCharsets.UTF_8) + " | " + encoding + " | "
                    + exchange.getRequestHeaders().getFirst("x-amz-content-sha256"));
            boolean chunked = encoding != null && encoding.contains("aws-chunked");
            answer(exchange, chunked ? 501 : 200, chunked ? NOT_IMPLEMENTED : "");
        });
        String state = "{\"dataset_link_entries\": []}";
        Path file = Files.writeString(folder.resolve("state.json"), state);

        objects().upload("clearml/a/state.json", file, null);

        assertThat(uploads).containsExactly(state + " | null | " + sha256Of(state));
    }

    /** The bucket answered before, so its address was right: a connection dropped midway is not a wrong endpoint. */
    @Test
    void anUploadWhoseConnectionIsDroppedMidwayIsNamedAsSuchNotAsAWrongEndpoint(@TempDir Path folder) throws Exception {
        serve((exchange, body) -> exchange.close()); // no answer: the server closes the connection
        Path file = Files.writeString(folder.resolve("state.json"), "{}");

        assertThatThrownBy(() -> objects().upload("clearml/a/state.json", file, null))
                .isInstanceOf(PlaceRefusedException.class)
                .hasMessageStartingWith("the connection to the S3 server for s3://datasets/clearml/ failed midway (")
                .hasMessageNotContaining("--s3-endpoint");
    }

    private S3Objects objects() {
        client = S3Clients.create(
                URI.create("http://127.0.0.1:" + server.getAddress().getPort()),
                "us-east-1",
                StaticCredentialsProvider.create(AwsBasicCredentials.create("key", "secret")));
        return new S3Objects(client, BucketLocation.parse("s3://datasets/clearml"));
    }

    /** What the server answers to a request, given its body. */
    private interface Answers {
        void answer(HttpExchange exchange, byte[] body) throws IOException;
    }

    private void serve(Answers answers) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String query = exchange.getRequestURI().getRawQuery();
            requests.add(exchange.getRequestMethod() + " "
                    + exchange.getRequestURI().getRawPath() + (query == null ? "" : "?" + query.replace("=", "")));
            answers.answer(exchange, body);
        });
        server.start();
    }

    private static boolean isMultiObjectDelete(HttpExchange exchange) {
        return "POST".equals(exchange.getRequestMethod())
                && String.valueOf(exchange.getRequestURI().getRawQuery()).startsWith("delete");
    }

    private static void answer(HttpExchange exchange, int status, String xml) throws IOException {
        byte[] bytes = xml.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/xml");
        exchange.getResponseHeaders().add("ETag", "\"e2\"");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }

    private static String sha256Of(String text) throws NoSuchAlgorithmException {
        return HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static String md5Of(byte[] body) {
        try {
            return Base64.getEncoder()
                    .encodeToString(MessageDigest.getInstance("MD5").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
