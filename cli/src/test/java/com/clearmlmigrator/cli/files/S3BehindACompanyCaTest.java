package com.clearmlmigrator.cli.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.clearmlmigrator.testsupport.TestCertificates;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * An S3 server on a company network (MinIO, Ceph) whose certificate the company's own CA signed, over a real HTTPS
 * socket: the command trusts that CA when given its PEM file as the services take it ({@code MIGRATOR_TLS_CA_FILE}),
 * checks stay on, and without it the operator is told what to give.
 */
class S3BehindACompanyCaTest {
    private static final String EMPTY_LISTING = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><ListBucketResult"
            + " xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><Name>datasets</Name><Prefix>clearml/</Prefix>"
            + "<KeyCount>0</KeyCount><MaxKeys>1</MaxKeys><IsTruncated>false</IsTruncated></ListBucketResult>";
    private static final BucketLocation LOCATION = BucketLocation.parse("s3://datasets/clearml");

    private final TestCertificates company = TestCertificates.newAuthority("a company's CA");
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private HttpsServer server;
    private S3Client client;

    @BeforeEach
    void serveOverTls() throws IOException {
        server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(company.serverContext()));
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            requests.add(
                    exchange.getRequestMethod() + " " + exchange.getRequestURI().getRawPath());
            answer(exchange, "GET".equals(exchange.getRequestMethod()) ? EMPTY_LISTING : "");
        });
        server.start();
    }

    @AfterEach
    void stop() {
        if (client != null) {
            client.close();
        }
        server.stop(0);
    }

    @Test
    void aBucketBehindTheCompanysCaIsListedAndWrittenWithThatCaGiven(@TempDir Path folder) throws Exception {
        Path ca = company.writeCaPem(folder.resolve("company-ca.pem"));
        Path state = Files.writeString(folder.resolve("state.json"), "{}");

        S3Objects bucket = S3Objects.at(client(Optional.of(ca)), LOCATION);
        bucket.upload("clearml/a/state.json", state, null);

        assertThat(requests).containsExactly("GET /datasets", "PUT /datasets/clearml/a/state.json");
    }

    @Test
    void withoutTheCaTheCertificateIsRefusedWithWhatToGive() {
        assertThatThrownBy(() -> S3Objects.at(client(Optional.empty()), LOCATION))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("the S3 server for s3://datasets/clearml/ failed the TLS handshake (")
                .hasMessageContaining("give that CA's PEM file to this command as MIGRATOR_TLS_CA_FILE");
        assertThat(requests).isEmpty();
    }

    @Test
    void aCaOfAnotherCompanyDoesNotOpenIt(@TempDir Path folder) {
        Path stranger = TestCertificates.newAuthority("another CA").writeCaPem(folder.resolve("other-ca.pem"));

        assertThatThrownBy(() -> S3Objects.at(client(Optional.of(stranger)), LOCATION))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("failed the TLS handshake");
        assertThat(requests).isEmpty();
    }

    /** What a web server speaking plain HTTP answers to a TLS hello: a 400 in clear text, as Jetty and nginx do. */
    @Test
    void anHttpsEndpointThatAnswersPlainHttpIsToldToBeGivenAsHttp() throws IOException {
        try (ServerSocket plain = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread answering = new Thread(() -> answerEachInClearText(plain));
            answering.setDaemon(true);
            answering.start();
            S3Client overHttps = S3Clients.create(
                    URI.create("https://127.0.0.1:" + plain.getLocalPort()),
                    "us-east-1",
                    StaticCredentialsProvider.create(AwsBasicCredentials.create("key", "secret")),
                    Optional.empty());
            client = overHttps;

            assertThatThrownBy(() -> S3Objects.at(overHttps, LOCATION))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("the S3 server for s3://datasets/clearml/ answered HTTPS in plain HTTP: give"
                            + " --s3-endpoint as http://");
        }
    }

    private static void answerEachInClearText(ServerSocket plain) {
        while (!plain.isClosed()) {
            try (Socket connection = plain.accept()) {
                connection
                        .getOutputStream()
                        .write("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                                .getBytes(StandardCharsets.US_ASCII));
            } catch (IOException e) {
                return; // closed at the test's end
            }
        }
    }

    @Test
    void aCaFileThatHoldsNoCertificateIsNamed(@TempDir Path folder) throws IOException {
        Path notPem = Files.writeString(folder.resolve("ca.pem"), "not a certificate");

        assertThatThrownBy(() -> client(Optional.of(notPem)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("The CA file " + notPem + " (MIGRATOR_TLS_CA_FILE)");
    }

    private S3Client client(Optional<Path> caFile) {
        client = S3Clients.create(
                URI.create("https://localhost:" + server.getAddress().getPort()),
                "us-east-1",
                StaticCredentialsProvider.create(AwsBasicCredentials.create("key", "secret")),
                caFile);
        return client;
    }

    private static void answer(HttpExchange exchange, String xml) throws IOException {
        byte[] bytes = xml.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/xml");
        exchange.getResponseHeaders().add("ETag", "\"e1\"");
        exchange.sendResponseHeaders(200, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }
}
